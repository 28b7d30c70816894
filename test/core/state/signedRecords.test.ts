import { createHmac } from "node:crypto";
import type { Records } from "../../../src/core/state/records";
import { signedRecords, type RecordSigner } from "../../../src/core/state/signedRecords";

function memoryRecords(): Records & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    get: (key) => raw.get(key) ?? null,
    set: (key, value) => (value === null ? raw.delete(key) : raw.set(key, value)) && undefined,
    keys: (prefix) => [...raw.keys()].filter((key) => key.startsWith(prefix)),
  };
}

const signerWith = (secret: string): RecordSigner => ({
  sign: (text) => createHmac("sha256", secret).update(text).digest("base64url"),
});

const noSecret = () => new Error("no secret");

function signed(secret: string | null = "secret of this spreadsheet") {
  const inner = memoryRecords();
  const signer = secret === null ? null : signerWith(secret);
  return { inner, records: signedRecords(inner, () => signer, noSecret) };
}

describe("signedRecords", () => {
  it("reads back what it wrote, line breaks and all", () => {
    const { records } = signed();
    records.set("accepted:1", "VitableRoster/1\nEMP-1\tJane Doe\tabcdEFGH\n");
    expect(records.get("accepted:1")).toBe("VitableRoster/1\nEMP-1\tJane Doe\tabcdEFGH\n");
    expect(records.keys("accepted:")).toEqual(["accepted:1"]);
  });

  it("reads an edited record as no record", () => {
    const { inner, records } = signed();
    records.set("accepted:1", "EMP-1\nEMP-2\nEMP-3");
    const stored = inner.raw.get("accepted:1")!;
    inner.raw.set("accepted:1", stored.replace("\nEMP-2", ""));
    expect(records.get("accepted:1")).toBeNull();
  });

  it("reads a record copied under another key as no record", () => {
    const { inner, records } = signed();
    records.set("accepted:1", "EMP-1");
    inner.raw.set("accepted:2", inner.raw.get("accepted:1")!);
    expect(records.get("accepted:2")).toBeNull();
  });

  it("reads a record signed with another spreadsheet's secret, or not signed, as no record", () => {
    const elsewhere = signed("the secret of another spreadsheet");
    elsewhere.records.set("link:1", '{"groupId":"grp_1"}');
    const here = signed();
    here.inner.raw.set("link:1", elsewhere.inner.raw.get("link:1")!);
    here.inner.raw.set("link:2", '{"groupId":"grp_2"}');
    expect(here.records.get("link:1")).toBeNull();
    expect(here.records.get("link:2")).toBeNull();
  });

  it("without the secret reads nothing and refuses to write, leaving the store as it was", () => {
    const { inner, records } = signed(null);
    inner.raw.set("link:1", "anything\n{}");
    expect(records.get("link:1")).toBeNull();
    expect(() => records.set("link:1", "{}")).toThrow("no secret");
    expect(inner.raw.get("link:1")).toBe("anything\n{}");
  });

  it("deletes without the secret", () => {
    const { inner, records } = signed(null);
    inner.raw.set("link:1", "anything\n{}");
    records.set("link:1", null);
    expect(inner.raw.has("link:1")).toBe(false);
  });
});
