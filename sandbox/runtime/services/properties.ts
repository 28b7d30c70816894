import type { Execution } from "../execution";
import { utf8Length } from "./bytes";
import { scopedGetters, scopeKey, type ServiceScope } from "./scopes";

/** PropertiesService's limits (apps-script-notes.md A3), in UTF-8 bytes. */
export const PROPERTY_LIMITS = {
  valueBytes: 9 * 1024,
  /** Keys and values of one store together. */
  storeBytes: 500 * 1024,
} as const;

const VALUE_TOO_LARGE = "Argument too large: value";
const STORE_FULL = "You have exceeded the property storage quota. Please remove some properties and try again.";

export interface PropertyStoresSnapshot {
  stores: { scope: ServiceScope; properties: Record<string, string> }[];
}

interface Store {
  scope: ServiceScope;
  properties: Map<string, string>;
}

/**
 * Every property store of the script, kept across executions as Google keeps them: the script
 * store, one per user, one per document.
 */
export class PropertyStores {
  private readonly stores = new Map<string, Store>();

  static fromSnapshot(snapshot: PropertyStoresSnapshot): PropertyStores {
    const stores = new PropertyStores();
    for (const { scope, properties } of snapshot.stores) {
      stores.stores.set(scopeKey(scope), { scope, properties: new Map(Object.entries(properties)) });
    }
    return stores;
  }

  snapshot(): PropertyStoresSnapshot {
    return {
      stores: [...this.stores.values()]
        .filter((store) => store.properties.size > 0)
        .map(({ scope, properties }) => ({ scope, properties: Object.fromEntries(properties) })),
    };
  }

  /** The properties a store holds now (host side: tests and tools). */
  read(scope: ServiceScope): Record<string, string> {
    return Object.fromEntries(this.current(scope));
  }

  /** Sets properties in a store as a script would, within the same limits (host side). */
  write(scope: ServiceScope, properties: Record<string, string>): void {
    const problem = this.update(scope, (draft) => {
      for (const [key, value] of Object.entries(properties)) draft.set(key, value);
    });
    if (problem !== null) throw new Error(problem);
  }

  /** Bytes a store uses against its 500 KB quota: keys and values in UTF-8. */
  sizeInBytes(scope: ServiceScope): number {
    return storeBytes(this.current(scope));
  }

  /** A store's properties, read-only. */
  current(scope: ServiceScope): ReadonlyMap<string, string> {
    return this.stores.get(scopeKey(scope))?.properties ?? new Map<string, string>();
  }

  /**
   * Applies a change to a copy of the store and keeps it only if every value written and the
   * whole store stay within Apps Script's limits: a failed write changes nothing. Returns
   * Apps Script's sentence for the limit broken, or null.
   */
  update(scope: ServiceScope, change: (draft: Map<string, string>) => void): string | null {
    const before = this.current(scope);
    const draft = new Map(before);
    change(draft);
    for (const [key, value] of draft) {
      if (before.get(key) !== value && utf8Length(value) > PROPERTY_LIMITS.valueBytes) return VALUE_TOO_LARGE;
    }
    if (storeBytes(draft) > PROPERTY_LIMITS.storeBytes) return STORE_FULL;
    this.stores.set(scopeKey(scope), { scope, properties: draft });
    return null;
  }
}

function storeBytes(properties: ReadonlyMap<string, string>): number {
  let bytes = 0;
  for (const [key, value] of properties) bytes += utf8Length(key) + utf8Length(value);
  return bytes;
}

type Properties = GoogleAppsScript.Properties.Properties;

export interface SandboxPropertiesService {
  getScriptProperties(): Properties;
  getUserProperties(): Properties;
  /** Null where Apps Script gives no document (time-driven triggers, no open document). */
  getDocumentProperties(): Properties | null;
}

/** PropertiesService for one execution: the user's store is the execution user's. */
export function createPropertiesService(stores: PropertyStores, execution: Execution): SandboxPropertiesService {
  return scopedGetters(
    execution,
    "PropertiesService",
    { script: "getScriptProperties", user: "getUserProperties", document: "getDocumentProperties" },
    (scope) => createProperties(stores, scope, execution),
  );
}

function createProperties(stores: PropertyStores, scope: ServiceScope, execution: Execution): Properties {
  const change = (edit: (draft: Map<string, string>) => void) => {
    const problem = stores.update(scope, edit);
    if (problem !== null) throw execution.exception(problem);
  };
  const properties: Properties = {
    getProperty(key) {
      execution.call("Properties", "getProperty", "read");
      return stores.current(scope).get(String(key)) ?? null;
    },
    getProperties() {
      execution.call("Properties", "getProperties", "read");
      return execution.realm.copyIn(Object.fromEntries(stores.current(scope)));
    },
    getKeys() {
      execution.call("Properties", "getKeys", "read");
      return execution.realm.copyIn([...stores.current(scope).keys()]);
    },
    setProperty(key, value) {
      execution.call("Properties", "setProperty", "write");
      change((draft) => draft.set(String(key), String(value)));
      return properties;
    },
    setProperties(values: Record<string, unknown>, deleteAllOthers?: boolean) {
      execution.call("Properties", "setProperties", "write");
      change((draft) => {
        if (deleteAllOthers === true) draft.clear();
        for (const key of Object.keys(values)) draft.set(key, String(values[key]));
      });
      return properties;
    },
    deleteProperty(key) {
      execution.call("Properties", "deleteProperty", "write");
      change((draft) => draft.delete(String(key)));
      return properties;
    },
    deleteAllProperties() {
      execution.call("Properties", "deleteAllProperties", "write");
      change((draft) => draft.clear());
      return properties;
    },
  };
  return properties;
}
