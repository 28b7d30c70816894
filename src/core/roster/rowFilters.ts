import { sheetError, TURNED_INTO_DATE } from "../../messages/roster";
import { cleanText, sheetErrorIn } from "./cells";
import type { StatusDecision } from "./columnMapping";
import { createCalendarDateReader, isoDate } from "./fields/calendarDate";
import type { CellValue } from "./model";

/**
 * What one column that decides whether a row is sent (Include, Employment Status, Termination
 * Date) says about a row: send it, leave it out, or a value the add-on will not guess about.
 * `says` is the value as the user sees it, for the row's message.
 */
export type RowVerdict =
  | { kind: "in"; says: string | null }
  | { kind: "out"; says: string }
  | { kind: "unknown"; says: string }
  | { kind: "unreadable"; problem: string };

const IN: RowVerdict = { kind: "in", says: null };

/** Lower-case words, so "Leave of Absence", "leave-of-absence" and "LEAVE OF ABSENCE" are one value. */
export function statusValueKey(text: string): string {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== "")
    .join(" ");
}

const INCLUDE_IN: ReadonlySet<string> = new Set(["true", "yes", "y", "1", "include", "included", "active"]);
const INCLUDE_OUT: ReadonlySet<string> = new Set(["false", "no", "n", "0", "exclude", "excluded", "terminated"]);

/**
 * The include column (Include / Active / Sync): a checkbox, Yes/No, Y/N, 1/0, TRUE/FALSE,
 * Include(d)/Exclude(d), Active or Terminated; blank keeps the row in. Anything else
 * ("Inactive", "maybe") is refused rather than guessed, since guessing either way could end or
 * start someone's coverage.
 */
export function readInclude(cell: CellValue | undefined): RowVerdict {
  if (cell === true || cell === 1) return { kind: "in", says: String(cell).toUpperCase() };
  if (cell === false) return { kind: "out", says: "FALSE" };
  if (cell === 0) return { kind: "out", says: "0" };
  const text = filterText(cell);
  if (typeof text !== "string") return text;
  const key = statusValueKey(text);
  if (INCLUDE_IN.has(key)) return { kind: "in", says: text };
  if (INCLUDE_OUT.has(key)) return { kind: "out", says: text };
  return { kind: "unknown", says: text };
}

/** A cell's text as the user sees it; the verdict itself for a blank, an error or a date. */
function filterText(cell: CellValue | undefined): string | RowVerdict {
  if (cell === undefined) return IN;
  if (typeof cell === "object") return { kind: "unreadable", problem: TURNED_INTO_DATE };
  const text = typeof cell === "string" ? cleanText(cell) : String(cell);
  if (text === "") return IN;
  const shownError = sheetErrorIn(text);
  return shownError === null ? text : { kind: "unreadable", problem: sheetError(shownError) };
}

/** First words of employment statuses that end coverage, and of those that keep it. */
const LEAVER_WORDS: ReadonlySet<string> = new Set(["terminated", "inactive", "separated", "deceased"]);
// BambooHR's Employment Status says Full-Time or Part-Time for people at work; other kinds
// (Contractor, Seasonal, Intern) may not be eligible, so the user decides.
const STAYING: readonly string[] = [
  "active",
  "leave",
  "on leave",
  "loa",
  "paid leave",
  "unpaid leave",
  "full time",
  "part time",
];

/**
 * An employment status: Terminated, Inactive, Separated or Deceased (with anything after, such
 * as "Terminated - Voluntary") leave the row out; Active, leave of absence, Full-Time and
 * Part-Time keep it in; blank keeps it in. Other values mean what the user mapped them to, else they are refused.
 */
export function readEmploymentStatus(
  cell: CellValue | undefined,
  decisions: Readonly<Record<string, StatusDecision>>,
): RowVerdict {
  if (cell === false) return IN;
  const text = filterText(cell);
  if (typeof text !== "string") return text;
  const key = statusValueKey(text);
  const decided = decisions[key];
  if (decided !== undefined) return decided === "include" ? { kind: "in", says: text } : { kind: "out", says: text };
  return knownStatus(key) === "exclude"
    ? { kind: "out", says: text }
    : knownStatus(key) === "include"
      ? { kind: "in", says: text }
      : { kind: "unknown", says: text };
}

/** What the add-on itself knows a status value to mean, or null. */
export function knownStatus(key: string): StatusDecision | null {
  const firstWord = key.split(" ")[0] ?? "";
  if (LEAVER_WORDS.has(firstWord)) return "exclude";
  if (STAYING.some((staying) => key === staying || key.startsWith(`${staying} `))) return "include";
  return null;
}

/**
 * A termination date on or before `today` (YYYY-MM-DD, the spreadsheet's today) leaves the row
 * out; a later one keeps it in until then; blank keeps it in; an unreadable one is refused.
 */
export function createTerminationDateReader(
  timeZone: string,
  today: string,
): (cell: CellValue | undefined) => RowVerdict {
  const readDate = createCalendarDateReader(timeZone);
  return (raw) => {
    const cell = typeof raw === "string" ? cleanText(raw) : raw;
    if (cell === undefined || cell === "" || cell === false) return IN;
    const shownError = typeof cell === "string" ? sheetErrorIn(cell) : null;
    if (shownError !== null) return { kind: "unreadable", problem: sheetError(shownError) };
    const reading = readDate(cell);
    if (!reading.ok) return { kind: "unreadable", problem: reading.problem };
    const date = isoDate(reading.date);
    return date <= today ? { kind: "out", says: date } : IN;
  };
}
