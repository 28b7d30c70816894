import { wallClockOf } from "../timeZones";
import { serialFromWallClock } from "./serialDates";

/**
 * What a cell holds once text is entered the way a person types it into Sheets (en_US), or a
 * script writes it with `setValue(s)`. `numberFormat` is the format Sheets applies by itself
 * when the text says how it should look (`$2.99`, `50%`, `1,000`, a date).
 */
export type TypedValue =
  | { kind: "empty" }
  | { kind: "text"; text: string }
  | { kind: "number"; value: number; numberFormat?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; serial: number; numberFormat: string }
  | { kind: "formula"; formula: string };

export const GROUPED_INTEGER_FORMAT = "#,##0";
export const GROUPED_DECIMAL_FORMAT = "#,##0.00";
export const CURRENCY_FORMAT = '"$"#,##0.00';
export const PERCENT_FORMAT = "0%";
export const PERCENT_DECIMAL_FORMAT = "0.00%";
export const SCIENTIFIC_FORMAT = "0.00E+00";
export const US_DATE_FORMAT = "M/d/yyyy";
export const US_DATE_TIME_FORMAT = "M/d/yyyy H:mm:ss";

/** Sign, optional dollar sign (before or after the sign), digits grouped by commas or not, fraction, exponent, percent. */
const NUMBER = /^([+-]?)(\$?)([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?(%?)$/;
const BOOLEAN = /^(?:true|false)$/i;
/** How a number, a date or a boolean can start (after spaces). */
const MAY_BE_TYPED = /^\s*[\d+\-$.tTfF]/;
const TIME = String.raw`(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?)?`;
/** `3/14/2026`, `03/14/2026`, `3/14/26`, optionally followed by a time. */
const US_DATE = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})${TIME}$`);
/** `2026-03-14` or `2026/03/14`, optionally followed by a time. */
const ISO_DATE = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${TIME}$`);

/**
 * Parses text as Sheets does typed input in an en_US spreadsheet: a leading `=` makes a formula,
 * a leading apostrophe keeps the rest as text (the apostrophe is not part of the value), then
 * booleans, numbers and dates are recognised; anything else stays text exactly as given.
 *
 * Not recognised (they stay text, where Sheets would make a date): dates without a year
 * (`3/14`), dates with dashes in US order (`3-14-2026`), month names, and times on their own.
 */
export function parseTypedInput(text: string): TypedValue {
  if (text === "") return { kind: "empty" };
  if (text.charAt(0) === "'") return text.length === 1 ? { kind: "empty" } : { kind: "text", text: text.slice(1) };
  if (text.charAt(0) === "=" && text.length > 1) return { kind: "formula", formula: text };
  // Most text (names, addresses) cannot be anything else: skip the patterns for it.
  if (!MAY_BE_TYPED.test(text)) return { kind: "text", text };
  const trimmed = text.trim();
  if (BOOLEAN.test(trimmed)) return { kind: "boolean", value: trimmed.toLowerCase() === "true" };
  return parseNumber(trimmed) ?? parseDate(trimmed) ?? { kind: "text", text };
}

function parseNumber(text: string): TypedValue | null {
  const match = NUMBER.exec(text);
  if (!match) return null;
  const [, outerSign, dollar, innerSign, whole = "", fraction, exponent, percent] = match;
  if (whole === "" && !fraction) return null;
  if (outerSign && innerSign) return null;
  if ((dollar && (exponent !== undefined || percent)) || (exponent !== undefined && percent)) return null;
  const power = Number(exponent ?? 0) - (percent ? 2 : 0);
  const magnitude = Number(`${whole.replace(/,/g, "") || "0"}.${fraction || "0"}e${power}`);
  if (!Number.isFinite(magnitude)) return null;
  const negative = (outerSign || innerSign) === "-" && magnitude !== 0;
  const value = negative ? -magnitude : magnitude;
  const numberFormat = impliedNumberFormat({
    currency: dollar !== "",
    percent: percent !== "",
    scientific: exponent !== undefined,
    grouped: whole.includes(","),
    hasFraction: (fraction ?? "") !== "",
  });
  return numberFormat === undefined ? { kind: "number", value } : { kind: "number", value, numberFormat };
}

interface NumberShape {
  currency: boolean;
  percent: boolean;
  scientific: boolean;
  grouped: boolean;
  hasFraction: boolean;
}

function impliedNumberFormat(shape: NumberShape): string | undefined {
  if (shape.currency) return CURRENCY_FORMAT;
  if (shape.percent) return shape.hasFraction ? PERCENT_DECIMAL_FORMAT : PERCENT_FORMAT;
  if (shape.scientific) return SCIENTIFIC_FORMAT;
  if (shape.grouped) return shape.hasFraction ? GROUPED_DECIMAL_FORMAT : GROUPED_INTEGER_FORMAT;
  return undefined;
}

function parseDate(text: string): TypedValue | null {
  const us = US_DATE.exec(text);
  if (us) {
    const [, month, day, year, hour, minute, second, meridiem] = us;
    const fullYear = year!.length === 2 ? twoDigitYear(Number(year)) : Number(year);
    const time = parseTime(hour, minute, second, meridiem);
    const format = hour === undefined ? US_DATE_FORMAT : US_DATE_TIME_FORMAT;
    return time && dateValue(fullYear, Number(month), Number(day), time, format);
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, year, separator, month, day, hour, minute, second, meridiem] = iso;
    const time = parseTime(hour, minute, second, meridiem);
    const dateFormat = `yyyy${separator}mm${separator}dd`;
    const format = hour === undefined ? dateFormat : `${dateFormat} H:mm:ss`;
    return time && dateValue(Number(year), Number(month), Number(day), time, format);
  }
  return null;
}

/** Sheets reads a two-digit year as 2000–2029 below 30 and as 1930–1999 from 30. */
function twoDigitYear(year: number): number {
  return year < 30 ? 2000 + year : 1900 + year;
}

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
}

function parseTime(
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiem: string | undefined,
): TimeOfDay | null {
  if (hourText === undefined) return { hour: 0, minute: 0, second: 0 };
  let hour = Number(hourText);
  const minute = Number(minuteText);
  const second = Number(secondText ?? 0);
  if (minute > 59 || second > 59) return null;
  if (meridiem === undefined) return hour > 23 ? null : { hour, minute, second };
  if (hour < 1 || hour > 12) return null;
  hour = (hour % 12) + (meridiem.toLowerCase() === "p" ? 12 : 0);
  return { hour, minute, second };
}

function dateValue(year: number, month: number, day: number, time: TimeOfDay, numberFormat: string): TypedValue | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const wallClock = wallClockOf(year, month, day, time.hour, time.minute, time.second);
  return { kind: "date", serial: serialFromWallClock(wallClock), numberFormat };
}

function daysInMonth(year: number, month: number): number {
  return new Date(wallClockOf(year, month + 1, 0)).getUTCDate();
}
