import { cellsToText, markCell, textToCells, unmarkCell } from "./cellChunks";

/**
 * One record per row of the records sheet: column A the key, column B the number of chunks, then
 * the chunks (see cellChunks.ts). The key is marked like the chunks, so a key such as "1001"
 * stays text.
 */

/** What the first row of the records sheet tells anyone who unhides it. */
export const RECORDS_NOTICE = "Vitable Roster Sync keeps its records here. Do not edit.";

export type RecordCell = string | number;

/** The cells of a record's row, as written. */
export function recordRowCells(key: string, value: string): RecordCell[] {
  const chunks = textToCells(value);
  return [markCell(key), chunks.length, ...chunks];
}

export interface ReadRecord {
  key: string;
  /** Null when the record is damaged: a wrong chunk count or a chunk without its mark. */
  value: string | null;
}

/** The record a row holds, or null for a row that is not a record (blank, the notice, anything typed). */
export function readRecordRow(row: readonly unknown[]): ReadRecord | null {
  const key = unmarkCell(row[0]);
  if (key === null) return null;
  const count = row[1];
  const chunkCount = typeof count === "number" && Number.isInteger(count) && count >= 0 ? count : null;
  if (chunkCount === null || 2 + chunkCount > row.length) return { key, value: null };
  return { key, value: cellsToText(row.slice(2, 2 + chunkCount)) };
}

/** How many cells of a row hold something: a rewrite of the row blanks at least that many. */
export function usedWidth(row: readonly unknown[]): number {
  for (let index = row.length - 1; index >= 0; index--) if (row[index] !== "") return index + 1;
  return 0;
}
