import { SpreadsheetStore } from "../../../../sandbox/runtime/spreadsheet/store";
import type { ConditionalFormatRuleState } from "../../../../sandbox/runtime/spreadsheet/conditionalFormatState";
import { conditionalFormatAt } from "../../../../sandbox/preview/worker/conditionalFormats";

function sheetWith(rows: string[][]) {
  const spreadsheet = new SpreadsheetStore().create({
    name: "HR",
    timeZone: "America/New_York",
    owner: "hr@example.com",
  });
  const sheet = spreadsheet.activeSheet();
  sheet.typeRows(1, 1, rows);
  return sheet;
}

const MARK = { background: "#fce8e6", fontColor: null, bold: null };

function rule(
  ranges: ConditionalFormatRuleState["ranges"],
  criterion: ConditionalFormatRuleState["condition"]["criterion"],
  values: string[],
): ConditionalFormatRuleState {
  return { ranges, condition: { criterion, values }, ...MARK };
}

describe("conditionalFormatAt", () => {
  it("applies the add-on's rule to a cell whose own row's status is Invalid, whatever the case", () => {
    const sheet = sheetWith([
      ["ID", "Phone", "Status"],
      ["1", "555", "Invalid"],
      ["2", "556", "Ready"],
      ["3", "557", "invalid"],
    ]);
    // Relative row, absolute column, written for the top-left cell of the first range (B2).
    sheet.conditionalFormatRules = [
      rule([{ row: 2, column: 2, numRows: 3, numColumns: 1 }], "CUSTOM_FORMULA", ['=$C2="Invalid"']),
    ];
    expect(conditionalFormatAt(sheet, 2, 2)).toEqual(MARK);
    expect(conditionalFormatAt(sheet, 3, 2)).toBeNull();
    expect(conditionalFormatAt(sheet, 4, 2)).toEqual(MARK);
    // Outside the rule's ranges.
    expect(conditionalFormatAt(sheet, 2, 1)).toBeNull();
  });

  it("reads absolute rows as fixed and ignores formulas of any other shape", () => {
    const sheet = sheetWith([
      ["x", "Invalid"],
      ["y", "Ready"],
    ]);
    sheet.conditionalFormatRules = [
      rule([{ row: 1, column: 1, numRows: 2, numColumns: 1 }], "CUSTOM_FORMULA", ['=$B$1="Invalid"']),
    ];
    expect(conditionalFormatAt(sheet, 2, 1)).toEqual(MARK);
    sheet.conditionalFormatRules = [
      rule([{ row: 1, column: 1, numRows: 2, numColumns: 1 }], "CUSTOM_FORMULA", ["=ISBLANK(B1)"]),
    ];
    expect(conditionalFormatAt(sheet, 1, 1)).toBeNull();
  });

  it("applies empty, not empty, equal and contains conditions, the first matching rule winning", () => {
    const sheet = sheetWith([["Pending", "", "Synced today"]]);
    const row = { row: 1, column: 1, numRows: 1, numColumns: 3 };
    sheet.conditionalFormatRules = [
      { ...rule([row], "TEXT_EQUAL_TO", ["pending"]), background: "#ffff00" },
      rule([row], "CELL_EMPTY", []),
      { ...rule([row], "TEXT_CONTAINS", ["SYNCED"]), background: "#00ff00" },
    ];
    expect(conditionalFormatAt(sheet, 1, 1)?.background).toBe("#ffff00");
    expect(conditionalFormatAt(sheet, 1, 2)?.background).toBe("#fce8e6");
    expect(conditionalFormatAt(sheet, 1, 3)?.background).toBe("#00ff00");
    sheet.conditionalFormatRules = [rule([row], "CELL_NOT_EMPTY", [])];
    expect(conditionalFormatAt(sheet, 1, 2)).toBeNull();
    expect(conditionalFormatAt(sheet, 1, 1)).toEqual(MARK);
  });
});
