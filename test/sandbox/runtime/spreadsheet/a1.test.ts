import fc from "fast-check";
import {
  a1Notation,
  areaOf,
  columnLetters,
  columnNumber,
  parseA1,
  type A1Reference,
} from "../../../../sandbox/runtime/spreadsheet/a1";

const bounds = (
  firstRow: number | null,
  firstColumn: number | null,
  lastRow: number | null,
  lastColumn: number | null,
) => ({
  firstRow,
  firstColumn,
  lastRow,
  lastColumn,
});

describe("column letters", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [18278, "ZZZ"],
  ])("column %i is %s", (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
    expect(columnNumber(letters)).toBe(column);
  });

  it("turns every column of a sheet into letters and back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 18278 }), (column) => columnNumber(columnLetters(column)) === column),
    );
  });
});

describe("parseA1", () => {
  it.each<[string, A1Reference]>([
    ["A1", { sheetName: null, ...bounds(1, 1, 1, 1) }],
    ["b2", { sheetName: null, ...bounds(2, 2, 2, 2) }],
    ["$A$1:$C$3", { sheetName: null, ...bounds(1, 1, 3, 3) }],
    ["C3:A1", { sheetName: null, ...bounds(1, 1, 3, 3) }],
    ["A:C", { sheetName: null, ...bounds(null, 1, null, 3) }],
    ["2:5", { sheetName: null, ...bounds(2, null, 5, null) }],
    ["A2:C", { sheetName: null, ...bounds(2, 1, null, 3) }],
    ["Roster!B2", { sheetName: "Roster", ...bounds(2, 2, 2, 2) }],
    ["'Roster 2026'!A1:B2", { sheetName: "Roster 2026", ...bounds(1, 1, 2, 2) }],
    ["'It''s'!A1", { sheetName: "It's", ...bounds(1, 1, 1, 1) }],
  ])("reads %j", (text, reference) => {
    expect(parseA1(text)).toEqual(reference);
  });

  it.each(["", "A", "1", "A0", "1A", "A1:B2:C3", "A1:", "ZZZZ1", "A-1", "Roster!"])("rejects %j", (text) => {
    expect(parseA1(text)).toBeNull();
  });

  it("reaches the sheet's edges for open bounds", () => {
    expect(areaOf(parseA1("A2:C")!, 1000, 26)).toEqual({ row: 2, column: 1, numRows: 999, numColumns: 3 });
    expect(areaOf(parseA1("2:3")!, 1000, 26)).toEqual({ row: 2, column: 1, numRows: 2, numColumns: 26 });
  });
});

describe("a1Notation", () => {
  it.each([
    [{ row: 1, column: 1, numRows: 1, numColumns: 1 }, "A1"],
    [{ row: 2, column: 3, numRows: 4, numColumns: 25 }, "C2:AA5"],
  ])("%j is %s", (area, text) => {
    expect(a1Notation(area)).toBe(text);
  });
});
