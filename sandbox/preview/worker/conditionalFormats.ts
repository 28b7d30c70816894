import type { GridArea } from "../../runtime/spreadsheet/area";
import { columnNumber } from "../../runtime/spreadsheet/a1";
import type { ConditionalFormatRuleState, RuleFormat } from "../../runtime/spreadsheet/conditionalFormatState";
import type { SheetModel } from "../../runtime/spreadsheet/sheetModel";

/**
 * Conditional formatting as Sheets draws it. The runtime keeps the rules but, like Apps Script's
 * getters, never applies them; the preview must, or the add-on's marks on invalid cells would not
 * show. Custom formulas are understood in the one shape rules of this kind use, a cell compared
 * with a text (`=$N2="Invalid"`); any other formula never applies here.
 */

/** `=$N2="Invalid"`: a reference, each part absolute with `$` or relative, equal to a quoted text. */
const CELL_EQUALS_TEXT = /^=\s*(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d*)\s*=\s*"((?:[^"]|"")*)"\s*$/;

function inArea(area: GridArea, row: number, column: number): boolean {
  return (
    row >= area.row && row < area.row + area.numRows && column >= area.column && column < area.column + area.numColumns
  );
}

/** Sheets compares text without regard to case. */
function sameText(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function ruleApplies(sheet: SheetModel, rule: ConditionalFormatRuleState, row: number, column: number): boolean {
  const { criterion, values } = rule.condition;
  const own = () => sheet.cellAt(row, column).displayValue;
  switch (criterion) {
    case "CELL_EMPTY":
      return sheet.values.get(row, column) === undefined;
    case "CELL_NOT_EMPTY":
      return sheet.values.get(row, column) !== undefined;
    case "TEXT_EQUAL_TO":
      return sameText(own(), values[0] ?? "");
    case "TEXT_CONTAINS":
      return own()
        .toLowerCase()
        .includes((values[0] ?? "").toLowerCase());
    case "CUSTOM_FORMULA": {
      const match = CELL_EQUALS_TEXT.exec(values[0] ?? "");
      const anchor = rule.ranges[0];
      if (match === null || anchor === undefined) return false;
      const [, columnFixed, letters, rowFixed, rowText, quoted] = match;
      // A relative part moves with the cell, from the top-left cell of the rule's first range.
      const refRow = Number(rowText) + (rowFixed ? 0 : row - anchor.row);
      const refColumn = columnNumber(letters!) + (columnFixed ? 0 : column - anchor.column);
      if (refRow < 1 || refColumn < 1 || refRow > sheet.maxRows || refColumn > sheet.maxColumns) return false;
      return sameText(sheet.cellAt(refRow, refColumn).displayValue, quoted!.replace(/""/g, '"'));
    }
  }
}

/** The format of the first rule, in the sheet's order, that covers the cell and applies to it; null when none does. */
export function conditionalFormatAt(sheet: SheetModel, row: number, column: number): RuleFormat | null {
  for (const rule of sheet.conditionalFormatRules) {
    if (rule.ranges.some((area) => inArea(area, row, column)) && ruleApplies(sheet, rule, row, column)) {
      return { background: rule.background, fontColor: rule.fontColor, bold: rule.bold };
    }
  }
  return null;
}
