import { isDate } from "../../../../sandbox/runtime/realm";
import { sheetsWorld, inScript } from "./sheetsWorld";

const exception = (message: string) => expect.objectContaining({ name: "Exception", message });

describe("Range.setValues", () => {
  it.each<[unknown, unknown, string]>([
    ["1001", 1001, "1001"],
    ["02134", 2134, "2134"],
    ["-3.5", -3.5, "-3.5"],
    ["1,000,000", 1000000, "1,000,000"],
    ["1e5", 100000, "1.00E+05"],
    ["$2.99", 2.99, "$2.99"],
    ["50%", 0.5, "50%"],
    ["true", true, "TRUE"],
    ["FALSE", false, "FALSE"],
    ["'0123", "0123", "0123"],
    ["'=1+1", "=1+1", "=1+1"],
    ["=A1+1", "#NAME?", "#NAME?"],
    ["(415) 555-0100", "(415) 555-0100", "(415) 555-0100"],
    ["Ana María", "Ana María", "Ana María"],
    [42, 42, "42"],
    [0.1, 0.1, "0.1"],
    [true, true, "TRUE"],
    [null, "", ""],
    [undefined, "", ""],
    ["", "", ""],
  ])("stores %j as Sheets does: getValues %j, getDisplayValues %j", (written, read, shown) => {
    const { sheet } = sheetsWorld();
    const cell = sheet.getRange("B2");
    cell.setValues([[written]]);
    expect(cell.getValues()).toEqual([[read]]);
    expect(cell.getDisplayValues()).toEqual([[shown]]);
  });

  it("turns typed dates into date cells that read back as Dates at that date's midnight in the spreadsheet's zone", () => {
    const { sheet } = sheetsWorld({ timeZone: "America/New_York" });
    sheet.getRange("A1:C1").setValues([["3/14/2026", "2026-03-14", "3/14/2026 13:30"]]);
    const [dates] = sheet.getRange("A1:C1").getValues() as [Date[]];
    expect(dates.map((d) => d.toISOString())).toEqual([
      "2026-03-14T04:00:00.000Z",
      "2026-03-14T04:00:00.000Z",
      "2026-03-14T17:30:00.000Z",
    ]);
    expect(sheet.getRange("A1:C1").getDisplayValues()).toEqual([["3/14/2026", "2026-03-14", "3/14/2026 13:30:00"]]);
    expect(sheet.getRange("A1:C1").getNumberFormats()).toEqual([["M/d/yyyy", "yyyy-mm-dd", "M/d/yyyy H:mm:ss"]]);
  });

  it("keeps every string as text, formulas and numbers included, in a plain-text cell", () => {
    const { sheet } = sheetsWorld();
    const cells = sheet.getRange("A1:E1").setNumberFormat("@");
    cells.setValues([["02134", "=SUM(A1)", "3/14/2026", "TRUE", "'quoted"]]);
    expect(cells.getValues()).toEqual([["02134", "=SUM(A1)", "3/14/2026", "TRUE", "'quoted"]]);
    expect(cells.getFormulas()).toEqual([["", "", "", "", ""]]);
    expect(cells.getNumberFormats()).toEqual([["@", "@", "@", "@", "@"]]);
  });

  it("keeps formulas unevaluated: getValues reads #NAME?, getFormulas the formula", () => {
    const { sheet } = sheetsWorld();
    const cells = sheet.getRange("A1:B1");
    cells.setValues([["=SUM(C1:C9)", "plain"]]);
    expect(cells.getValues()).toEqual([["#NAME?", "plain"]]);
    expect(cells.getFormulas()).toEqual([["=SUM(C1:C9)", ""]]);
    expect(sheet.getRange("A1").getFormula()).toBe("=SUM(C1:C9)");
  });

  it("writes a Date of any realm as a date in the spreadsheet's zone, keeping a date format the cell has", () => {
    const { sheet, execution } = sheetsWorld({ timeZone: "Pacific/Auckland" });
    const scriptDate = inScript<Date>(execution, "new Date(Date.UTC(2026, 2, 13, 11))", {});
    sheet.getRange("A1:B1").setValues([[scriptDate, new Date(Date.UTC(2026, 2, 13, 23, 30))]]);
    sheet
      .getRange("C1")
      .setNumberFormat("yyyy-mm-dd")
      .setValue(new Date(Date.UTC(2026, 2, 13, 11)));
    expect(sheet.getRange("A1:C1").getDisplayValues()).toEqual([["3/14/2026", "3/14/2026 12:30:00", "2026-03-14"]]);
    expect(sheet.getRange("A1:C1").getNumberFormats()).toEqual([["M/d/yyyy", "M/d/yyyy H:mm:ss", "yyyy-mm-dd"]]);
  });

  it.each([
    ["America/New_York", "1990-03-14T05:00:00.000Z"],
    ["Pacific/Auckland", "1990-03-13T11:00:00.000Z"],
    ["Asia/Kolkata", "1990-03-13T18:30:00.000Z"],
  ])("reads a date typed in a %s spreadsheet as that calendar day there", (timeZone, instant) => {
    const { sheet, execution, spreadsheet } = sheetsWorld({ timeZone });
    spreadsheet.sheets[0]!.typeInto(2, 4, "3/14/1990");
    const value = sheet.getRange("D2").getValue() as Date;
    expect(value.toISOString()).toBe(instant);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    expect(day.format(value)).toBe("1990-03-14");
    // A Date of the script's realm, so the add-on's `instanceof Date` holds.
    expect(inScript<boolean>(execution, "value instanceof Date", { value })).toBe(true);
  });

  it("refuses data that is not the range's exact rectangle, with Apps Script's sentences", () => {
    const { sheet } = sheetsWorld();
    const range = sheet.getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(
      exception(
        "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
      ),
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(
      exception(
        "The number of columns in the data does not match the number of columns in the range. The data has 2 but the range has 3.",
      ),
    );
    expect(() => range.setValues([1, 2, 3] as unknown as unknown[][])).toThrow(
      exception("The parameters (Object[]) don't match the method signature for SpreadsheetApp.Range.setValues."),
    );
    expect(range.getValues()).toEqual([
      ["", "", ""],
      ["", "", ""],
    ]);
  });

  it("refuses text longer than a cell holds and writes nothing", () => {
    const { sheet } = sheetsWorld();
    const range = sheet.getRange("A1:B1");
    expect(() => range.setValues([["short", "x".repeat(50_001)]])).toThrow(
      exception("Your input contains more than the maximum of 50000 characters in a single cell."),
    );
    expect(range.getValues()).toEqual([["", ""]]);
  });

  it("gives the script arrays of its own realm", () => {
    const { sheet, execution } = sheetsWorld();
    const values = sheet.getRange("A1:B2").getValues();
    expect(inScript<boolean>(execution, "values instanceof Array && values[0] instanceof Array", { values })).toBe(
      true,
    );
  });

  it("counts one getValues of a 5,000-row range as one Sheets read", () => {
    const { sheet, execution } = sheetsWorld();
    sheet.insertRowsAfter(1000, 4000);
    const range = sheet.getRange(1, 1, 5000, 12);
    const before = { ...execution.counts };
    const values = range.getValues();
    expect(values).toHaveLength(5000);
    expect(execution.counts.sheetsReads - before.sheetsReads).toBe(1);
    expect(execution.counts.sheetsCalls - before.sheetsCalls).toBe(1);
    expect(execution.counts.byMethod["Range.getValues"]).toBe(1);
  });

  it("counts the cells each read and write moves", () => {
    const { sheet, execution } = sheetsWorld();
    const range = sheet.getRange(1, 1, 20, 3);
    range.getValues();
    range.getValue();
    range.setValues(Array.from({ length: 20 }, () => ["a", "b", "c"]));
    range.setNumberFormat("@");
    range.getNumRows();
    range.protect();
    expect(execution.counts).toMatchObject({ sheetsCellsRead: 60 + 1, sheetsCellsWritten: 60 + 60 });
  });
});

describe("Range.setValue and getValue", () => {
  it("sets every cell of the range and reads the top-left one", () => {
    const { sheet } = sheetsWorld();
    const range = sheet.getRange("A1:B2");
    range.setValue("Ready");
    expect(range.getValues()).toEqual([
      ["Ready", "Ready"],
      ["Ready", "Ready"],
    ]);
    sheet.getRange("A1").setValue("2134");
    expect(range.getValue()).toBe(2134);
    expect(range.getDisplayValue()).toBe("2134");
  });
});

describe("Sheet.getRange", () => {
  it.each<[unknown[], string]>([
    [[0, 1], "The coordinates of the range are outside the dimensions of the sheet."],
    [[1, 0], "The coordinates of the range are outside the dimensions of the sheet."],
    [[1001, 1], "The coordinates of the range are outside the dimensions of the sheet."],
    [[1, 1, 1001], "The coordinates of the range are outside the dimensions of the sheet."],
    [[1, 26, 1, 2], "The coordinates of the range are outside the dimensions of the sheet."],
    [[1, 1, 0], "The number of rows in the range must be at least 1."],
    [[1, 1, 1, 0], "The number of columns in the range must be at least 1."],
    [["A1:B2:C3"], "Range not found"],
    [["not a range"], "Range not found"],
    [["A1001"], "Range not found"],
    [["Elsewhere!A1"], "Range not found"],
  ])("getRange(%j) throws %j", (args, message) => {
    const { sheet } = sheetsWorld();
    const getRange = sheet.getRange.bind(sheet) as (...a: unknown[]) => unknown;
    expect(() => getRange(...args)).toThrow(exception(message));
  });

  it.each<[unknown[], string]>([
    [[2, 3], "C2"],
    [[2, 3, 4], "C2:C5"],
    [[2, 3, 4, 2], "C2:D5"],
    [["b2:c3"], "B2:C3"],
    [["Sheet1!A1:B2"], "A1:B2"],
    [["C:C"], "C1:C1000"],
    [["2:2"], "A2:Z2"],
    [["A999:B"], "A999:B1000"],
  ])("getRange(%j) is %s", (args, a1) => {
    const { sheet } = sheetsWorld();
    const getRange = sheet.getRange.bind(sheet) as (...a: unknown[]) => GoogleAppsScript.Spreadsheet.Range;
    expect(getRange(...args).getA1Notation()).toBe(a1);
  });
});

describe("Range geometry", () => {
  it("reports its position and size, and offsets from it", () => {
    const { sheet } = sheetsWorld();
    const range = sheet.getRange("B3:D7");
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([3, 2, 5, 3]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([7, 4]);
    expect(range.offset(1, 1).getA1Notation()).toBe("C4:E8");
    expect(range.offset(-2, 0, 1).getA1Notation()).toBe("B1:D1");
    expect(range.offset(0, 0, 2, 2).getA1Notation()).toBe("B3:C4");
    expect(() => range.offset(-3, 0)).toThrow(
      exception("The coordinates of the range are outside the dimensions of the sheet."),
    );
    expect(range.getSheet().getName()).toBe("Sheet1");
  });

  it("fails once its rows were deleted from under it", () => {
    const { sheet } = sheetsWorld();
    const range = sheet.getRange("A990:A1000");
    sheet.deleteRows(1, 20);
    expect(() => range.getValues()).toThrow(
      exception("The coordinates of the range are outside the dimensions of the sheet."),
    );
  });
});

describe("cell formatting", () => {
  it("sets and reads number formats, notes, backgrounds, font colors and weights", () => {
    const { sheet, spreadsheet } = sheetsWorld();
    const range = sheet.getRange("A1:B1");
    range
      .setNumberFormats([["@", "0.00"]])
      .setNotes([["Check this", null]])
      .setBackgrounds([["RED", "#abc"]]);
    range.setFontColors([["#FF0000", null]]).setFontWeight("bold");
    expect(range.getNumberFormats()).toEqual([["@", "0.00"]]);
    expect(range.getNotes()).toEqual([["Check this", ""]]);
    expect(range.getBackgrounds()).toEqual([["#ff0000", "#aabbcc"]]);
    expect(sheet.getRange("C1").getBackground()).toBe("#ffffff");
    expect(sheet.getRange("C1").getNumberFormat()).toBe("0.###############");
    const host = spreadsheet.sheets[0]!;
    expect(host.cellAt(1, 1)).toMatchObject({ fontColor: "#ff0000", fontWeight: "bold", note: "Check this" });
    expect(host.cellAt(1, 2)).toMatchObject({ fontColor: "#000000", fontWeight: "bold", note: "" });
    range.setNote(null).setBackground(null).setNumberFormat("0.###############");
    expect(range.getNotes()).toEqual([["", ""]]);
    expect(range.getBackgrounds()).toEqual([["#ffffff", "#ffffff"]]);
    expect(range.getNumberFormats()).toEqual([["0.###############", "0.###############"]]);
  });

  it("sets font weights cell by cell, refusing a weight Sheets does not have", () => {
    const { sheet, spreadsheet } = sheetsWorld();
    sheet.getRange("A1:B2").setFontWeights([
      ["bold", "bold"],
      ["normal", null],
    ]);
    const host = spreadsheet.sheets[0]!;
    expect([host.cellAt(1, 1).fontWeight, host.cellAt(1, 2).fontWeight]).toEqual(["bold", "bold"]);
    expect([host.cellAt(2, 1).fontWeight, host.cellAt(2, 2).fontWeight]).toEqual(["normal", "normal"]);
    expect(() => sheet.getRange("A1").setFontWeights([["heavy" as "bold"]])).toThrow();
    expect(() => sheet.getRange("A1:B1").setFontWeights([["bold"]])).toThrow();
  });

  it("shows a number by its cell's format, and a date format makes it read as a Date", () => {
    const { sheet } = sheetsWorld();
    const cell = sheet.getRange("A1").setValue(2134);
    expect(cell.setNumberFormat("00000").getDisplayValue()).toBe("02134");
    expect(cell.getValue()).toBe(2134);
    cell.setValue(46095).setNumberFormat("M/d/yyyy");
    expect(cell.getDisplayValue()).toBe("3/14/2026");
    expect(isDate(cell.getValue())).toBe(true);
  });

  it("clears contents, formats or notes as asked", () => {
    const { sheet } = sheetsWorld();
    const range = sheet.getRange("A1:B1");
    const fill = () =>
      range
        .setValues([["x", 1]])
        .setNumberFormat("0.00")
        .setNote("n")
        .setBackground("#00ff00");
    fill().clearContent();
    expect([range.getValues(), range.getNumberFormats(), range.getNotes()]).toEqual([
      [["", ""]],
      [["0.00", "0.00"]],
      [["n", "n"]],
    ]);
    fill().clearFormat();
    expect([range.getValues(), range.getNumberFormats(), range.getBackgrounds()]).toEqual([
      [["x", 1]],
      [["0.###############", "0.###############"]],
      [["#ffffff", "#ffffff"]],
    ]);
    fill().clear();
    expect([range.getValues(), range.getNumberFormats(), range.getNotes()]).toEqual([
      [["", ""]],
      [["0.###############", "0.###############"]],
      [["n", "n"]],
    ]);
    fill().clear({ contentsOnly: true });
    expect([range.getValues(), range.getNumberFormats()]).toEqual([[["", ""]], [["0.00", "0.00"]]]);
    range.clearNote();
    expect(range.getNotes()).toEqual([["", ""]]);
  });
});

describe("methods the fake leaves out", () => {
  it("do not exist, so calling one fails as a typo would", () => {
    const { sheet } = sheetsWorld();
    const range = sheet.getRange("A1") as unknown as Record<string, unknown>;
    expect(range.setRichTextValue).toBeUndefined();
    expect(range.merge).toBeUndefined();
  });
});
