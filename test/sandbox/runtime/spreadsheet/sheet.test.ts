import { sheetsWorld } from "./sheetsWorld";

const exception = (message: string) => expect.objectContaining({ name: "Exception", message });

describe("last row and column", () => {
  it("are 0 on an empty sheet, whose data range is A1", () => {
    const { sheet } = sheetsWorld();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
  });

  it("follow the last value, not formats or notes, and blank cells do not count", () => {
    const { sheet } = sheetsWorld();
    sheet.getRange("A1:C1").setValues([["Reference ID", "First Name", ""]]);
    sheet.getRange("B4").setValue("Ana");
    sheet.getRange("E9").setNumberFormat("@").setNote("formatted, empty").setBackground("#ff0000");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([4, 2]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:B4");
    sheet.getRange("B4").clearContent();
    expect(sheet.getLastRow()).toBe(1);
  });
});

describe("Sheet.appendRow", () => {
  it("writes after the last row with typed-input coercion, keeping the target cells' formats", () => {
    const { sheet } = sheetsWorld();
    sheet.getRange("A1:B1").setValues([["When", "ZIP"]]);
    sheet.getRange("B2").setNumberFormat("@");
    sheet.appendRow(["3/14/2026", "02134", "=A1", true]);
    expect(sheet.getRange("A2:D2").getDisplayValues()).toEqual([["3/14/2026", "02134", "#NAME?", "TRUE"]]);
  });

  it("grows a full grid, where setValues past the last row fails", () => {
    const { sheet } = sheetsWorld();
    sheet.getRange(1000, 1).setValue("last row");
    expect(() => sheet.getRange(1001, 1)).toThrow(
      exception("The coordinates of the range are outside the dimensions of the sheet."),
    );
    sheet.appendRow(["grown", ...Array.from({ length: 27 }, (_, i) => i)]);
    expect([sheet.getMaxRows(), sheet.getMaxColumns(), sheet.getLastRow()]).toEqual([1001, 28, 1001]);
    expect(sheet.getRange(1001, 28).getValue()).toBe(26);
  });
});

describe("inserting and deleting rows and columns", () => {
  it("moves cells, and new rows take the formats and dropdowns of the row they follow", () => {
    const { sheet, app } = sheetsWorld();
    const rule = app.newDataValidation().requireValueInList(["Gold", "Silver"]).build();
    sheet.getRange("A2:B2").setValues([["1001", "Gold"]]);
    sheet.getRange("A2").setNumberFormat("@").setNote("first");
    sheet.getRange("B2").setDataValidation(rule);
    sheet.insertRowsAfter(2, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange("A3:B4").getValues()).toEqual([
      ["", ""],
      ["", ""],
    ]);
    expect(sheet.getRange("A3:A4").getNumberFormats()).toEqual([["@"], ["@"]]);
    expect(sheet.getRange("A3:A4").getNotes()).toEqual([[""], [""]]);
    expect(sheet.getRange("B4").getDataValidation()?.getCriteriaValues()[0]).toEqual(["Gold", "Silver"]);
    sheet.insertRowBefore(1);
    expect(sheet.getRange("A3:B3").getValues()).toEqual([[1001, "Gold"]]);
    sheet.deleteRow(1);
    sheet.insertColumnAfter(1);
    expect(sheet.getRange("A2:C2").getValues()).toEqual([[1001, "", "Gold"]]);
    sheet.deleteColumns(2, 1);
    expect(sheet.getRange("A2:B2").getValues()).toEqual([[1001, "Gold"]]);
    expect(sheet.getMaxColumns()).toBe(26);
  });

  it.each<[string, () => void, string]>([
    ["deleting past the last row", () => sheetsWorld().sheet.deleteRows(999, 5), "Those rows are out of bounds."],
    ["deleting row 0", () => sheetsWorld().sheet.deleteRow(0), "Those rows are out of bounds."],
    [
      "deleting past the last column",
      () => sheetsWorld().sheet.deleteColumns(26, 2),
      "Those columns are out of bounds.",
    ],
    ["inserting after row 0", () => sheetsWorld().sheet.insertRowsAfter(0, 1), "Those rows are out of bounds."],
    [
      "deleting every row",
      () => sheetsWorld().sheet.deleteRows(1, 1000),
      "Sorry, it is not possible to delete all non-frozen rows.",
    ],
    [
      "deleting every unfrozen row",
      () => {
        const { sheet } = sheetsWorld();
        sheet.setFrozenRows(1);
        sheet.deleteRows(2, 999);
      },
      "Sorry, it is not possible to delete all non-frozen rows.",
    ],
  ])("%s fails as in Apps Script", (_what, act, message) => {
    expect(act).toThrow(exception(message));
  });
});

describe("sheet properties", () => {
  it("keeps the sheet's ID across renames, and refuses a name another sheet has in any case", () => {
    const { sheet, app } = sheetsWorld();
    const spreadsheet = app.getActiveSpreadsheet()!;
    const other = spreadsheet.insertSheet("Members");
    const id = other.getSheetId();
    other.setName("Members 2026");
    expect(spreadsheet.getSheetByName("Members 2026")?.getSheetId()).toBe(id);
    expect(spreadsheet.getSheetById(id)?.getName()).toBe("Members 2026");
    expect(() => sheet.setName("members 2026")).toThrow(
      exception('A sheet with the name "members 2026" already exists. Please enter another name.'),
    );
    expect(other.setName("MEMBERS 2026").getName()).toBe("MEMBERS 2026");
  });

  it("hides and shows sheets, but never the last visible one", () => {
    const { sheet, app } = sheetsWorld();
    const data = app.getActiveSpreadsheet()!.insertSheet("Vitable Data");
    expect(data.hideSheet().isSheetHidden()).toBe(true);
    expect(() => sheet.hideSheet()).toThrow(exception("You can't hide all the sheets in a document."));
    data.showSheet();
    expect(data.isSheetHidden()).toBe(false);
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
  });

  it("freezes rows and columns, and knows its position among the tabs", () => {
    const { sheet, app } = sheetsWorld();
    sheet.setFrozenRows(1);
    sheet.setFrozenColumns(2);
    expect([sheet.getFrozenRows(), sheet.getFrozenColumns()]).toEqual([1, 2]);
    const second = app.getActiveSpreadsheet()!.insertSheet("Second");
    expect([sheet.getIndex(), second.getIndex()]).toEqual([1, 2]);
    expect(second.getParent().getName()).toBe("Roster");
  });

  it("records column resizing as a call that changes nothing", () => {
    const { sheet, execution } = sheetsWorld();
    sheet.autoResizeColumns(1, 3).autoResizeColumn(4);
    expect(execution.counts.byMethod["Sheet.autoResizeColumns"]).toBe(1);
    expect(execution.counts.byMethod["Sheet.autoResizeColumn"]).toBe(1);
  });

  it("clears contents and formats of the whole sheet", () => {
    const { sheet } = sheetsWorld();
    sheet.getRange("C5").setValue("x").setNumberFormat("@");
    sheet.clear({ contentsOnly: true });
    expect([sheet.getLastRow(), sheet.getRange("C5").getNumberFormat()]).toEqual([0, "@"]);
    sheet.clear();
    expect(sheet.getRange("C5").getNumberFormat()).toBe("0.###############");
  });
});
