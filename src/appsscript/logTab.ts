import { LOG_ROW_LIMIT, LOG_WIDTH, logEntryToRow, logHeaders } from "../core/log/logRows";
import { LOG_PROTECTION_NOTE, logTimeHeader } from "../messages/logTab";
import type { LogEntry } from "../core/log/logEntry";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One row per sync, newest at the bottom, under a header row (product.md §5 "Log"). */
export const LOG_SHEET_NAME = "Vitable Sync Log";

const TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
const HEADER_ROWS = 1;

/**
 * Appends in ONE setValues, below the last row and below row `reservedUpTo`; creates the tab on
 * first use (header row bold and frozen, protected with warning-only protection, placed last);
 * over the limit, and when no row is reserved, deletes the oldest rows in ONE deleteRows.
 */
export function appendLogEntries(spreadsheet: Spreadsheet, entries: readonly LogEntry[], reservedUpTo = 0): void {
  if (entries.length === 0) return;
  const sheet = logSheet(spreadsheet);
  const rows = entries.map(logEntryToRow);
  const lastRow = Math.max(sheet.getLastRow(), HEADER_ROWS, reservedUpTo);
  // setValues cannot write past the grid's last row.
  const maxRows = sheet.getMaxRows();
  const needed = lastRow + rows.length;
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  sheet.getRange(lastRow + 1, 1, rows.length, LOG_WIDTH).setValues(rows);

  const excess = needed - HEADER_ROWS - LOG_ROW_LIMIT;
  if (excess > 0 && reservedUpTo === 0) sheet.deleteRows(HEADER_ROWS + 1, excess);
}

/**
 * The log tab, its Time header naming the spreadsheet's time zone as it is now: Sheets shows
 * every time in the log in that zone, and the zone can be changed at any time.
 */
function logSheet(spreadsheet: Spreadsheet): Sheet {
  const sheet = spreadsheet.getSheetByName(LOG_SHEET_NAME);
  if (sheet === null) return createLogSheet(spreadsheet);
  sheet.getRange(1, 1).setValue(logTimeHeader(spreadsheet.getSpreadsheetTimeZone()));
  return sheet;
}

/**
 * The log tab, placed last, with its header row bold and frozen and its times shown to the second.
 * It is protected with a warning only: whoever runs a sync appends to it. Inserting a sheet makes
 * it the active one, so the user's tab is made active again.
 */
function createLogSheet(spreadsheet: Spreadsheet): Sheet {
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(LOG_SHEET_NAME, spreadsheet.getSheets().length);
  const headers = logHeaders(spreadsheet.getSpreadsheetTimeZone());
  sheet.getRange(1, 1, 1, LOG_WIDTH).setValues([headers]).setFontWeight("bold");
  sheet.setFrozenRows(HEADER_ROWS);
  sheet.getRange(HEADER_ROWS + 1, 1, sheet.getMaxRows() - HEADER_ROWS, 1).setNumberFormat(TIME_FORMAT);
  sheet.protect().setDescription(LOG_PROTECTION_NOTE).setWarningOnly(true);
  spreadsheet.setActiveSheet(active);
  return sheet;
}

/** The row the next appended entry takes, below row `reservedUpTo`. */
export function nextLogRow(spreadsheet: Spreadsheet, reservedUpTo = 0): number {
  const sheet = spreadsheet.getSheetByName(LOG_SHEET_NAME);
  return Math.max(sheet === null ? HEADER_ROWS : sheet.getLastRow(), HEADER_ROWS, reservedUpTo) + 1;
}

/**
 * Writes one entry at `row`, replacing what is there: a run that repeats the write after being
 * stopped leaves one row. Appends leave `row` alone while it is reserved, and do not trim.
 */
export function writeLogEntryAt(spreadsheet: Spreadsheet, row: number, entry: LogEntry): void {
  const sheet = logSheet(spreadsheet);
  const maxRows = sheet.getMaxRows();
  if (row > maxRows) sheet.insertRowsAfter(maxRows, row - maxRows);
  sheet.getRange(row, 1, 1, LOG_WIDTH).setValues([logEntryToRow(entry)]);
}
