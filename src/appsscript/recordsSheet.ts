import { columnLetters } from "../core/sheet/a1";
import { listsPeople, type Records } from "../core/state/records";
import {
  INDEX_WIDTH,
  RECORDS_NOTICE,
  chunksToText,
  readIndexCells,
  recordRowCells,
  widthOf,
  type ChunkCells,
  type RecordCell,
} from "../core/records/recordRows";

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
  /** The text; undefined while a long record's chunks have not been read. */
  value: string | null | undefined;
  chunks: ChunkCells | null;
}

interface LoadedRecords {
  /** Whether the records sheet exists (its index was read, or it was made). */
  exists: boolean;
  /** The records sheet, looked up only when its grid must grow; null: none yet. */
  sheet(): Sheet | null;
  /** The first row of each key; a copy of a row further down is ignored. */
  places: Map<string, RecordPlace>;
  /** Blank rows inside the data, reused before appending, top first. */
  freeRows: number[];
  /** The last row that holds anything. */
  lastRow: number;
  /** Rows the grid has. */
  maxRows: number;
}

/** A write held back until the next flush, in the order it was made. */
interface HeldWrite {
  value: string | null;
  order: number;
}

/**
 * The store of a spreadsheet. Nothing is read until it is first used; then its index (columns A
 * to C: every key and every short record) is read in one call, and a long record's cells only
 * when it is asked for. Writes go to the sheet at once, except inside `batch`, which holds them
 * until `flush` or its end and then writes them in one setValues per run of adjacent rows.
 */
export function openRecords(spreadsheet: Spreadsheet): Records {
  let loaded: LoadedRecords | null = null;
  const held = new Map<string, HeldWrite>();
  let writes = 0;
  let batches = 0;

  function records(): LoadedRecords {
    if (loaded === null) loaded = loadIndex(spreadsheet);
    return loaded;
  }

  function flush(): void {
    if (held.size === 0) return;
    const state = records();
    const ordered = [...held.entries()].sort(([, a], [, b]) => a.order - b.order);
    held.clear();
    writeRecords(spreadsheet, state, ordered);
  }

  return {
    get(key) {
      const write = held.get(key);
      if (write !== undefined) return write.value;
      const state = records();
      const place = state.places.get(key);
      if (place === undefined) return null;
      if (place.value === undefined) readChunks(spreadsheet, unreadSiblings(state, key, place));
      return place.value ?? null;
    },

    set(key, value) {
      held.delete(key);
      held.set(key, { value, order: writes++ });
      if (batches === 0) flush();
    },

    keys(prefix) {
      const { places } = records();
      const placed = [...places.entries()].sort(([, a], [, b]) => a.row - b.row).map(([key]) => key);
      const added = [...held.keys()].filter((key) => !places.has(key));
      return [...placed, ...added].filter((key) => key.startsWith(prefix) && held.get(key)?.value !== null);
    },

    batch(work) {
      batches++;
      try {
        return work();
      } finally {
        batches--;
        if (batches === 0) flush();
      }
    },

    flush,
  };
}

/** Columns A to C of every row, in one read. */
function loadIndex(spreadsheet: Spreadsheet): LoadedRecords {
  let sheet: Sheet | null | undefined;
  const state: LoadedRecords = {
    exists: true,
    sheet: () => (sheet === undefined ? (sheet = spreadsheet.getSheetByName(RECORDS_SHEET_NAME)) : sheet),
    places: new Map(),
    freeRows: [],
    lastRow: 0,
    maxRows: 0,
  };
  const index = readIndex(spreadsheet);
  if (index === null) {
    sheet = null;
    state.exists = false;
    return state;
  }
  state.maxRows = index.length;
  for (let position = index.length - 1; position >= 0; position--) {
    if ((index[position] as unknown[]).some((cell) => cell !== "")) {
      state.lastRow = position + 1;
      break;
    }
  }
  for (let position = 0; position < state.lastRow; position++) {
    const cells = index[position] as unknown[];
    const read = readIndexCells(cells);
    if (read === null) {
      if (cells.every((cell) => cell === "")) state.freeRows.push(position + 1);
      continue;
    }
    if (state.places.has(read.key)) continue;
    state.places.set(read.key, {
      row: position + 1,
      width: widthOf(read),
      value: "chunks" in read ? undefined : read.value,
      chunks: "chunks" in read ? read.chunks : null,
    });
  }
  return state;
}

/**
 * Columns A to C of the records sheet, or null when there is none. Asked of the spreadsheet by
 * A1 reference, the sheet itself is not looked up: the sidebar reads the index alone, often.
 */
function readIndex(spreadsheet: Spreadsheet): unknown[][] | null {
  let range;
  try {
    range = spreadsheet.getRange(`'${RECORDS_SHEET_NAME}'!A:${columnLetters(INDEX_WIDTH)}`);
  } catch (error) {
    // Only a missing sheet means no records; anything else is a failure to report.
    if (spreadsheet.getSheetByName(RECORDS_SHEET_NAME) === null) return null;
    throw error;
  }
  return range.getValues();
}

/** Rows apart beyond which two long records are read separately rather than with what lies between. */
const SIBLING_SPAN_ROWS = 20;

/**
 * The long record `key` and the other long records of the same tab not read yet (keys ending in
 * the same `:<sheet ID>`, written together and so lying close): a sync needs a tab's accepted
 * roster and its last settled sync both, and one read costs what two would.
 */
function unreadSiblings(state: LoadedRecords, key: string, place: RecordPlace): RecordPlace[] {
  const suffix = key.slice(key.lastIndexOf(":"));
  const places = [place];
  state.places.forEach((other, otherKey) => {
    if (other === place || other.value !== undefined || other.chunks === null) return;
    if (!otherKey.endsWith(suffix) || Math.abs(other.row - place.row) > SIBLING_SPAN_ROWS) return;
    places.push(other);
  });
  return places;
}

/** The chunks of long records, in one read of the rows and columns they span; sets each one's value. */
function readChunks(spreadsheet: Spreadsheet, places: readonly RecordPlace[]): void {
  const chunked = places.map((place) => ({ place, chunks: place.chunks as ChunkCells }));
  const firstRow = Math.min(...chunked.map(({ place }) => place.row));
  const lastRow = Math.max(...chunked.map(({ place }) => place.row));
  const firstColumn = Math.min(...chunked.map(({ chunks }) => chunks.column));
  const lastColumn = Math.max(...chunked.map(({ chunks }) => chunks.column + chunks.count - 1));
  const grid = spreadsheet.getRange(recordsA1(firstRow, firstColumn, lastRow, lastColumn)).getValues() as unknown[][];
  for (const { place, chunks } of chunked) {
    const start = chunks.column - firstColumn;
    const cells = (grid[place.row - firstRow] ?? []).slice(start, start + chunks.count);
    place.value = chunksToText(cells, chunks.count);
  }
}

/** The planned cells of one row: what it holds from now on, padded over what it held. */
interface RowWrite {
  row: number;
  cells: RecordCell[];
  /** Order of the earliest write it carries. */
  order: number;
}

/**
 * Writes records in the order they were set, as one setValues per run of adjacent rows: the
 * runs are written in the order of their earliest record, so a record set after another never
 * reaches the sheet before it (a stopped run leaves an earlier state, never a mixed one).
 */
function writeRecords(spreadsheet: Spreadsheet, state: LoadedRecords, writes: [string, HeldWrite][]): void {
  const rows = new Map<number, RowWrite>();
  for (const [key, { value, order }] of writes) {
    const place = state.places.get(key);
    if (value === null) {
      if (place === undefined) continue;
      state.places.delete(key);
      state.freeRows.push(place.row);
      state.freeRows.sort((a, b) => a - b);
      plan(rows, place.row, padded([], place.width), order);
      continue;
    }
    const cells = recordRowCells(key, value, listsPeople(key));
    const row = place?.row ?? state.freeRows.shift() ?? Math.max(state.lastRow, 1) + 1;
    state.lastRow = Math.max(state.lastRow, row);
    const read = readIndexCells(cells);
    state.places.set(key, {
      row,
      width: cells.length,
      value,
      chunks: read !== null && "chunks" in read ? read.chunks : null,
    });
    plan(rows, row, padded(cells, Math.max(cells.length, place?.width ?? 0)), order);
  }
  if (rows.size === 0) return;
  if (!state.exists) {
    const sheet = createRecordsSheet(spreadsheet);
    state.exists = true;
    state.sheet = () => sheet;
    state.maxRows = RECORDS_GRID_ROWS;
    plan(rows, 1, [RECORDS_NOTICE], -1);
  }
  fillGaps(state, rows);
  for (const run of adjacentRuns(rows)) writeRun(spreadsheet, state, run);
}

/** Short gaps between rows written are written too, when rewriting them is cheaper than a call. */
const GAP_ROWS = 20;

/**
 * Adds to `rows` the rows between two written rows that can be written again as they are (blank
 * rows and short records, known from the index), so that one setValues covers both. A long
 * record or anything else in a gap keeps the two runs apart.
 */
function fillGaps(state: LoadedRecords, rows: Map<number, RowWrite>): void {
  const byRow = new Map<number, [string, RecordPlace]>();
  state.places.forEach((place, key) => byRow.set(place.row, [key, place]));
  const free = new Set(state.freeRows);
  const written = [...rows.keys()].sort((a, b) => a - b);
  for (let index = 1; index < written.length; index++) {
    const first = written[index - 1]! + 1;
    const last = written[index]! - 1;
    if (last < first || last - first + 1 > GAP_ROWS) continue;
    const filler: RowWrite[] = [];
    for (let row = first; row <= last; row++) {
      const cells = free.has(row) ? [] : sameCells(byRow.get(row));
      if (cells === null) break;
      filler.push({ row, cells, order: Number.POSITIVE_INFINITY });
    }
    if (filler.length === last - first + 1) for (const write of filler) rows.set(write.row, write);
  }
}

/** The cells of a short record as they are, or null when they are not all known from the index. */
function sameCells(entry: [string, RecordPlace] | undefined): RecordCell[] | null {
  if (entry === undefined) return null;
  const [key, place] = entry;
  if (place.chunks !== null || place.value === null || place.value === undefined) return null;
  return recordRowCells(key, place.value);
}

function plan(rows: Map<number, RowWrite>, row: number, cells: RecordCell[], order: number): void {
  const earlier = rows.get(row);
  rows.set(row, { row, cells: earlier ? padded(cells, earlier.cells.length) : cells, order: earlier?.order ?? order });
}

/** Rows grouped into runs of adjacent rows, the run holding the earliest write first. */
function adjacentRuns(rows: Map<number, RowWrite>): RowWrite[][] {
  const sorted = [...rows.values()].sort((a, b) => a.row - b.row);
  const runs: RowWrite[][] = [];
  for (const write of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[last.length - 1]!.row === write.row - 1) last.push(write);
    else runs.push([write]);
  }
  const earliest = (run: RowWrite[]) => Math.min(...run.map((write) => write.order));
  return runs.sort((a, b) => earliest(a) - earliest(b));
}

/**
 * One setValues, by A1 reference, so that the sheet is looked up only when the run reaches past
 * its grid: rows are known from the index and grown first; columns are grown when the write finds
 * them missing (setValues cannot write past the grid's last column).
 */
function writeRun(spreadsheet: Spreadsheet, state: LoadedRecords, run: RowWrite[]): void {
  const width = Math.max(...run.map((write) => write.cells.length));
  const firstRow = run[0]!.row;
  const lastRow = run[run.length - 1]!.row;
  if (lastRow > state.maxRows) {
    (state.sheet() as Sheet).insertRowsAfter(state.maxRows, lastRow - state.maxRows);
    state.maxRows = lastRow;
  }
  const a1 = recordsA1(firstRow, 1, lastRow, width);
  let range;
  try {
    range = spreadsheet.getRange(a1);
  } catch (error) {
    if (!widened(state.sheet() as Sheet, width)) throw error;
    range = spreadsheet.getRange(a1);
  }
  range.setValues(run.map((write) => padded(write.cells, width)));
}

/** Widens the grid to `width` columns; false when it had them (the failure was something else). */
function widened(sheet: Sheet, width: number): boolean {
  const maxColumns = sheet.getMaxColumns();
  if (width <= maxColumns) return false;
  sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  return true;
}

/**
 * Rows the records sheet's grid starts with: a spreadsheet with a few tabs holds a few dozen
 * records, and the index is read, every few seconds by the sidebar, as tall as the grid.
 */
const RECORDS_GRID_ROWS = 20;

/**
 * Columns the records sheet's grid starts with: a record of 80 cells of CHUNK_LENGTH characters
 * holds the roster of about 100,000 members, so a sync does not widen the grid first. Only the
 * index (A to C) and the cells of the records asked for are ever read.
 */
const RECORDS_GRID_COLUMNS = 80;

/**
 * The records sheet, made on first write: hidden and protected with a warning (its first row,
 * saying what it is, is written with the first records), its grid RECORDS_GRID_ROWS rows by
 * RECORDS_GRID_COLUMNS columns (it grows as records are added). Inserting a sheet makes it the
 * active one, so the user's tab is made active again, before hiding it.
 */
function createRecordsSheet(spreadsheet: Spreadsheet): Sheet {
  const active = spreadsheet.getActiveSheet();
  const sheet = spreadsheet.insertSheet(RECORDS_SHEET_NAME, spreadsheet.getSheets().length);
  const spareRows = sheet.getMaxRows() - RECORDS_GRID_ROWS;
  if (spareRows > 0) sheet.deleteRows(RECORDS_GRID_ROWS + 1, spareRows);
  const columns = sheet.getMaxColumns();
  if (columns < RECORDS_GRID_COLUMNS) sheet.insertColumnsAfter(columns, RECORDS_GRID_COLUMNS - columns);
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

/** A range of the records sheet by A1 reference, which the spreadsheet resolves without the sheet being looked up. */
function recordsA1(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  return `'${RECORDS_SHEET_NAME}'!${columnLetters(firstColumn)}${firstRow}:${columnLetters(lastColumn)}${lastRow}`;
}
