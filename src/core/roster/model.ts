import type { Plan } from "../../vitable/apiSchemas";
import type { Member, MemberField } from "../../vitable/memberSchema";
import type { SheetStatus } from "../sync/sheetStatus";

/** A cell as `Range.getValues()` returns it: `''` for an empty cell. */
export type CellValue = string | number | boolean | Date;

/** Where each roster column sits in the tab (0-based column indexes into a row of values). */
export interface ColumnMap {
  /** Payload field → column index, for every recognised member column. */
  fields: Partial<Record<MemberField, number>>;
  /** Header text as the user wrote it, per recognised field, for messages ("Emp ID is empty."). */
  labels: Partial<Record<MemberField, string>>;
  /** The optional include column (Include / Active / Sync), and its header as the user wrote it. */
  include: number | null;
  includeLabel: string | null;
  /** The add-on's own status columns, when present. */
  status: { status: number | null; message: number | null; syncedAt: number | null };
}

export interface MissingColumn {
  field: MemberField;
  /** The canonical header the add-on inserts, e.g. "Date of Birth". */
  label: string;
  /** The unrecognised header that looks most like it, if any ("Birth Dte"). */
  closest: string | null;
}

export type HeaderProblem =
  { kind: "noHeaderRow"; message: string } | { kind: "missingColumns"; missing: MissingColumn[]; message: string };

/** One problem with one cell; `message` is a whole sentence that names the column. */
export interface FieldError {
  field: MemberField;
  column: string;
  message: string;
  /** Set when the problem is a reference ID that other rows also carry. */
  duplicate?: true;
}

/** A change the add-on made to what the user typed, e.g. a ZIP code's lost leading zero. */
export interface Repair {
  field: MemberField;
  column: string;
  from: string;
  to: string;
  message: string;
}

/** The statuses reading a tab can give a row; syncing gives the others. */
export type RowStatus = Extract<SheetStatus, "Ready" | "Invalid" | "Excluded">;

export interface RowOutcome {
  /** 1-based sheet row number. */
  row: number;
  status: RowStatus;
  /** The row's normalised reference ID when it could be read, also on invalid and excluded rows. */
  referenceId: string | null;
  /** "First Last" as far as it could be read, for naming the person in previews and confirmations. */
  name: string;
  /** The exact payload member for a Ready row; null otherwise. */
  member: Member | null;
  errors: FieldError[];
  repairs: Repair[];
  /** What the Vitable Message column says for this row. */
  message: string;
}

export interface Roster {
  /** 1-based sheet row number of the header row. */
  headerRow: number;
  columns: ColumnMap;
  /** Every non-blank data row, in sheet order. */
  rows: RowOutcome[];
  /** How many fully blank rows below the header were skipped. */
  blankRows: number;
  /** The payload members (the Ready rows), in sheet order. */
  members: Member[];
}

export type ReadRosterResult = { ok: true; roster: Roster } | { ok: false; problem: HeaderProblem };

/** Everything reading a roster depends on besides the cells. */
export interface RosterContext {
  /** The organization's plans: a Plan cell may hold an ID or a name. */
  plans: readonly Plan[];
  /** The spreadsheet's IANA time zone; `Date` cells are read as calendar dates there. */
  timeZone: string;
  /** Today in the spreadsheet's time zone, `YYYY-MM-DD` (birth dates may not be later). */
  today: string;
  /** 1-based header row; 1 unless the tab says otherwise. */
  headerRow?: number;
}
