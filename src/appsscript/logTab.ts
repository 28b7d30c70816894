import { LOG_ROW_LIMIT, LOG_WIDTH, logEntryToRow, logHeaders } from "../core/log/logRows";
import { LOG_PROTECTION_NOTE, logTimeHeader } from "../messages/logTab";
import type { LogEntry } from "../core/log/logEntry";
import type { CellValue } from "../core/roster/model";

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
 * Time header is rewritten only when `header` says it names another zone. `activeSheet` is the
 * tab the user has open (asked once per execution by the caller), made active again when the
 * log tab is created.
 */
export function openLog(
  spreadsheet: Spreadsheet,
  timeZone: () => string,
  header: LogHeaderZone,
  activeSheet: () => Sheet,
): LogTab {
  let found: Sheet | null | undefined;
  let ready: Sheet | null = null;
  const lookUp = () => (found === undefined ? (found = spreadsheet.getSheetByName(LOG_SHEET_NAME)) : found);

  /**
   * The tab to write, its Time header naming the spreadsheet's time zone as it is now: Sheets
   * shows every time in the log in that zone, and the zone can be changed at any time. A tab
   * made now holds `firstRows` below its header (`written`).
   */
  function writable(firstRows: CellValue[][]): { sheet: Sheet; written: boolean } {
    if (ready !== null) return { sheet: ready, written: false };
    const sheet = lookUp();
    const zone = timeZone();
    let written = false;
    if (sheet === null) {
      ready = found = createLogSheet(spreadsheet, zone, activeSheet(), firstRows);
      written = true;
    } else {
      if (header.writtenFor() !== zone) sheet.getRange(1, 1).setValue(logTimeHeader(zone));
      ready = sheet;
    }
    if (header.writtenFor() !== zone) header.remember(zone);
    return { sheet: ready, written };
  }

  return {
    append(entries, reservedUpTo) {
      if (entries.length === 0) return;
      const rows = entries.map(logEntryToRow);
      // One entry rides with a new tab's header; more might not fit the new grid.
      const withHeader = reservedUpTo <= HEADER_ROWS && rows.length === 1;
      const { sheet, written } = writable(withHeader ? rows : []);
      if (written && withHeader) return;
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
      const values = [logEntryToRow(entry)];
      const first = row === HEADER_ROWS + 1;
      const { sheet, written } = writable(first ? values : []);
      if (!(written && first)) writeRowAt(sheet, row, values);
    },
  };
}

/**
 * One row written at `row`. The grid nearly always has the row already, so its size is asked
 * only when the write finds it does not (setValues cannot write past the grid's last row).
 */
function writeRowAt(sheet: Sheet, row: number, values: CellValue[][]): void {
  let range;
  try {
    range = sheet.getRange(row, 1, 1, LOG_WIDTH);
  } catch (error) {
    if (row <= sheet.getMaxRows()) throw error;
    growTo(sheet, row);
    range = sheet.getRange(row, 1, 1, LOG_WIDTH);
  }
  range.setValues(values);
}

/** setValues cannot write past the grid's last row. */
function growTo(sheet: Sheet, rows: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
}

/**
 * The log tab, placed last, with its header row bold and frozen and its times shown to the
 * second, holding `firstRows` below the header (written with it, in one setValues). It is
 * protected with a warning only: whoever runs a sync appends to it. Inserting a sheet makes it
 * the active one, so the user's tab (`active`) is made active again.
 */
function createLogSheet(spreadsheet: Spreadsheet, timeZone: string, active: Sheet, firstRows: CellValue[][]): Sheet {
  const sheet = spreadsheet.insertSheet(LOG_SHEET_NAME, spreadsheet.getSheets().length);
  const rows = [logHeaders(timeZone) as CellValue[], ...firstRows];
  sheet
    .getRange(1, 1, rows.length, LOG_WIDTH)
    .setValues(rows)
    .setFontWeights(
      rows.map((_, index) =>
        new Array<GoogleAppsScript.Spreadsheet.FontWeight>(LOG_WIDTH).fill(index < HEADER_ROWS ? "bold" : "normal"),
      ),
    );
  sheet.setFrozenRows(HEADER_ROWS);
  // Column A below the header, to the grid's last row: its size need not be asked.
  sheet.getRange(`A${HEADER_ROWS + 1}:A`).setNumberFormat(TIME_FORMAT);
  sheet.protect().setDescription(LOG_PROTECTION_NOTE).setWarningOnly(true);
  spreadsheet.setActiveSheet(active);
  return sheet;
}
