import { LOG_ROW_LIMIT, LOG_WIDTH, logEntryToRow, logHeaders } from "../core/log/logRows";
import { LOG_PROTECTION_NOTE, logTimeHeader } from "../messages/logTab";
import type { LogEntry } from "../core/log/logEntry";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** One row per sync, newest at the bottom, under a header row (product.md §5 "Log"). */
export const LOG_SHEET_NAME = "Vitable Sync Log";

const TIME_FORMAT = "yyyy-mm-dd hh:mm:ss";
const HEADER_ROWS = 1;

/** The log tab as one execution writes it: looked up once, its Time header written once. */
export interface LogTab {
  /**
   * Appends in ONE setValues, below the last row and below row `reservedUpTo`; creates the tab on
   * first use; over the limit, and when no row is reserved, deletes the oldest rows in ONE deleteRows.
   */
  append(entries: readonly LogEntry[], reservedUpTo: number): void;
  /** The row the next appended entry takes, below row `reservedUpTo`. */
  nextRow(reservedUpTo: number): number;
  /**
   * Writes one entry at `row`, replacing what is there: a run that repeats the write after being
   * stopped leaves one row. Appends leave `row` alone while it is reserved, and do not trim.
   */
  writeAt(row: number, entry: LogEntry): void;
}

/** Which time zone the log's Time header says, as remembered where the add-on keeps its records. */
export interface LogHeaderZone {
  writtenFor(): string | null;
  remember(timeZone: string): void;
}

/**
 * The log tab of `spreadsheet`, whose time zone (asked once by the caller) is `timeZone`; the
 * Time header is rewritten only when `header` says it names another zone.
 */
export function openLog(spreadsheet: Spreadsheet, timeZone: () => string, header: LogHeaderZone): LogTab {
  let found: Sheet | null | undefined;
  let ready: Sheet | null = null;
  const lookUp = () => (found === undefined ? (found = spreadsheet.getSheetByName(LOG_SHEET_NAME)) : found);

  /**
   * The tab to write, its Time header naming the spreadsheet's time zone as it is now: Sheets
   * shows every time in the log in that zone, and the zone can be changed at any time.
   */
  function writable(): Sheet {
    if (ready !== null) return ready;
    const sheet = lookUp();
    const zone = timeZone();
    if (sheet === null) ready = createLogSheet(spreadsheet, zone);
    else {
      if (header.writtenFor() !== zone) sheet.getRange(1, 1).setValue(logTimeHeader(zone));
      ready = sheet;
    }
    if (header.writtenFor() !== zone) header.remember(zone);
    return ready;
  }

  return {
    append(entries, reservedUpTo) {
      if (entries.length === 0) return;
      const sheet = writable();
      const rows = entries.map(logEntryToRow);
      const lastRow = Math.max(sheet.getLastRow(), HEADER_ROWS, reservedUpTo);
      const needed = lastRow + rows.length;
      growTo(sheet, needed);
      sheet.getRange(lastRow + 1, 1, rows.length, LOG_WIDTH).setValues(rows);
      const excess = needed - HEADER_ROWS - LOG_ROW_LIMIT;
      if (excess > 0 && reservedUpTo === 0) sheet.deleteRows(HEADER_ROWS + 1, excess);
    },

    nextRow(reservedUpTo) {
      const sheet = lookUp();
      return Math.max(sheet === null ? HEADER_ROWS : sheet.getLastRow(), HEADER_ROWS, reservedUpTo) + 1;
    },

    writeAt(row, entry) {
      const sheet = writable();
      growTo(sheet, row);
      sheet.getRange(row, 1, 1, LOG_WIDTH).setValues([logEntryToRow(entry)]);
    },
  };
}

/** setValues cannot write past the grid's last row. */
function growTo(sheet: Sheet, rows: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
}

/**
 * The log tab, placed last, with its header row bold and frozen and its times shown to the second.
 * It is protected with a warning only: whoever runs a sync appends to it. Inserting a sheet makes
 * it the active one, so the user's tab is made active again.
 */
function createLogSheet(spreadsheet: Spreadsheet, timeZone: string): Sheet {
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(LOG_SHEET_NAME, spreadsheet.getSheets().length);
  sheet
    .getRange(1, 1, 1, LOG_WIDTH)
    .setValues([logHeaders(timeZone)])
    .setFontWeight("bold");
  sheet.setFrozenRows(HEADER_ROWS);
  // Column A below the header, to the grid's last row: its size need not be asked.
  sheet.getRange(`A${HEADER_ROWS + 1}:A`).setNumberFormat(TIME_FORMAT);
  sheet.protect().setDescription(LOG_PROTECTION_NOTE).setWarningOnly(true);
  spreadsheet.setActiveSheet(active);
  return sheet;
}
