import type { CellValue } from "./model";

/**
 * A cell with something in it, as the field readers see it: strings are already cleaned and
 * never empty, never a spreadsheet error.
 */
export type FilledCell = Exclude<CellValue, "">;

// `\s` covers the no-break spaces (U+00A0, U+202F) and the other Unicode spaces. The zero-width
// space, the word joiner and the byte-order mark (U+FEFF, also in `\s`) have no width at all.
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
const WHITESPACE_RUN = /\s+/g;
const ONLY_WHITESPACE = /^[\s\u200B\u2060]*$/;
// Most cells are already clean; testing first spares building a copy of every one of them.
const NEEDS_CLEANING = /^\s|\s$|\s{2}|[^\S ]|[\u200B\u2060]/;

/**
 * The text of a string cell as the user sees it: zero-width characters pasted from web pages and
 * HR systems dropped ("Jo\u200Bhn" is John, not "Jo hn"), every run of whitespace (no-break
 * spaces included) turned into one ordinary space, and trimmed, so two cells that look the same
 * are the same.
 */
export function cleanText(text: string): string {
  return NEEDS_CLEANING.test(text) ? text.replace(ZERO_WIDTH, "").replace(WHITESPACE_RUN, " ").trim() : text;
}

/**
 * True for a cell that holds nothing a person typed: empty or whitespace-only text, or an
 * unchecked checkbox (getValues() gives `false` for every unchecked box of a checkbox column,
 * including the boxes on otherwise empty rows).
 */
export function isBlankCell(value: CellValue | undefined): boolean {
  if (value === undefined || value === "" || value === false) return true;
  return typeof value === "string" && ONLY_WHITESPACE.test(value);
}

const SHEET_ERRORS: ReadonlySet<string> = new Set([
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#ERROR!",
]);

/** The spreadsheet error a cleaned text cell shows (`#REF!` …), or null when it holds data. */
export function sheetErrorIn(text: string): string | null {
  if (text.charAt(0) !== "#") return null;
  const code = text.toUpperCase();
  return SHEET_ERRORS.has(code) ? code : null;
}

/**
 * True for a date cell. Checked by type rather than `instanceof Date`: Dates made by another
 * JavaScript realm (a spreadsheet stand-in around the bundle) are dates too, and a date is the
 * only object getValues() returns.
 */
export function isDateCell(cell: CellValue): cell is Date {
  return typeof cell === "object";
}
