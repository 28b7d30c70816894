import type { CellValue } from "../../src/core/roster/model";
import { US_STATES } from "../../src/vitable/usStates";
import { CORPUS_PLANS, CORPUS_TIME_ZONE, CORPUS_TODAY } from "./basePerson";
import type { MemberColumn } from "./model";
import { SAYS } from "./sentences";

/**
 * product.md §4's rules for one cell, written out here from the spec, independently of
 * src/core/roster: the generated rows (generate.ts) take their expected outcomes from these.
 * A verdict is what a member column makes of a cell as getValues() gives it.
 */
export type Verdict =
  { kind: "blank" } | { kind: "value"; value: string; repaired: boolean } | { kind: "problem"; says: RegExp };

const SHEET_ERRORS = ["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!"];

/** Trimmed, invisible zero-width characters dropped, every whitespace run one space. */
export function cleaned(text: string): string {
  return text
    .replace(/[\u200B\u2060\uFEFF]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

function characterCount(text: string): number {
  return Array.from(text).length;
}

/** U+0000–U+001F and U+007F–U+009F. */
const CONTROL_CHARACTER = /\p{Cc}/u;

function value(text: string, repaired = false): Verdict {
  return { kind: "value", value: text, repaired };
}

function problem(says: RegExp): Verdict {
  return { kind: "problem", says };
}

function isVerdict(read: Verdict | string | number | Date): read is Verdict {
  return typeof read === "object" && !(read instanceof Date);
}

/**
 * The steps every member column shares: blanks, spreadsheet errors, checkboxes, control
 * characters; what is left is cleaned text, a number or a date.
 */
function commonVerdict(cell: CellValue): Verdict | string | number | Date {
  if (typeof cell === "boolean") return problem(SAYS.checkbox(cell ? "TRUE" : "FALSE"));
  if (typeof cell !== "string") return cell;
  const text = cleaned(cell);
  if (text === "") return { kind: "blank" };
  if (SHEET_ERRORS.includes(text.toUpperCase())) return problem(SAYS.sheetError(text.toUpperCase()));
  const control = CONTROL_CHARACTER.exec(text);
  if (control !== null) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return problem(SAYS.controlCharacter(`U+${code}`));
  }
  return text;
}

function freeText(cell: CellValue, maxLength = 255): Verdict {
  const common = commonVerdict(cell);
  if (isVerdict(common)) return common;
  if (common instanceof Date) return problem(SAYS.turnedIntoDate);
  const text = String(common);
  return characterCount(text) > maxLength ? problem(SAYS.tooLong) : value(text);
}

function referenceId(cell: CellValue): Verdict {
  if (typeof cell === "number" && !(Number.isSafeInteger(cell) && cell >= 0)) {
    return problem(SAYS.numberId(String(cell)));
  }
  return freeText(cell);
}

// ---- Date of birth -----------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const SERIAL_DAY_ZERO = Date.UTC(1899, 11, 30);
const OLDEST = `${Number(CORPUS_TODAY.slice(0, 4)) - 130}${CORPUS_TODAY.slice(4)}`;

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function inRange(iso: string): Verdict {
  if (iso > CORPUS_TODAY) return problem(SAYS.inTheFuture(iso));
  if (iso < OLDEST) return problem(SAYS.tooOld);
  return value(iso);
}

function dateOfBirth(cell: CellValue): Verdict {
  const common = commonVerdict(cell);
  if (isVerdict(common)) return common;
  if (common instanceof Date) {
    const shown = new Intl.DateTimeFormat("en-CA", { timeZone: CORPUS_TIME_ZONE }).format(common);
    return inRange(shown);
  }
  if (typeof common === "number") {
    const date = new Date(SERIAL_DAY_ZERO + Math.floor(common) * DAY_MS);
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() > 9999) {
      return problem(SAYS.numberNotADate(String(common)));
    }
    const verdict = inRange(date.toISOString().slice(0, 10));
    return verdict.kind === "value" ? { ...verdict, repaired: true } : verdict;
  }
  const yearFirst = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/.exec(common);
  const monthFirst = /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/.exec(common);
  const parts = yearFirst
    ? [yearFirst[1], yearFirst[3], yearFirst[4]]
    : monthFirst
      ? [monthFirst[4], monthFirst[1], monthFirst[3]]
      : null;
  if (parts !== null) {
    const iso = isoOf(Number(parts[0]), Number(parts[1]), Number(parts[2]));
    if (iso !== null) return inRange(iso);
    const turnedRound =
      monthFirst && Number(monthFirst[1]) > 12 ? isoOf(Number(parts[0]), Number(parts[2]), Number(parts[1])) : null;
    return turnedRound !== null && inRange(turnedRound).kind === "value"
      ? problem(SAYS.dayFirst)
      : problem(SAYS.notARealDate);
  }
  if (/^\d{1,2}([-/])\d{1,2}\1\d{2}$/.test(common)) return problem(SAYS.twoDigitYear);
  return problem(SAYS.notADate);
}

// ---- Email, phone, plan, state, ZIP -------------------------------------------------------------

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

function email(cell: CellValue): Verdict {
  const verdict = freeText(cell, Infinity);
  if (verdict.kind !== "value") return verdict;
  return EMAIL.test(verdict.value) ? value(verdict.value.toLowerCase()) : problem(SAYS.notAnEmail);
}

function phone(cell: CellValue): Verdict {
  const verdict = freeText(cell, Infinity);
  if (verdict.kind !== "value") return verdict;
  if (/\d[\s.,;]*(ext(ension)?\.?|x|#)\s*\d+$/i.test(verdict.value)) return problem(SAYS.extension);
  const digits = verdict.value.replace(/[\s().+/\-\u2010-\u2015\u2212]/g, "");
  if (/^\d{7}$/.test(digits)) return problem(SAYS.noAreaCode);
  const national = /^1(\d{10})$/.exec(digits)?.[1] ?? digits;
  return /^[2-9]\d{9}$/.test(national) ? value(national) : problem(SAYS.notAPhone);
}

function plan(cell: CellValue): Verdict {
  const verdict = freeText(cell, Infinity);
  if (verdict.kind !== "value") return verdict;
  const key = verdict.value.toLowerCase();
  const found =
    CORPUS_PLANS.find((candidate) => candidate.id.toLowerCase() === key) ??
    CORPUS_PLANS.find((candidate) => candidate.name.toLowerCase() === key);
  return found ? value(found.id) : problem(SAYS.unknownPlan);
}

function state(cell: CellValue): Verdict {
  const verdict = freeText(cell, Infinity);
  if (verdict.kind !== "value") return verdict;
  const letters = (text: string) => text.toLowerCase().replace(/[^a-z]/g, "");
  const key = letters(verdict.value);
  for (const [code, names] of Object.entries(US_STATES)) {
    if (letters(code) === key) return value(code);
    if (names.some((name) => letters(name) === key)) return value(code, true);
  }
  return problem(SAYS.notAState);
}

function zipCode(cell: CellValue): Verdict {
  if (typeof cell === "number" && Number.isSafeInteger(cell) && cell > 0) {
    const digits = String(cell);
    const width = digits.length <= 5 && digits.length >= 3 ? 5 : digits.length >= 7 && digits.length <= 9 ? 9 : 0;
    if (width === 0) return problem(SAYS.notAZip);
    const padded = digits.padStart(width, "0");
    const zip = width === 9 ? `${padded.slice(0, 5)}-${padded.slice(5)}` : padded;
    return value(zip, padded !== digits);
  }
  const verdict = freeText(cell, Infinity);
  if (verdict.kind !== "value") return verdict;
  const plus4 = /^(\d{5})[-\s]?(\d{4})$/.exec(verdict.value);
  if (plus4) return value(`${plus4[1]}-${plus4[2]}`);
  return /^\d{5}$/.test(verdict.value) ? value(verdict.value) : problem(SAYS.notAZip);
}

const RULES: Record<MemberColumn, (cell: CellValue) => Verdict> = {
  "Employee ID": referenceId,
  "First Name": (cell) => freeText(cell),
  "Last Name": (cell) => freeText(cell),
  DOB: dateOfBirth,
  Email: email,
  Phone: phone,
  Plan: plan,
  Address: (cell) => freeText(cell),
  Apt: (cell) => freeText(cell),
  City: (cell) => freeText(cell),
  State: state,
  ZIP: zipCode,
};

/** What a member column makes of a cell. */
export function verdictOf(column: MemberColumn, cell: CellValue): Verdict {
  return RULES[column](cell);
}

/** The words of an include column that leave a row out on purpose (product.md §3). */
export function leavesRowOut(cell: CellValue): boolean {
  if (cell === false || cell === 0) return true;
  return (
    typeof cell === "string" &&
    ["false", "no", "n", "0", "exclude", "excluded", "terminated"].includes(cleaned(cell).toLowerCase())
  );
}

/** What an include cell that neither leaves the row out nor keeps it in says after the column's header. */
export function includeProblem(cell: CellValue): RegExp {
  if (typeof cell === "object") return SAYS.turnedIntoDate;
  const text = typeof cell === "string" ? cleaned(cell).toUpperCase() : "";
  return SHEET_ERRORS.includes(text) ? SAYS.sheetError(text) : SAYS.unknownInclude;
}

/** The words of an include column that keep a row in; blank keeps it in too. */
export function keepsRowIn(cell: CellValue): boolean {
  if (cell === true || cell === 1 || cell === "") return true;
  return (
    typeof cell === "string" &&
    ["", "true", "yes", "y", "1", "include", "included", "active"].includes(cleaned(cell).toLowerCase())
  );
}
