import type { SheetModel } from "../runtime/spreadsheet/sheetModel";
import type { SpreadsheetModel } from "../runtime/spreadsheet/spreadsheetModel";
import type { SpreadsheetStore } from "../runtime/spreadsheet/store";
import { normaliseHeader, STATUS_COLUMN_NAMES } from "../../src/core/roster/columnNames";

export const ROSTER_TAB_NAME = "Roster";

export interface NewRosterSpreadsheet {
  timeZone: string;
  owner: string;
}

/** A new spreadsheet whose only tab, Sheets' first "Sheet1" (sheet ID 0), is named Roster. */
export function createRosterSpreadsheet(store: SpreadsheetStore, { timeZone, owner }: NewRosterSpreadsheet) {
  const spreadsheet = store.create({ name: "Sandbox roster", timeZone, owner });
  spreadsheet.activeSheet().name = ROSTER_TAB_NAME;
  return spreadsheet;
}

/** The Roster tab, selected as a user working on it would have it; added if it was deleted. */
export function rosterSheet(spreadsheet: SpreadsheetModel): SheetModel {
  const sheet =
    spreadsheet.sheetByName(ROSTER_TAB_NAME) ?? spreadsheet.addSheet(ROSTER_TAB_NAME, spreadsheet.sheets.length);
  spreadsheet.select(sheet, null);
  return sheet;
}

/**
 * Replaces the tab's cells (values, formats, notes, dropdowns) with the CSV's rows, from A1. The
 * tab itself stays, with its sheet ID and the rules the add-on keeps on it. Cells are entered as
 * a person typing them into Google Sheets (en_US): numbers lose leading zeros, dates become date
 * cells in the spreadsheet's time zone, TRUE/FALSE become booleans. `raw` keeps every cell as the
 * exact text of the file, as an apostrophe typed first does in Sheets.
 */
export function enterRows(sheet: SheetModel, rows: readonly (readonly string[])[], { raw }: { raw: boolean }): void {
  sheet.clear(
    { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns },
    { contents: true, formats: true, notes: true, validations: true },
  );
  sheet.typeRows(1, 1, raw ? rows.map((cells) => cells.map((text) => `'${text}`)) : rows);
}

export interface RowStatus {
  row: number;
  status: string;
  message: string;
}

/**
 * What the add-on's Vitable Status and Vitable Message columns say on each data row below the
 * header row that has anything in the user's own columns (fully blank rows are not members).
 */
export function rowStatuses(sheet: SheetModel, headerRow: number): RowStatus[] {
  const rows = sheet.displayValuesForHost();
  const headers = (rows[headerRow - 1] ?? []).map(normaliseHeader);
  const columnOf = (name: string) => headers.indexOf(normaliseHeader(name));
  const statusColumn = columnOf(STATUS_COLUMN_NAMES.status);
  const messageColumn = columnOf(STATUS_COLUMN_NAMES.message);
  const ownColumns = new Set(Object.values(STATUS_COLUMN_NAMES).map(columnOf));
  return rows.slice(headerRow).flatMap((cells, index) => {
    const blank = cells.every((text, column) => ownColumns.has(column) || text.trim() === "");
    if (blank) return [];
    return [{ row: headerRow + 1 + index, status: cells[statusColumn] ?? "", message: cells[messageColumn] ?? "" }];
  });
}
