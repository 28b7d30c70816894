import type { Execution } from "../execution";

/**
 * Whose data a property store, cache or lock is: the whole script (every user of the add-on),
 * one user, or one document (every user of the add-on in that document).
 */
export type ServiceScope =
  { kind: "script" } | { kind: "user"; email: string } | { kind: "document"; documentId: string };

export const SCRIPT_SCOPE: ServiceScope = { kind: "script" };

/** A string naming the scope, for maps keyed by scope. */
export function scopeKey(scope: ServiceScope): string {
  switch (scope.kind) {
    case "script":
      return "script";
    case "user":
      return `user:${scope.email}`;
    case "document":
      return `document:${scope.documentId}`;
  }
}

export function userScope(execution: Execution): ServiceScope {
  return { kind: "user", email: execution.user.email };
}

/** The execution's document scope, or null where Apps Script gives no document. */
export function documentScope(execution: Execution): ServiceScope | null {
  return execution.documentId === null ? null : { kind: "document", documentId: execution.documentId };
}

/**
 * A service's three getters (`getScriptX`, `getUserX`, `getDocumentX`), each counted as a call of
 * the service and handing out the object for its scope; the document one gives null where Apps
 * Script gives no document.
 */
export function scopedGetters<Script extends string, User extends string, Document extends string, T>(
  execution: Execution,
  service: string,
  names: { script: Script; user: User; document: Document },
  make: (scope: ServiceScope) => T,
): Record<Script | User, () => T> & Record<Document, () => T | null> {
  return {
    [names.script]: () => {
      execution.call(service, names.script, "other");
      return make(SCRIPT_SCOPE);
    },
    [names.user]: () => {
      execution.call(service, names.user, "other");
      return make(userScope(execution));
    },
    [names.document]: () => {
      execution.call(service, names.document, "other");
      const scope = documentScope(execution);
      return scope === null ? null : make(scope);
    },
  } as Record<Script | User, () => T> & Record<Document, () => T | null>;
}
