/**
 * Long text kept in spreadsheet cells. Sheets holds at most 50,000 characters per cell, so text
 * is cut into chunks of 45,000 (room to spare for the mark). Sheets reads what a script writes
 * like typed input, so a chunk that starts with `=`, `'` or `+`, or that looks like "1001" or
 * "2026-01-02", would come back as a formula, without its apostrophe, as a number or as a date.
 * Every cell therefore starts with a mark that no formula, number, date or boolean starts with,
 * and a cell without it was not written by this module (or was edited), so it is refused.
 */
export const CELL_MARK = "~";
export const CHUNK_LENGTH = 45_000;

const HIGH_SURROGATE = /[\uD800-\uDBFF]/;

/** The text as a cell holds it: marked, so Sheets keeps it as it is. */
export function markCell(text: string): string {
  return CELL_MARK + text;
}

/** The text of a marked cell, or null for anything else (a number, a date, unmarked text). */
export function unmarkCell(cell: unknown): string | null {
  return typeof cell === "string" && cell.charAt(0) === CELL_MARK ? cell.slice(1) : null;
}

/**
 * The marked cells that hold `text`, in order; none for "". A chunk never ends between the two
 * halves of a surrogate pair (an emoji), which a cell could not store on its own.
 */
export function textToCells(text: string, chunkLength: number = CHUNK_LENGTH): string[] {
  const cells: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + chunkLength, text.length);
    if (end < text.length && end - start > 1 && HIGH_SURROGATE.test(text.charAt(end - 1))) end--;
    cells.push(markCell(text.slice(start, end)));
    start = end;
  }
  return cells;
}

/** The text held by marked cells, or null when any cell is not one of them. */
export function cellsToText(cells: readonly unknown[]): string | null {
  const chunks: string[] = [];
  for (const cell of cells) {
    const chunk = unmarkCell(cell);
    if (chunk === null) return null;
    chunks.push(chunk);
  }
  return chunks.join("");
}
