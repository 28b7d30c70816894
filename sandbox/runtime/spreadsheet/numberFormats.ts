import { MONTH_NAMES, WEEKDAY_NAMES } from "../calendarNames";
import { wallClockFromSerial } from "./serialDates";

/** What `getNumberFormat()` reports for a cell whose format was never set ("Automatic" in the menu). */
export const AUTOMATIC_FORMAT = "0.###############";
/** "Plain text": what is entered stays text. */
export const PLAIN_TEXT_FORMAT = "@";
/** The formats Sheets gives a cell a script writes a Date into, without and with a time of day. */
export const DEFAULT_DATE_FORMAT = "M/d/yyyy";
export const DEFAULT_DATE_TIME_FORMAT = "M/d/yyyy H:mm:ss";

/** A quoted literal, an escaped character, or anything else, one at a time. */
const FORMAT_PIECE = /"([^"]*)"|\\(.)|([\s\S])/g;
const DATE_LETTER = /[ydhms]/i;
const AM_PM = /^(?:am\/pm|a\/p)/i;
const DIGIT_PLACEHOLDER = /[0#?]/;

// A sheet has few distinct formats and many cells: each format is examined once.
const dateFormats = new Map<string, boolean>();

/** Whether a format shows its number as a date or time, so `getValues()` gives a Date. */
export function isDateFormat(pattern: string | undefined): boolean {
  if (pattern === undefined || pattern === PLAIN_TEXT_FORMAT) return false;
  let isDate = dateFormats.get(pattern);
  if (isDate === undefined) {
    isDate = [...pattern.matchAll(FORMAT_PIECE)].some((piece) => piece[3] !== undefined && DATE_LETTER.test(piece[3]));
    dateFormats.set(pattern, isDate);
  }
  return isDate;
}

/** A number as a cell with this format shows it (en_US); undefined is the automatic format. */
export function formatNumber(value: number, pattern: string | undefined): string {
  if (pattern === undefined || pattern === PLAIN_TEXT_FORMAT) return formatAutomatic(value);
  return isDateFormat(pattern) ? formatSerial(value, pattern) : formatWithPattern(value, pattern);
}

/**
 * The automatic format: integers as written, other numbers to 10 significant digits (as a cell of
 * the default width shows them), very large or small ones in scientific notation.
 */
function formatAutomatic(value: number): string {
  const magnitude = Math.abs(value);
  if (Number.isInteger(value) && magnitude < 1e15) return String(value);
  if (magnitude >= 1e15 || magnitude < 1e-9) return scientific(value, 5, 2).replace(/\.?0+E/, "E");
  const rounded = String(Number(value.toPrecision(10)));
  return rounded.includes("e") ? scientific(value, 5, 2).replace(/\.?0+E/, "E") : rounded;
}

/** `1.23E+05`: the mantissa with `decimals` places and at least `exponentDigits` exponent digits. */
function scientific(value: number, decimals: number, exponentDigits: number): string {
  const [mantissa, exponent] = value.toExponential(decimals).split("e") as [string, string];
  const power = Number(exponent);
  return `${mantissa}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(exponentDigits, "0")}`;
}

// ---- Date and time patterns -------------------------------------------------------------------

type DateField = "year" | "month" | "day" | "hour" | "minute" | "second";
type DateToken =
  | { kind: "literal"; text: string }
  | { kind: "field"; field: DateField; width: number }
  | { kind: "ampm"; short: boolean };

interface DatePattern {
  tokens: DateToken[];
  twelveHour: boolean;
}

/** `m` is settled later: minutes next to hours or seconds, months elsewhere. `M` is always months. */
const FIELD_OF_LETTER: Readonly<Record<string, DateField>> = {
  y: "year",
  Y: "year",
  d: "day",
  D: "day",
  h: "hour",
  H: "hour",
  s: "second",
  S: "second",
  M: "month",
  m: "minute",
};
const datePatterns = new Map<string, DatePattern>();

function datePattern(pattern: string): DatePattern {
  let compiled = datePatterns.get(pattern);
  if (compiled === undefined) {
    const tokens = dateTokens(pattern);
    compiled = { tokens, twelveHour: tokens.some((t) => t.kind === "ampm") };
    datePatterns.set(pattern, compiled);
  }
  return compiled;
}

function dateTokens(pattern: string): DateToken[] {
  const tokens: DateToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern.charAt(i);
    if (char === '"') {
      const end = pattern.indexOf('"', i + 1);
      const stop = end === -1 ? pattern.length : end;
      tokens.push({ kind: "literal", text: pattern.slice(i + 1, stop) });
      i = stop + 1;
    } else if (char === "\\") {
      tokens.push({ kind: "literal", text: pattern.charAt(i + 1) });
      i += 2;
    } else if (AM_PM.test(pattern.slice(i))) {
      const short = pattern.charAt(i + 1) === "/";
      tokens.push({ kind: "ampm", short });
      i += short ? 3 : 5;
    } else if (DATE_LETTER.test(char)) {
      let width = 1;
      while (pattern.charAt(i + width) === char) width++;
      tokens.push({ kind: "field", field: FIELD_OF_LETTER[char]!, width });
      i += width;
    } else {
      tokens.push({ kind: "literal", text: char });
      i++;
    }
  }
  const fields = tokens.filter((t): t is Extract<DateToken, { kind: "field" }> => t.kind === "field");
  fields.forEach((token, n) => {
    const nextToTime = fields[n - 1]?.field === "hour" || fields[n + 1]?.field === "second";
    if (token.field === "minute" && !nextToTime) token.field = "month";
  });
  return tokens;
}

function formatSerial(serial: number, pattern: string): string {
  const date = new Date(wallClockFromSerial(serial));
  const { tokens, twelveHour } = datePattern(pattern);
  const hours = date.getUTCHours();
  let text = "";
  for (const token of tokens) {
    if (token.kind === "literal") text += token.text;
    else if (token.kind === "ampm") text += token.short ? (hours < 12 ? "A" : "P") : hours < 12 ? "AM" : "PM";
    else text += dateField(date, token.field, token.width, twelveHour);
  }
  return text;
}

function dateField(date: Date, field: DateField, width: number, twelveHour: boolean): string {
  const pad = (n: number, digits: number) => String(n).padStart(digits, "0");
  switch (field) {
    case "year":
      return width <= 2 ? pad(date.getUTCFullYear() % 100, 2) : String(date.getUTCFullYear());
    case "month": {
      const month = date.getUTCMonth();
      if (width >= 5) return MONTH_NAMES[month]!.charAt(0);
      if (width === 4) return MONTH_NAMES[month]!;
      if (width === 3) return MONTH_NAMES[month]!.slice(0, 3);
      return pad(month + 1, width);
    }
    case "day":
      if (width >= 4) return WEEKDAY_NAMES[date.getUTCDay()]!;
      if (width === 3) return WEEKDAY_NAMES[date.getUTCDay()]!.slice(0, 3);
      return pad(date.getUTCDate(), width);
    case "hour": {
      const hours = date.getUTCHours();
      return pad(twelveHour ? hours % 12 || 12 : hours, Math.min(width, 2));
    }
    case "minute":
      return pad(date.getUTCMinutes(), Math.min(width, 2));
    case "second":
      return pad(date.getUTCSeconds(), Math.min(width, 2));
  }
}

// ---- Number patterns --------------------------------------------------------------------------

interface NumberSection {
  prefix: string;
  suffix: string;
  integerZeros: number;
  grouped: boolean;
  minDecimals: number;
  maxDecimals: number;
  percent: boolean;
  /** Exponent digits of a scientific format (`0.00E+00` has 2), or null. */
  exponentDigits: number | null;
}

function parseSection(section: string): NumberSection {
  let prefix = "";
  let suffix = "";
  let core = "";
  let percent = false;
  for (const piece of section.matchAll(FORMAT_PIECE)) {
    const literal = piece[1] ?? piece[2];
    const char = piece[3];
    if (char === "%") percent = true;
    if (char !== undefined && suffix === "" && continuesCore(core, char)) core += char;
    else if (core === "") prefix += literal ?? char;
    else suffix += literal ?? char;
  }
  const [mantissa = "", exponent] = core.split(/[Ee][+-]?/);
  const [integerPart = "", decimalPart = ""] = mantissa.split(".");
  return {
    prefix,
    suffix,
    integerZeros: (integerPart.match(/0/g) ?? []).length,
    grouped: integerPart.includes(","),
    minDecimals: (decimalPart.match(/0/g) ?? []).length,
    maxDecimals: (decimalPart.match(/[0#?]/g) ?? []).length,
    percent,
    exponentDigits: exponent === undefined ? null : exponent.length,
  };
}

/** Whether a character belongs to the digits of a pattern: placeholders, separators, an exponent. */
function continuesCore(core: string, char: string): boolean {
  const last = core.charAt(core.length - 1);
  if (DIGIT_PLACEHOLDER.test(char)) return true;
  if (char === "." || char === ",") return core !== "";
  if (char === "E" || char === "e") return DIGIT_PLACEHOLDER.test(last);
  return (char === "+" || char === "-") && (last === "E" || last === "e");
}

/** Rounds half away from zero on the decimal digits, as Sheets shows them (`2.675` → `2.68`). */
function fixed(magnitude: number, decimals: number): string {
  const shifted = Number(`${magnitude}e${decimals}`);
  if (!Number.isFinite(shifted) || String(magnitude).includes("e")) return magnitude.toFixed(decimals);
  return Number(`${Math.round(shifted)}e-${decimals}`).toFixed(decimals);
}

const numberPatterns = new Map<string, NumberSection[]>();

function formatWithPattern(value: number, pattern: string): string {
  let sections = numberPatterns.get(pattern);
  if (sections === undefined) {
    sections = splitSections(pattern).map(parseSection);
    numberPatterns.set(pattern, sections);
  }
  let shape = sections[0]!;
  let magnitude = Math.abs(value);
  let sign = value < 0 ? "-" : "";
  if (value < 0 && sections[1] !== undefined) [shape, sign] = [sections[1], ""];
  else if (value === 0 && sections[2] !== undefined) shape = sections[2];
  if (shape.percent) magnitude *= 100;
  if (magnitude >= 1e21) return sign + formatAutomatic(magnitude);
  let digits: string;
  if (shape.exponentDigits !== null) {
    digits = scientific(magnitude, shape.maxDecimals, shape.exponentDigits);
  } else {
    const [integerDigits = "0", decimals = ""] = fixed(magnitude, shape.maxDecimals).split(".");
    let integer = integerDigits.replace(/^0+/, "").padStart(shape.integerZeros, "0");
    if (shape.grouped) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
    let fraction = decimals;
    while (fraction.length > shape.minDecimals && fraction.endsWith("0")) fraction = fraction.slice(0, -1);
    digits = fraction === "" ? integer : `${integer}.${fraction}`;
  }
  return `${sign}${shape.prefix}${digits}${shape.suffix}`;
}

/** The `;`-separated sections of a pattern (positive; negative; zero), quotes respected. */
function splitSections(pattern: string): string[] {
  const sections = [""];
  for (const piece of pattern.matchAll(FORMAT_PIECE)) {
    if (piece[3] === ";") sections.push("");
    else sections[sections.length - 1] += piece[0];
  }
  return sections;
}
