import type { CellValue } from "./model";

/**
 * A cell with something in it, as the field readers see it: strings are already cleaned and
 * never empty, never a spreadsheet error.
 */
export type FilledCell = Exclude<CellValue, "">;

// `\s` already covers the no-break spaces (U+00A0, U+202F, U+FEFF) and the other Unicode spaces;
// the zero-width space and the word joiner are invisible too but are not in `\s`.
const WHITESPACE_RUN = /[\s\u200B\u2060]+/g;
const ONLY_WHITESPACE = /^[\s\u200B\u2060]*$/;
// Most cells are already clean; testing first spares building a copy of every one of them.
const NEEDS_CLEANING = /^[\s\u200B\u2060]|[\s\u200B\u2060]$|[\s\u200B\u2060]{2}|[^\S ]|[\u200B\u2060]/;

/**
 * The text of a string cell: trimmed, every run of whitespace (including no-break and zero-width
 * spaces pasted from web pages and HR systems) turned into one ordinary space, so two cells that
 * look the same are the same.
 */
export function cleanText(text: string): string {
  return NEEDS_CLEANING.test(text) ? text.replace(WHITESPACE_RUN, " ").trim() : text;
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
