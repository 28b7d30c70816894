import type { CellValue } from "../src/core/roster/model";
import type { SheetModel } from "../sandbox/runtime/spreadsheet/sheetModel";
import { SpreadsheetStore } from "../sandbox/runtime/spreadsheet/store";
import type { CellEdit } from "./roster";

/**
 * A roster typed into a sandbox sheet, as a person pasting it would: Sheets' parsing of typed
 * input turns "02134" into 2134 and "05/15/1990" into a date, and the add-on reads what is left.
 */
export function typedSheet(rows: readonly (readonly string[])[], timeZone: string): SheetModel {
  const spreadsheet = new SpreadsheetStore().create({ name: "Roster", timeZone, owner: "hr@example.com" });
  const sheet = spreadsheet.activeSheet();
  pasteRows(sheet, rows);
  return sheet;
}

/** Rows pasted at a time: the sandbox's paste spreads its rows into one call, which a 200,000-row paste overflows. */
const PASTE_ROWS = 20_000;

/** Types rows into a sheet from A1 on, as a person pasting them would, a block of rows at a time. */
export function pasteRows(sheet: SheetModel, rows: readonly (readonly string[])[]): void {
  for (let start = 0; start < rows.length; start += PASTE_ROWS) {
    sheet.typeRows(start + 1, 1, rows.slice(start, start + PASTE_ROWS));
  }
}

/** Types the edits into the sheet, then deletes the rows (listed bottom first). */
export function applyEdits(sheet: SheetModel, edits: readonly CellEdit[], deletedRows: readonly number[]): void {
  for (const edit of edits) sheet.typeInto(edit.row, edit.column, edit.text);
  for (const row of deletedRows) sheet.deleteRows(row, 1);
}

/** What `getDataRange().getValues()` gives the add-on. */
export function tabValues(sheet: SheetModel): CellValue[][] {
  return sheet.valuesForHost();
}
