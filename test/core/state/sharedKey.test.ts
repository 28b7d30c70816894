import { connectedHere, type Connection } from "../../../src/core/state/connection";
import { usableScheduleKey, type SharedKey } from "../../../src/core/state/sharedKey";

const SHARED: SharedKey = {
  keyId: "k1",
  connectedBy: "hr@example.com",
  connectedAt: "2026-11-23T15:00:00.000Z",
  environment: "uat",
};
const COPY: Connection = {
  apiKey: "vit_apk_x",
  environment: "uat",
  scope: "document",
  connectedAt: SHARED.connectedAt,
  keyId: "k1",
  connectedBy: "hr@example.com",
  spreadsheetId: "sheet-1",
};

describe("usableScheduleKey", () => {
  it("uses the copy while its key is the one connected", () => {
    expect(usableScheduleKey(COPY, SHARED)).toBe(COPY);
  });

  it("refuses the copy once the key is disconnected or replaced, or when the copy has no key ID", () => {
    expect(usableScheduleKey(COPY, null)).toBeNull();
    expect(usableScheduleKey(COPY, { ...SHARED, keyId: "k2" })).toBeNull();
    const { keyId: _keyId, ...older } = COPY;
    expect(usableScheduleKey(older, SHARED)).toBeNull();
  });
});

describe("connectedHere", () => {
  it("ignores a shared key carried into a copy of the spreadsheet", () => {
    expect(connectedHere(COPY, "sheet-1")).toBe(true);
    expect(connectedHere(COPY, "copy-of-sheet-1")).toBe(false);
  });

  it("takes a key saved before keys named their spreadsheet", () => {
    const { spreadsheetId: _id, ...older } = COPY;
    expect(connectedHere(older, "anywhere")).toBe(true);
  });
});
