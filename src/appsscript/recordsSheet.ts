import type { Records } from "../core/state/records";
import { RECORDS_NOTICE, readRecordRow, recordRowCells, usedWidth, type RecordCell } from "../core/records/recordRows";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The add-on's durable store in a spreadsheet. The last accepted roster of a large tab is far
 * beyond what PropertiesService holds, and a time-driven trigger may have no document properties,
 * so records live in a hidden sheet of the spreadsheet itself, protected against accidental edits
 * with a warning only: every editor who runs a sync writes it.
 */
export const RECORDS_SHEET_NAME = "Vitable Sync Records";

interface RecordPlace {
  /** 1-based sheet row. */
  row: number;
  /** Cells the row holds, so that a shorter rewrite blanks the rest. */
  width: number;
  value: string | null;
}

interface LoadedRecords {
  sheet: Sheet | null;
  /** The first row of each key; a copy of a row further down is ignored. */
  places: Map<string, RecordPlace>;
  /** Blank rows inside the data, reused before appending, top first. */
  freeRows: number[];
  /** The last row that holds anything: appendRow writes below it. */
  lastRow: number;
  /** Columns the grid is known to have. */
  columns: number;
}

/** The store of a spreadsheet. Nothing is read until it is first used; then the sheet is read once. */
export function openRecords(spreadsheet: Spreadsheet): Records {
  let loaded: LoadedRecords | null = null;
  function records(): LoadedRecords {
    if (loaded === null) loaded = loadRecords(spreadsheet);
    return loaded;
  }

  return {
    get(key) {
      return records().places.get(key)?.value ?? null;
    },

    set(key, value) {
      const state = records();
      const place = state.places.get(key);
      if (value === null) {
        if (place !== undefined && state.sheet !== null) deleteRecord(state.sheet, state, key, place);
        return;
      }
      if (state.sheet === null) {
        state.sheet = createRecordsSheet(spreadsheet);
        state.lastRow = 1;
      }
      writeRecord(state.sheet, state, key, value, place);
    },

    keys(prefix) {
      return [...records().places.entries()]
        .filter(([key]) => key.startsWith(prefix))
        .sort(([, a], [, b]) => a.row - b.row)
        .map(([key]) => key);
    },
  };
}

/** One setValues on the record's row, or one appendRow for a new key when no blank row is left. */
function writeRecord(sheet: Sheet, state: LoadedRecords, key: string, value: string, place?: RecordPlace): void {
  const cells = recordRowCells(key, value);
  const row = place?.row ?? state.freeRows.shift();
  if (row === undefined) {
    // Every row above is in use, so appendRow writes right below the last one, and it grows
    // the grid when the row is wider than the sheet.
    sheet.appendRow(cells);
    state.lastRow += 1;
    state.columns = Math.max(state.columns, cells.length);
    state.places.set(key, { row: state.lastRow, width: cells.length, value });
    return;
  }
  const width = Math.max(cells.length, place?.width ?? 0);
  ensureColumns(sheet, state, width);
  sheet.getRange(row, 1, 1, width).setValues([padded(cells, width)]);
  state.places.set(key, { row, width: cells.length, value });
}

function deleteRecord(sheet: Sheet, state: LoadedRecords, key: string, place: RecordPlace): void {
  sheet.getRange(place.row, 1, 1, place.width).setValues([padded([], place.width)]);
  state.places.delete(key);
  state.freeRows.push(place.row);
  state.freeRows.sort((a, b) => a - b);
}

/** setValues cannot write past the grid's last column, so a longer record first widens it. */
function ensureColumns(sheet: Sheet, state: LoadedRecords, width: number): void {
  if (width <= state.columns) return;
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  state.columns = Math.max(maxColumns, width);
}

function loadRecords(spreadsheet: Spreadsheet): LoadedRecords {
  const sheet = spreadsheet.getSheetByName(RECORDS_SHEET_NAME);
  const state: LoadedRecords = { sheet, places: new Map(), freeRows: [], lastRow: 0, columns: 0 };
  if (sheet === null) return state;
  const values: unknown[][] = sheet.getDataRange().getValues();
  state.columns = values[0]?.length ?? 0;
  state.lastRow = lastUsedRowOf(values);
  for (let index = 0; index < state.lastRow; index++) {
    const cells = values[index] as unknown[];
    const width = usedWidth(cells);
    if (width === 0) {
      state.freeRows.push(index + 1);
      continue;
    }
    const record = readRecordRow(cells);
    if (record !== null && !state.places.has(record.key)) {
      state.places.set(record.key, { row: index + 1, width, value: record.value });
    }
  }
  return state;
}

/** Rows up to the last that holds anything: an empty sheet's data range is a lone blank A1. */
function lastUsedRowOf(values: readonly (readonly unknown[])[]): number {
  for (let index = values.length - 1; index >= 0; index--) if (usedWidth(values[index] ?? []) > 0) return index + 1;
  return 0;
}

/**
 * The records sheet, made on first write: hidden, its first row saying what it is, and protected
 * with a warning. Inserting a sheet makes it the active one, so the user's tab is made active
 * again, before hiding it.
 */
function createRecordsSheet(spreadsheet: Spreadsheet): Sheet {
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(RECORDS_SHEET_NAME, spreadsheet.getSheets().length);
  sheet.appendRow([RECORDS_NOTICE]);
  sheet.protect().setDescription(RECORDS_NOTICE).setWarningOnly(true);
  spreadsheet.setActiveSheet(active);
  sheet.hideSheet();
  return sheet;
}

function padded(cells: readonly RecordCell[], width: number): RecordCell[] {
  const row = cells.slice();
  while (row.length < width) row.push("");
  return row;
}
