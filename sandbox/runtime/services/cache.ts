import type { Execution } from "../execution";
import { utf8Length } from "./bytes";
import { scopedGetters, scopeKey, type ServiceScope } from "./scopes";

/** CacheService's limits (apps-script-notes.md A4). */
export const CACHE_LIMITS = {
  keyCharacters: 250,
  /** UTF-8 bytes. */
  valueBytes: 100 * 1024,
  defaultExpirationSeconds: 600,
  maxExpirationSeconds: 21_600,
  /** Past this many items a cache drops those closest to expiry… */
  maxItems: 1_000,
  /** …until this many are left. */
  itemsAfterEviction: 900,
} as const;

export interface CacheEntry {
  value: string;
  /** Milliseconds on the sandbox clock. */
  expiresAt: number;
}

export interface CacheStoresSnapshot {
  caches: { scope: ServiceScope; entries: Record<string, CacheEntry> }[];
}

interface Cache {
  scope: ServiceScope;
  entries: Map<string, CacheEntry>;
}

/** Every cache of the script (script, per user, per document), kept across executions. */
export class CacheStores {
  private readonly caches = new Map<string, Cache>();

  static fromSnapshot(snapshot: CacheStoresSnapshot): CacheStores {
    const stores = new CacheStores();
    for (const { scope, entries } of snapshot.caches) {
      stores.caches.set(scopeKey(scope), { scope, entries: new Map(Object.entries(entries)) });
    }
    return stores;
  }

  snapshot(): CacheStoresSnapshot {
    return {
      caches: [...this.caches.values()]
        .filter((cache) => cache.entries.size > 0)
        .map(({ scope, entries }) => ({ scope, entries: Object.fromEntries(entries) })),
    };
  }

  /** The entries not yet expired at `now` (host side: tests and tools). */
  read(scope: ServiceScope, now: number): Record<string, CacheEntry> {
    const entries = this.cache(scope);
    dropExpired(entries, now);
    return Object.fromEntries(entries);
  }

  /**
   * Empties a cache before its entries expire, as Google may ("expiry is only a suggestion"),
   * so tests can show the add-on copes with a cache miss.
   */
  forget(scope: ServiceScope): void {
    this.caches.delete(scopeKey(scope));
  }

  get(scope: ServiceScope, key: string, now: number): string | null {
    const entry = this.caches.get(scopeKey(scope))?.entries.get(key);
    return entry !== undefined && entry.expiresAt > now ? entry.value : null;
  }

  put(scope: ServiceScope, values: readonly (readonly [string, string])[], expiresAt: number, now: number): void {
    const entries = this.cache(scope);
    for (const [key, value] of values) {
      entries.delete(key);
      entries.set(key, { value, expiresAt });
    }
    dropExpired(entries, now);
    if (entries.size > CACHE_LIMITS.maxItems) {
      const closestToExpiry = [...entries].sort(([, a], [, b]) => a.expiresAt - b.expiresAt);
      for (const [key] of closestToExpiry.slice(0, entries.size - CACHE_LIMITS.itemsAfterEviction)) entries.delete(key);
    }
  }

  remove(scope: ServiceScope, keys: readonly string[]): void {
    const entries = this.caches.get(scopeKey(scope))?.entries;
    for (const key of keys) entries?.delete(key);
  }

  private cache(scope: ServiceScope): Map<string, CacheEntry> {
    const key = scopeKey(scope);
    let cache = this.caches.get(key);
    if (cache === undefined) {
      cache = { scope, entries: new Map() };
      this.caches.set(key, cache);
    }
    return cache.entries;
  }
}

function dropExpired(entries: Map<string, CacheEntry>, now: number): void {
  for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
}

type ScriptCache = GoogleAppsScript.Cache.Cache;

/** CacheService for one execution; expiry follows the sandbox clock. */
export function createCacheService(stores: CacheStores, execution: Execution): GoogleAppsScript.Cache.CacheService {
  return scopedGetters(
    execution,
    "CacheService",
    { script: "getScriptCache", user: "getUserCache", document: "getDocumentCache" },
    (scope) => createCache(stores, scope, execution),
  );
}

function createCache(stores: CacheStores, scope: ServiceScope, execution: Execution): ScriptCache {
  const checkedKey = (key: unknown): string => {
    const text = String(key);
    if (text.length > CACHE_LIMITS.keyCharacters) throw execution.exception("Argument too large: key");
    return text;
  };
  const checkedValue = (value: unknown): string => {
    const text = String(value);
    if (utf8Length(text) > CACHE_LIMITS.valueBytes) throw execution.exception("Argument too large: value");
    return text;
  };
  const expiry = (seconds: unknown): number => {
    if (seconds === undefined) return execution.clock.now() + CACHE_LIMITS.defaultExpirationSeconds * 1000;
    const whole = Math.trunc(Number(seconds));
    if (!(whole >= 1)) throw execution.exception("Invalid argument: expirationInSeconds");
    if (whole > CACHE_LIMITS.maxExpirationSeconds) throw execution.exception("Argument too large: expirationInSeconds");
    return execution.clock.now() + whole * 1000;
  };
  const store = (values: [string, string][], expirationInSeconds: unknown) => {
    const expiresAt = expiry(expirationInSeconds);
    stores.put(scope, values, expiresAt, execution.clock.now());
  };
  return {
    get(key) {
      execution.call("Cache", "get", "read");
      return stores.get(scope, checkedKey(key), execution.clock.now());
    },
    getAll(keys) {
      execution.call("Cache", "getAll", "read");
      const found: Record<string, string> = {};
      for (const key of Array.from(keys, checkedKey)) {
        const value = stores.get(scope, key, execution.clock.now());
        if (value !== null) found[key] = value;
      }
      return execution.realm.copyIn(found);
    },
    put(key: unknown, value: unknown, expirationInSeconds?: unknown) {
      execution.call("Cache", "put", "write");
      store([[checkedKey(key), checkedValue(value)]], expirationInSeconds);
    },
    putAll(values: Record<string, unknown>, expirationInSeconds?: unknown) {
      execution.call("Cache", "putAll", "write");
      // Every entry is checked before any is stored, so a rejected call stores nothing.
      const checked = Object.keys(values).map((key): [string, string] => [checkedKey(key), checkedValue(values[key])]);
      store(checked, expirationInSeconds);
    },
    remove(key) {
      execution.call("Cache", "remove", "write");
      stores.remove(scope, [checkedKey(key)]);
    },
    removeAll(keys) {
      execution.call("Cache", "removeAll", "write");
      stores.remove(scope, Array.from(keys, checkedKey));
    },
  };
}
