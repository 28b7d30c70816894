import { createSandboxClock } from "../../../../sandbox/runtime/clock";
import { CACHE_LIMITS, CacheStores, createCacheService } from "../../../../sandbox/runtime/services/cache";
import { TEST_START, testExecution } from "../support/testExecution";

function setup(overrides: Parameters<typeof testExecution>[0] = {}) {
  const clock = createSandboxClock({ followsRealTime: false, start: TEST_START });
  const stores = new CacheStores();
  const execution = testExecution({ clock, ...overrides });
  /** The cache service of a later execution: an execution may last at most six minutes. */
  const later = () => createCacheService(stores, testExecution({ clock, ...overrides, id: "later-execution" }));
  return { clock, stores, execution, later, service: createCacheService(stores, execution) };
}

describe("CacheService", () => {
  it("expires entries after 600 seconds by default, on the sandbox clock", () => {
    const { clock, service, later } = setup();
    service.getScriptCache().put("groups", "[…]");
    clock.advance(599_999);
    expect(later().getScriptCache().get("groups")).toBe("[…]");
    clock.advance(1);
    expect(later().getScriptCache().get("groups")).toBeNull();
  });

  it("keeps an entry for the expiration given, up to 21,600 seconds", () => {
    const { clock, service, later } = setup();
    const cache = service.getUserCache();
    cache.put("short", "a", 1);
    cache.put("long", "b", CACHE_LIMITS.maxExpirationSeconds);
    clock.advance(1_000);
    expect(cache.get("short")).toBeNull();
    clock.advance(CACHE_LIMITS.maxExpirationSeconds * 1000 - 1_001);
    expect(later().getUserCache().get("long")).toBe("b");
    clock.advance(1);
    expect(later().getUserCache().get("long")).toBeNull();
  });

  it.each([
    ["more than 6 hours", 21_601, "Argument too large: expirationInSeconds"],
    ["zero", 0, "Invalid argument: expirationInSeconds"],
    ["negative", -5, "Invalid argument: expirationInSeconds"],
  ])("rejects an expiration of %s", (_label, seconds, message) => {
    const cache = setup().service.getScriptCache();
    expect(() => cache.put("k", "v", seconds)).toThrow(message);
    expect(cache.get("k")).toBeNull();
  });

  it("rejects keys over 250 characters and values over 100 KB", () => {
    const cache = setup().service.getScriptCache();
    const longKey = "k".repeat(CACHE_LIMITS.keyCharacters + 1);
    expect(() => cache.put(longKey, "v")).toThrow("Argument too large: key");
    expect(() => cache.get(longKey)).toThrow("Argument too large: key");
    expect(() => cache.put("k", "v".repeat(CACHE_LIMITS.valueBytes + 1))).toThrow("Argument too large: value");

    cache.put("k".repeat(CACHE_LIMITS.keyCharacters), "v".repeat(CACHE_LIMITS.valueBytes));
    expect(cache.get("k".repeat(CACHE_LIMITS.keyCharacters))).toHaveLength(CACHE_LIMITS.valueBytes);
  });

  it("stores nothing from putAll when one entry is too large", () => {
    const cache = setup().service.getScriptCache();
    expect(() => cache.putAll({ a: "1", b: "x".repeat(CACHE_LIMITS.valueBytes + 1) })).toThrow(
      "Argument too large: value",
    );
    expect(cache.getAll(["a", "b"])).toEqual({});
  });

  it("reads, writes and removes several entries at once", () => {
    const cache = setup().service.getScriptCache();
    cache.putAll({ a: "1", b: "2", c: "3" }, 60);
    expect(cache.getAll(["a", "c", "missing"])).toEqual({ a: "1", c: "3" });
    cache.removeAll(["a", "b"]);
    cache.remove("c");
    expect(cache.getAll(["a", "b", "c"])).toEqual({});
  });

  it("drops the entries closest to expiry, down to 900, past 1,000 items", () => {
    const { stores, service, clock } = setup();
    const cache = service.getScriptCache();
    for (let i = 0; i < CACHE_LIMITS.maxItems; i++) cache.put(`item-${i}`, "v", 1_000 + i);
    expect(Object.keys(stores.read({ kind: "script" }, clock.now()))).toHaveLength(CACHE_LIMITS.maxItems);

    cache.put("newest", "v", 20_000);
    const kept = Object.keys(stores.read({ kind: "script" }, clock.now()));
    expect(kept).toHaveLength(CACHE_LIMITS.itemsAfterEviction);
    expect(kept).toContain("newest");
    expect(cache.get("item-100")).toBeNull();
    expect(cache.get("item-101")).toBe("v");
  });

  it("keeps script, user and document caches apart, with no document cache without a document", () => {
    const { stores, service } = setup({ documentId: "doc-1" });
    service.getScriptCache().put("k", "script");
    service.getUserCache().put("k", "user");
    service.getDocumentCache()!.put("k", "document");

    const otherUser = createCacheService(
      stores,
      testExecution({ documentId: "doc-2", user: { email: "ops@example.com", locale: "en_US", timeZone: "UTC" } }),
    );
    expect(otherUser.getScriptCache().get("k")).toBe("script");
    expect(otherUser.getUserCache().get("k")).toBeNull();
    expect(otherUser.getDocumentCache()!.get("k")).toBeNull();
    expect(createCacheService(stores, testExecution({ documentId: null })).getDocumentCache()).toBeNull();
  });

  it("can be emptied early by the host, as Google may do", () => {
    const { stores, service } = setup();
    service.getScriptCache().put("groups", "[…]");
    stores.forget({ kind: "script" });
    expect(service.getScriptCache().get("groups")).toBeNull();
  });

  it("restores entries and their expiry from a snapshot", () => {
    const { stores, service, clock } = setup();
    service.getUserCache().put("k", "v", 120);
    const restored = CacheStores.fromSnapshot(JSON.parse(JSON.stringify(stores.snapshot())));
    expect(createCacheService(restored, testExecution({ clock })).getUserCache().get("k")).toBe("v");
    clock.advance(120_000);
    expect(createCacheService(restored, testExecution({ clock })).getUserCache().get("k")).toBeNull();
  });
});
