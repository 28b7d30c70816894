import { cleanText } from "./cells";
import type { CellValue } from "./model";

const LEAVE_OUT_WORDS: ReadonlySet<string> = new Set(["false", "no", "n", "0", "excluded", "terminated"]);

/**
 * What the include column (Include / Active / Sync) says when it leaves the row out on purpose,
 * as the user sees it ("No", "FALSE"): FALSE (an unchecked box or the word), No, N, 0, Excluded
 * or Terminated, in any case. Null for anything else, blank included: the row is in.
 */
export function leftOutBecause(cell: CellValue | undefined): string | null {
  if (cell === false) return "FALSE";
  if (cell === 0) return "0";
  if (typeof cell !== "string") return null;
  const text = cleanText(cell);
  return LEAVE_OUT_WORDS.has(text.toLowerCase()) ? text : null;
}
