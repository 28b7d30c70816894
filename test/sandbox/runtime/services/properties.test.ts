import vm from "node:vm";
import {
  createPropertiesService,
  PROPERTY_LIMITS,
  PropertyStores,
} from "../../../../sandbox/runtime/services/properties";
import { testExecution } from "../support/testExecution";

const NEAR_VALUE_LIMIT = "v".repeat(PROPERTY_LIMITS.valueBytes - 10);

describe("PropertiesService", () => {
  it("keeps script, user and document stores apart and across executions", () => {
    const stores = new PropertyStores();
    const first = createPropertiesService(stores, testExecution({ documentId: "doc-1" }));
    first.getScriptProperties().setProperty("shared", "all users");
    first.getUserProperties().setProperty("apiKey", "secret-1");
    first.getDocumentProperties()!.setProperty("cursor", "42");

    const otherUser = createPropertiesService(
      stores,
      testExecution({
        id: "execution-2",
        documentId: "doc-2",
        user: { email: "ops@example.com", locale: "en_US", timeZone: "UTC" },
      }),
    );
    expect(otherUser.getScriptProperties().getProperty("shared")).toBe("all users");
    expect(otherUser.getUserProperties().getProperty("apiKey")).toBeNull();
    expect(otherUser.getDocumentProperties()!.getProperty("cursor")).toBeNull();

    const later = createPropertiesService(stores, testExecution({ id: "execution-3", documentId: "doc-1" }));
    expect(later.getUserProperties().getProperty("apiKey")).toBe("secret-1");
    expect(later.getDocumentProperties()!.getProperty("cursor")).toBe("42");
  });

  it("gives no document store when the execution has no document", () => {
    const service = createPropertiesService(new PropertyStores(), testExecution({ documentId: null }));
    expect(service.getDocumentProperties()).toBeNull();
  });

  it("stores strings, converting other values with String()", () => {
    const stores = new PropertyStores();
    const properties = createPropertiesService(stores, testExecution()).getScriptProperties();
    properties.setProperty("count", 3 as unknown as string).setProperties({ flag: true as unknown as string });
    expect(properties.getProperty("count")).toBe("3");
    expect(stores.read({ kind: "script" })).toEqual({ count: "3", flag: "true" });
  });

  it("chains like Apps Script and supports every Properties method", () => {
    const properties = createPropertiesService(new PropertyStores(), testExecution()).getUserProperties();
    properties.setProperty("a", "1").setProperty("b", "2").deleteProperty("a").setProperties({ c: "3" });
    expect(properties.getKeys().sort()).toEqual(["b", "c"]);
    expect(properties.getProperties()).toEqual({ b: "2", c: "3" });

    properties.setProperties({ d: "4" }, true);
    expect(properties.getProperties()).toEqual({ d: "4" });

    properties.deleteAllProperties();
    expect(properties.getKeys()).toEqual([]);
  });

  it("returns arrays and objects of the script's realm", () => {
    const execution = testExecution();
    const properties = createPropertiesService(new PropertyStores(), execution).getScriptProperties();
    properties.setProperty("a", "1");
    const context = execution.realm.context;
    context.keys = properties.getKeys();
    context.all = properties.getProperties();
    expect(vm.runInContext("keys instanceof Array && all instanceof Object", context)).toBe(true);
  });

  it("rejects a value over 9 KB in UTF-8 bytes and keeps the store as it was", () => {
    const stores = new PropertyStores();
    const properties = createPropertiesService(stores, testExecution()).getScriptProperties();
    properties.setProperty("kept", "old");
    // 3,073 three-byte characters are 9,219 bytes though only 3,073 characters.
    const tooLarge = "€".repeat(Math.floor(PROPERTY_LIMITS.valueBytes / 3) + 1);

    expect(() => properties.setProperty("kept", tooLarge)).toThrow("Argument too large: value");
    expect(() => properties.setProperties({ fresh: "fine", big: tooLarge })).toThrow("Argument too large: value");
    expect(stores.read({ kind: "script" })).toEqual({ kept: "old" });
  });

  it("accepts a value of exactly 9 KB", () => {
    const properties = createPropertiesService(new PropertyStores(), testExecution()).getScriptProperties();
    properties.setProperty("full", "x".repeat(PROPERTY_LIMITS.valueBytes));
    expect(properties.getProperty("full")).toHaveLength(PROPERTY_LIMITS.valueBytes);
  });

  it("rejects writes past 500 KB per store, counting keys and values, and changes nothing", () => {
    const stores = new PropertyStores();
    const execution = testExecution();
    const properties = createPropertiesService(stores, execution).getUserProperties();
    let written = 0;
    const write = () => properties.setProperty(`key-${written++}`, NEAR_VALUE_LIMIT);
    while (stores.sizeInBytes({ kind: "user", email: "hr@example.com" }) + 9_200 <= PROPERTY_LIMITS.storeBytes) write();
    const before = stores.read({ kind: "user", email: "hr@example.com" });

    expect(write).toThrow("You have exceeded the property storage quota. Please remove some properties and try again.");
    expect(stores.read({ kind: "user", email: "hr@example.com" })).toEqual(before);
    // Other stores have quotas of their own.
    expect(() =>
      createPropertiesService(stores, execution).getScriptProperties().setProperty("k", NEAR_VALUE_LIMIT),
    ).not.toThrow();
  });

  it("frees room when properties are deleted, and overwriting counts only the new value", () => {
    const stores = new PropertyStores();
    const scope = { kind: "script" } as const;
    const properties = createPropertiesService(stores, testExecution()).getScriptProperties();
    for (let i = 0; i < 55; i++) properties.setProperty(`k${i}`, NEAR_VALUE_LIMIT);
    expect(() => properties.setProperty("one-more", NEAR_VALUE_LIMIT)).toThrow(/property storage quota/);

    properties.setProperty("k0", NEAR_VALUE_LIMIT.slice(1));
    properties.deleteProperty("k1").setProperty("one-more", NEAR_VALUE_LIMIT);
    expect(stores.sizeInBytes(scope)).toBeLessThanOrEqual(PROPERTY_LIMITS.storeBytes);
    expect(stores.read(scope)["one-more"]).toBe(NEAR_VALUE_LIMIT);
  });

  it("measures a store as the UTF-8 bytes of its keys and values", () => {
    const stores = new PropertyStores();
    stores.write({ kind: "document", documentId: "doc-1" }, { clé: "€uro", b: "" });
    expect(stores.sizeInBytes({ kind: "document", documentId: "doc-1" })).toBe(4 + 6 + 1);
  });

  it("applies the same limits to host writes", () => {
    const stores = new PropertyStores();
    expect(() => stores.write({ kind: "script" }, { big: "x".repeat(PROPERTY_LIMITS.valueBytes + 1) })).toThrow(
      "Argument too large: value",
    );
    expect(stores.read({ kind: "script" })).toEqual({});
  });

  it("restores every store from a snapshot", () => {
    const stores = new PropertyStores();
    const service = createPropertiesService(stores, testExecution({ documentId: "doc-1" }));
    service.getUserProperties().setProperty("apiKey", "secret");
    service.getDocumentProperties()!.setProperty("cursor", "7");

    const restored = PropertyStores.fromSnapshot(JSON.parse(JSON.stringify(stores.snapshot())));
    const again = createPropertiesService(restored, testExecution({ documentId: "doc-1" }));
    expect(again.getUserProperties().getProperty("apiKey")).toBe("secret");
    expect(again.getDocumentProperties()!.getProperties()).toEqual({ cursor: "7" });
    expect(restored.snapshot()).toEqual(stores.snapshot());
  });

  it("counts reads and writes, and is refused in AuthMode.NONE", () => {
    const execution = testExecution();
    const properties = createPropertiesService(new PropertyStores(), execution).getScriptProperties();
    properties.setProperty("a", "1");
    properties.getProperty("a");
    expect(execution.counts.byMethod).toMatchObject({ "Properties.setProperty": 1, "Properties.getProperty": 1 });

    const none = createPropertiesService(new PropertyStores(), testExecution({ authMode: "NONE" }));
    expect(() => none.getUserProperties()).toThrow(
      /You do not have permission to call PropertiesService.getUserProperties/,
    );
  });
});
