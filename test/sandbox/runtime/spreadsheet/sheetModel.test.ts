import { sheetsWorld } from "./sheetsWorld";

describe("SheetModel, as tests and tools see a sheet", () => {
  it("enter text as a user types it, and show each cell with everything about it", () => {
    const { spreadsheet, sheet } = sheetsWorld({ timeZone: "Pacific/Auckland" });
    const host = spreadsheet.sheets[0]!;
    host.typeInto(1, 1, "3/14/1990");
    host.typeInto(1, 2, "'02134");
    host.typeInto(1, 3, "=A1");
    sheet.getRange("D1").setNumberFormat("@");
    host.typeInto(1, 4, "02134");
    expect(host.cellAt(1, 1)).toEqual({
      value: new Date("1990-03-13T11:00:00.000Z"),
      formula: "",
      displayValue: "3/14/1990",
      numberFormat: "M/d/yyyy",
      note: "",
      background: "#ffffff",
      fontColor: "#000000",
      fontWeight: "normal",
      dataValidation: null,
    });
    expect(host.cellAt(1, 1).value).toBeInstanceOf(Date);
    expect(host.valuesForHost()).toEqual([[new Date("1990-03-13T11:00:00.000Z"), "02134", "#NAME?", "02134"]]);
    expect(host.displayValuesForHost()).toEqual([["3/14/1990", "02134", "#NAME?", "02134"]]);
    expect(host.cellAt(1, 3).formula).toBe("=A1");
    expect(() => host.typeInto(1001, 1, "x")).toThrow(
      'Cell (1001, 1) is outside "Sheet1", which has 1000 rows and 26 columns.',
    );
  });

  it("paste rows of text, growing the grid to fit as a paste does", () => {
    const { spreadsheet, sheet } = sheetsWorld();
    const host = spreadsheet.sheets[0]!;
    const rows = Array.from({ length: 1500 }, (_, i) => [String(1001 + i), "Ana", "3/14/1990"]);
    host.typeRows(2, 25, rows);
    expect([host.maxRows, host.maxColumns, sheet.getLastRow(), sheet.getLastColumn()]).toEqual([1501, 27, 1501, 27]);
    expect(sheet.getRange("Y1501:AA1501").getDisplayValues()).toEqual([["2500", "Ana", "3/14/1990"]]);
  });
});
