import type { MemberField } from "../../src/vitable/memberSchema";

/**
 * The corpus: rows of a roster tab as people and HR systems really fill them, each with the
 * outcome product.md §3–§4 documents for it. The same rows are read by the pure core
 * (readRoster.test.ts) and typed into one tab of the built add-on (addon.test.ts).
 */

/** The corpus tab's columns, left to right. Notes is a column of the user's own. */
export const CORPUS_COLUMNS = [
  "Employee ID",
  "First Name",
  "Last Name",
  "DOB",
  "Email",
  "Phone",
  "Plan",
  "Address",
  "Apt",
  "City",
  "State",
  "ZIP",
  "Include",
  "Notes",
] as const;

export type CorpusColumn = (typeof CORPUS_COLUMNS)[number];
export type MemberColumn = Exclude<CorpusColumn, "Include" | "Notes">;

export const FIELD_OF: Record<MemberColumn, MemberField> = {
  "Employee ID": "reference_id",
  "First Name": "first_name",
  "Last Name": "last_name",
  DOB: "date_of_birth",
  Email: "email",
  Phone: "phone",
  Plan: "plan_id",
  Address: "address.address_line_1",
  Apt: "address.address_line_2",
  City: "address.city",
  State: "address.state",
  ZIP: "address.zipcode",
};

export const MEMBER_COLUMNS = Object.keys(FIELD_OF) as MemberColumn[];

/**
 * Header rows the corpus is read under. `formulaLike` starts every member column's header with
 * `= + - @`, still recognised (punctuation is ignored in headers): every message about a cell
 * starts with its column's header, so each Invalid row's message opens like a formula and must
 * be written as text.
 */
export const HEADER_LABELS: Record<"plain" | "formulaLike", Record<CorpusColumn, string>> = {
  plain: Object.fromEntries(CORPUS_COLUMNS.map((column) => [column, column])) as Record<CorpusColumn, string>,
  formulaLike: {
    "Employee ID": "=Employee ID",
    "First Name": "+First Name",
    "Last Name": "-Last Name",
    DOB: "=DOB",
    Email: "@Email",
    Phone: "=Phone",
    Plan: "+Plan",
    Address: "-Address",
    Apt: "@Apt",
    City: "=City",
    State: "+State",
    ZIP: "-ZIP",
    Include: "Include",
    Notes: "Notes",
  },
};

export type HeaderStyle = keyof typeof HEADER_LABELS;

/** Spreadsheet errors a formula can show; getValues() gives them as their text. */
export type SheetErrorCode = "#N/A" | "#REF!" | "#VALUE!" | "#DIV/0!" | "#NAME?" | "#NUM!" | "#NULL!" | "#ERROR!";

/**
 * One cell of the corpus:
 * - a string: typed into Sheets as a person types it (en_US), so `1001` becomes a number,
 *   `5/15/1990` a date, `TRUE` a boolean and `=…` a formula;
 * - the objects: what typing cannot make, set as a script's `setValues` would (a number, a
 *   checkbox value, a date, text in a plain-text cell, an error a formula shows), or the empty
 *   cells a merged range covers.
 */
export type CorpusCell =
  | string
  | { number: number }
  | { boolean: boolean }
  | { date: string; hour?: number }
  | { text: string }
  | { error: SheetErrorCode }
  | { merged: true };

/** What the member sent for a Ready row differs in from the row's base person; null leaves an optional field out. */
export interface MemberExpectation {
  reference_id?: string;
  first_name?: string;
  last_name?: string;
  date_of_birth?: string;
  email?: string | null;
  phone?: string;
  plan_id?: string;
  address_line_1?: string;
  address_line_2?: string | null;
  city?: string;
  state?: string;
  zipcode?: string;
}

/**
 * The documented outcome of a row. Invalid lists every problem, in column order, each with a
 * pattern of its sentence after the column's header; Blank rows are skipped and get no status.
 */
export type Expected =
  | { status: "Ready"; member?: MemberExpectation; repaired?: MemberColumn[] }
  | { status: "Invalid"; problems: ReadonlyArray<readonly [MemberColumn | "Include", RegExp]>; duplicate?: true }
  | { status: "Excluded" }
  | { status: "Blank" };

export interface CorpusRow {
  /** Why the row is in the corpus, in one line. */
  why: string;
  /** The cells that differ from the row's base person (a valid member of its own). */
  cells: Partial<Record<CorpusColumn, CorpusCell>>;
  expected: Expected;
  /**
   * Rows that only mean something together (the rows of one duplicated ID, the rows a merged
   * cell spans) share a group; they are read together, in corpus order.
   */
  group?: string;
  /**
   * A row hidden by hand or by a filter. getValues() returns hidden rows like any other, and a
   * filter must never drop people from a sync (product.md §2), so hidden rows are read as usual.
   */
  hidden?: true;
  /** Where product.md is silent: what the add-on does, and why that is the safe choice. */
  decision?: string;
}

/** Every column blank: a row the add-on skips. */
export function blankCells(fill: CorpusCell = ""): Record<CorpusColumn, CorpusCell> {
  return Object.fromEntries(CORPUS_COLUMNS.map((column) => [column, fill])) as Record<CorpusColumn, CorpusCell>;
}
