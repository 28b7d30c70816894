import type { Plan } from "../../vitable/apiSchemas";
import type { Member, MemberField } from "../../vitable/memberSchema";
import type { SheetStatus } from "../sync/sheetStatus";
import type { ColumnMapping, ColumnTarget } from "./columnMapping";

/** A cell as `Range.getValues()` returns it: `''` for an empty cell. */
export type CellValue = string | number | boolean | Date;

/** Where each roster column sits in the tab (0-based column indexes into a row of values). */
export interface ColumnMap {
  /** Column index of every recognised column: the member fields and those deciding whether a row is sent. */
  fields: Partial<Record<ColumnTarget, number>>;
  /** Header text as the user wrote it, per recognised column, for messages ("Emp ID is empty."). */
  labels: Partial<Record<ColumnTarget, string>>;
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

/** A column the user chose whose header is no longer in the header row. */
export interface VanishedColumn {
  target: ColumnTarget;
  label: string;
  header: string;
}

/** A column more than one header could be: the user must say which. */
export interface AmbiguousColumn {
  target: ColumnTarget;
  label: string;
  headers: string[];
}

export type HeaderProblem =
  | { kind: "noHeaderRow"; message: string }
  | {
      kind: "needsMapping";
      missing: MissingColumn[];
      ambiguous: AmbiguousColumn[];
      vanished: VanishedColumn[];
      message: string;
    };

/** One problem with one cell; `message` is a whole sentence that names the column. */
export interface FieldError {
  field: ColumnTarget;
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
  /** The row's normalised reference ID when it could be read and is one Vitable accepts, also on invalid and excluded rows. */
  referenceId: string | null;
  /** "First Last" as far as it could be read, for naming the person in previews and confirmations. */
  name: string;
  /** The exact payload member for a Ready row; null otherwise. */
  member: Member | null;
  /** For an Invalid row: every field that could be read, as it would be sent ("address.zipcode"). */
  readable?: Partial<Record<MemberField, string>>;
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
  /** The columns the user chose, when they mapped the tab. */
  mapping?: ColumnMapping | null;
}
