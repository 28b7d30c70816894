import { readReferenceId } from "../../../../src/core/roster/fields/referenceId";

describe("readReferenceId", () => {
  it.each<[string | number, string]>([
    ["EMP-001", "EMP-001"],
    ["00123", "00123"],
    [1001, "1001"],
    [1001.0, "1001"],
    [0, "0"],
    [Number.MAX_SAFE_INTEGER, "9007199254740991"],
  ])("reads %j as %j", (cell, value) => {
    expect(readReferenceId(cell)).toEqual({ ok: true, value });
  });

  it.each([
    [1001.5, "1001.5"],
    [-5, "-5"],
    [2 ** 53, "9007199254740992"],
    [1.5e21, "1.5e+21"],
  ])("refuses the number %d, which may not be what was typed", (cell, shown) => {
    expect(readReferenceId(cell)).toEqual({
      ok: false,
      problem:
        `holds the number ${shown}, which Google Sheets may not keep exactly as typed; ` +
        "format the column as plain text (Format ▸ Number ▸ Plain text) and retype the ID",
    });
  });

  it("refuses a checkbox and a date", () => {
    expect(readReferenceId(true).ok).toBe(false);
    expect(readReferenceId(new Date(2024, 2, 15)).ok).toBe(false);
  });
});
