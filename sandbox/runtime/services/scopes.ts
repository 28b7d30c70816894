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
