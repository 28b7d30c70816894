import { isDate } from "../realm";
import {
  DEFAULT_DATE_FORMAT,
  DEFAULT_DATE_TIME_FORMAT,
  PLAIN_TEXT_FORMAT,
  formatNumber,
  isDateFormat,
} from "./numberFormats";
import { instantFromSerial, serialFromInstant } from "./serialDates";
import { parseTypedInput, type TypedValue } from "./typedInput";

/** A formula as entered, `=` included. */
export interface Formula {
  formula: string;
}

/**
 * What a cell holds; `undefined` is an empty cell. A date is a number (its serial) in a cell whose
 * number format is a date format, as in Sheets: the format decides whether it reads as a Date.
 */
export type StoredValue = number | boolean | string | Formula;

/**
 * The sandbox does not evaluate formulas: `getValues()` and `getDisplayValues()` read every
 * formula cell as `#NAME?` (Sheets' error for a function it does not know), and `getFormulas()`
 * gives the formula.
 */
export const FORMULA_RESULT = "#NAME?";

/** Sheets' limit on the text of one cell. */
export const MAX_CELL_CHARACTERS = 50_000;

export function isFormula(value: StoredValue | undefined): value is Formula {
  return typeof value === "object";
}

/** What a write puts into a cell: its value (undefined empties it) and a number format Sheets picks, if any. */
export interface CellWrite {
  value: StoredValue | undefined;
  numberFormat?: string;
}

/**
 * Typed input as Sheets stores it. A format the text implies (`$2.99`, `50%`) replaces only the
 * automatic format; a date replaces any format that does not already show dates, and a plain
 * number keeps the cell's format (so `5` in a date cell is a date, as in Sheets).
 */
export function writeOfTyped(typed: TypedValue, currentFormat: string | undefined): CellWrite {
  switch (typed.kind) {
    case "empty":
      return { value: undefined };
    case "text":
      return { value: typed.text === "" ? undefined : typed.text };
    case "boolean":
      return { value: typed.value };
    case "formula":
      return { value: { formula: typed.formula } };
    case "number":
      return typed.numberFormat !== undefined && currentFormat === undefined
        ? { value: typed.value, numberFormat: typed.numberFormat }
        : { value: typed.value };
    case "date":
      return isDateFormat(currentFormat)
        ? { value: typed.serial }
        : { value: typed.serial, numberFormat: typed.numberFormat };
  }
}

/**
 * A value from `setValue(s)` as Sheets stores it: numbers and booleans as they are, a Date of any
 * realm as a date in the spreadsheet's time zone (keeping a date format the cell has), null and
 * undefined as empty, and strings parsed as typed input unless the cell's format is plain text.
 */
export function writeOfScriptValue(input: unknown, currentFormat: string | undefined, timeZone: string): CellWrite {
  if (input === null || input === undefined) return { value: undefined };
  if (typeof input === "boolean") return { value: input };
  if (typeof input === "number") return Number.isFinite(input) ? { value: input } : { value: String(input) };
  if (typeof input === "string") {
    if (currentFormat === PLAIN_TEXT_FORMAT) return { value: input === "" ? undefined : input };
    return writeOfTyped(parseTypedInput(input), currentFormat);
  }
  if (isDate(input)) {
    const instant = input.getTime();
    if (Number.isNaN(instant)) return { value: String(input) };
    const serial = serialFromInstant(instant, timeZone);
    if (isDateFormat(currentFormat)) return { value: serial };
    return { value: serial, numberFormat: Number.isInteger(serial) ? DEFAULT_DATE_FORMAT : DEFAULT_DATE_TIME_FORMAT };
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Apps Script stringifies any value, an object as "[object Object]"; so does the stand-in.
  return { value: String(input) };
}

/** The length of text a write would put in a cell, to check it against MAX_CELL_CHARACTERS. */
export function textLength(value: StoredValue | undefined): number {
  if (typeof value === "string") return value.length;
  return isFormula(value) ? value.formula.length : 0;
}

/**
 * What `getValues()` gives for a cell: `''` when empty, a Date (made by `makeDate`, so of the
 * script's realm) for a number in a date format, at that wall-clock time in the spreadsheet's zone.
 */
export function readValue(
  value: StoredValue | undefined,
  numberFormat: string | undefined,
  timeZone: string,
  makeDate: (instant: number) => Date,
): string | number | boolean | Date {
  if (value === undefined) return "";
  if (isFormula(value)) return FORMULA_RESULT;
  if (typeof value === "number" && isDateFormat(numberFormat)) return makeDate(instantFromSerial(value, timeZone));
  return value;
}

/** What `getDisplayValues()` gives for a cell (en_US). */
export function displayValue(value: StoredValue | undefined, numberFormat: string | undefined): string {
  if (value === undefined) return "";
  if (isFormula(value)) return FORMULA_RESULT;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return formatNumber(value, numberFormat);
  return value;
}
