import { cellsToText, markCell, textToCells, unmarkCell } from "./cellChunks";

/**
 * One record per row of the records sheet: column A the key, column B the number of chunks, then
 * the chunks (see cellChunks.ts). The key is marked like the chunks, so a key such as "1001"
 * stays text.
 *
 * A short record keeps its one chunk in column C. A long one leaves C blank and starts its chunks
 * in D, so columns A to C (the index) hold every key and every short record, whatever the size of
 * the long ones: the sidebar reads the index alone, and a long record is read only when asked for.
 * Rows written before this layout hold their chunks from C, and still read.
 */

/** What the first row of the records sheet tells anyone who unhides it. */
export const RECORDS_NOTICE = "Vitable Roster Sync keeps its records here. Do not edit.";

/** Columns A to C: keys, chunk counts and short records. */
export const INDEX_WIDTH = 3;

/** The longest record kept in the index; longer ones (a roster, a sync in flight) go after it. */
export const SHORT_RECORD_LENGTH = 20_000;

export type RecordCell = string | number;

/** The cells of a record's row, as written; `long` keeps it out of the index whatever its size. */
export function recordRowCells(key: string, value: string, long = false): RecordCell[] {
  const chunks = textToCells(value);
  const head = [markCell(key), chunks.length];
  const short = !long && value.length <= SHORT_RECORD_LENGTH && chunks.length <= 1;
  return short ? [...head, ...chunks] : [...head, "", ...chunks];
}

export interface ReadRecord {
  key: string;
  /** Null when the record is damaged: a wrong chunk count or a chunk without its mark. */
  value: string | null;
}

/** Where a long record's chunks are: 1-based first column, and how many. */
export interface ChunkCells {
  column: number;
  count: number;
}

/**
 * A row's index cells (at least A to C): the record, when they hold all of it; where its chunks
 * are, when it is long; null for a row that is not a record (blank, the notice, anything typed).
 */
export function readIndexCells(cells: readonly unknown[]): ReadRecord | { key: string; chunks: ChunkCells } | null {
  const key = unmarkCell(cells[0]);
  if (key === null) return null;
  const count = cells[1];
  if (typeof count !== "number" || !Number.isInteger(count) || count < 0) return { key, value: null };
  if (count === 0) return { key, value: "" };
  const third = cells[2];
  if (third === "" || third === undefined) return { key, chunks: { column: INDEX_WIDTH + 1, count } };
  if (count === 1) return { key, value: unmarkCell(third) };
  return { key, chunks: { column: INDEX_WIDTH, count } };
}

/** The text of a long record from its chunk cells, or null when they are not all its chunks. */
export function chunksToText(cells: readonly unknown[], count: number): string | null {
  return cells.length < count ? null : cellsToText(cells.slice(0, count));
}

/** The record a whole row holds, or null for a row that is not a record. */
export function readRecordRow(row: readonly unknown[]): ReadRecord | null {
  const read = readIndexCells(row);
  if (read === null || !("chunks" in read)) return read;
  const { column, count } = read.chunks;
  return { key: read.key, value: chunksToText(row.slice(column - 1), count) };
}

/** How many cells of a row hold something: a rewrite of the row blanks at least that many. */
export function usedWidth(row: readonly unknown[]): number {
  for (let index = row.length - 1; index >= 0; index--) if (row[index] !== "") return index + 1;
  return 0;
}

/** How many cells the row of a record read from its index holds. */
export function widthOf(read: ReadRecord | { chunks: ChunkCells }): number {
  return "chunks" in read ? read.chunks.column - 1 + read.chunks.count : INDEX_WIDTH;
}
