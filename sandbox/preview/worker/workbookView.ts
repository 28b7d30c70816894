import { isFormula } from "../../runtime/spreadsheet/cells";
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from "../../runtime/spreadsheet/colors";
import type { SheetModel } from "../../runtime/spreadsheet/sheetModel";
import type { SpreadsheetModel } from "../../runtime/spreadsheet/spreadsheetModel";
import type { CellView, SheetView, WorkbookView } from "../shared/api";
import { conditionalFormatAt } from "./conditionalFormats";

/** Empty rows and columns shown past the data, as Sheets shows a grid larger than its content. */
const SPARE_ROWS = 20;
const MIN_ROWS_SHOWN = 50;
const MIN_COLUMNS_SHOWN = 26;
const SPARE_COLUMNS = 2;
/** A page holding more rows than this would crawl; the rest of a tab is not drawn. */
export const MAX_ROWS_SHOWN = 2_000;

function cellView(sheet: SheetModel, row: number, column: number): CellView | null {
  const stored = sheet.values.get(row, column);
  const cell = sheet.cellAt(row, column);
  const rule = conditionalFormatAt(sheet, row, column);
  const view: CellView = { text: cell.displayValue };
  if (isFormula(stored)) view.formula = stored.formula;
  // Dates are numbers too (serials in a date format).
  if (typeof stored === "number") view.align = "right";
  if (typeof stored === "boolean") view.align = "center";
  const background = rule?.background ?? cell.background;
  if (background !== DEFAULT_BACKGROUND) view.background = background;
  const color = rule?.fontColor ?? cell.fontColor;
  if (color !== DEFAULT_FONT_COLOR) view.color = color;
  if ((rule?.bold ?? cell.fontWeight === "bold") === true) view.bold = true;
  if (cell.note !== "") view.note = cell.note;
  if (rule !== null) view.marked = true;
  const criterion = cell.dataValidation?.criterion;
  if (criterion !== undefined && criterion.type !== "CHECKBOX" && criterion.showDropdown) view.dropdown = true;
  const plain = Object.keys(view).length === 1 && view.text === "";
  return plain ? null : view;
}

function sheetView(sheet: SheetModel, selectionEnd: { row: number; column: number }): SheetView {
  const rows = Math.min(
    sheet.maxRows,
    MAX_ROWS_SHOWN,
    Math.max(MIN_ROWS_SHOWN, sheet.lastRow() + SPARE_ROWS, selectionEnd.row),
  );
  const columns = Math.min(
    sheet.maxColumns,
    Math.max(MIN_COLUMNS_SHOWN, sheet.lastColumn() + SPARE_COLUMNS, selectionEnd.column),
  );
  const cells: (CellView | null)[][] = [];
  for (let row = 1; row <= rows; row++) {
    const line: (CellView | null)[] = [];
    for (let column = 1; column <= columns; column++) line.push(cellView(sheet, row, column));
    cells.push(line);
  }
  return {
    sheetId: sheet.id,
    name: sheet.name,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    rows: cells,
    columns,
  };
}

/** The spreadsheet as its editor shows it: the tab strip, the active tab's grid and the selection. */
export function workbookView(spreadsheet: SpreadsheetModel): WorkbookView {
  const active = spreadsheet.activeSheet();
  const selection = spreadsheet.activeArea();
  return {
    spreadsheetId: spreadsheet.id,
    name: spreadsheet.name,
    timeZone: spreadsheet.timeZone,
    // Sheets leaves hidden sheets (the add-on's records) out of the tab strip.
    tabs: spreadsheet.sheets
      .filter((sheet) => !sheet.hidden || sheet === active)
      .map((sheet) => ({ sheetId: sheet.id, name: sheet.name })),
    sheet: sheetView(active, {
      row: selection.row + selection.numRows - 1,
      column: selection.column + selection.numColumns - 1,
    }),
    selection: { ...selection },
  };
}
