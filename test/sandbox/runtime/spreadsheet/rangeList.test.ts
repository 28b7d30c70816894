import { sheetsWorld } from "./sheetsWorld";

const exception = (message: string) => expect.objectContaining({ name: "Exception", message });

describe("Sheet.getRangeList", () => {
  it("gives the ranges named, in order, as Range objects of the sheet", () => {
    const { sheet } = sheetsWorld();
    sheet.getRange("B3").setValue("Jane");
    const ranges = sheet.getRangeList(["B3", "a1:c2", "Sheet1!D5:D9", "$E$7"]).getRanges();
    expect(ranges.map((range) => range.getA1Notation())).toEqual(["B3", "A1:C2", "D5:D9", "E7"]);
    expect(ranges[0]!.getValue()).toBe("Jane");
    expect(ranges.every((range) => range.getSheet().getName() === "Sheet1")).toBe(true);
  });

  it("counts one call for the list and one for its ranges, however many there are", () => {
    const { sheet, execution } = sheetsWorld();
    const before = execution.counts.sheetsCalls;
    const a1s = Array.from({ length: 2_000 }, (_, i) => `${i % 2 === 0 ? "C" : "E"}${Math.floor(i / 2) + 1}`);
    expect(sheet.getRangeList(a1s).getRanges()).toHaveLength(2_000);
    expect(execution.counts.byMethod).toMatchObject({ "Sheet.getRangeList": 1, "RangeList.getRanges": 1 });
    expect(execution.counts.sheetsCalls - before).toBe(2);
  });

  it("gives ranges a conditional-format rule accepts, many at once", () => {
    const { sheet, app, spreadsheet } = sheetsWorld();
    const a1s = Array.from({ length: 1_000 }, (_, i) => `B${i + 1}`);
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$K2="Invalid"')
      .setBackground("#fce8e6")
      .setRanges(sheet.getRangeList(a1s).getRanges())
      .build();
    sheet.setConditionalFormatRules([rule]);
    const stored = spreadsheet.sheets[0]!.conditionalFormatRules;
    expect(stored).toHaveLength(1);
    expect(stored[0]!.ranges).toHaveLength(1_000);
    expect(stored[0]!.ranges[999]).toEqual({ row: 1000, column: 2, numRows: 1, numColumns: 1 });
  });

  it.each<[string, unknown, string]>([
    ["an empty list", [], "A range list needs at least one range."],
    ["a reference it cannot read", ["B3", "not a range"], "Range not found"],
    ["a range past the grid", ["A1001"], "Range not found"],
    ["a range of another sheet", ["Other!A1"], "Range not found"],
    [
      "something other than a list of A1 references",
      "A1",
      "The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
    ],
  ])("refuses %s", (_label, a1s, message) => {
    const { sheet } = sheetsWorld();
    expect(() => sheet.getRangeList(a1s as string[])).toThrow(exception(message));
  });

  it("has no other methods than getRanges", () => {
    const { sheet } = sheetsWorld();
    const list = sheet.getRangeList(["A1"]) as unknown as Record<string, unknown>;
    expect(list.setBackground).toBeUndefined();
  });

  it("fails once its sheet is deleted", () => {
    const { sheet, app } = sheetsWorld();
    const other = app.getActiveSpreadsheet()!.insertSheet("Other");
    const list = other.getRangeList(["A1"]);
    app.getActiveSpreadsheet()!.deleteSheet(other);
    expect(() => list.getRanges()).toThrow(exception("The sheet you are working with has been deleted."));
    expect(sheet.getRangeList(["A1"]).getRanges()).toHaveLength(1);
  });
});
