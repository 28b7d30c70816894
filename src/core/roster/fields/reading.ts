import type { FilledCell } from "../cells";

/** A change made to what the user typed; `predicate` follows the column name in a sentence. */
export interface RepairNote {
  from: string;
  predicate: string;
}

/**
 * What a field reader makes of a filled cell: the value to send (still to be checked against
 * memberSchema), or a problem as a predicate that follows the column name ("has an extension").
 */
export type FieldReading = { ok: true; value: string; repair?: RepairNote } | { ok: false; problem: string };

export type FieldReader = (cell: FilledCell) => FieldReading;

export const TURNED_INTO_DATE =
  "was turned into a date by Google Sheets; format the column as plain text (Format ▸ Number ▸ Plain text) and retype it";

/** Free text (names, address lines, city): numbers read as typed, dates and checkboxes refused. */
export function readText(cell: FilledCell): FieldReading {
  if (typeof cell === "string") return { ok: true, value: cell };
  if (typeof cell === "number") return { ok: true, value: String(cell) };
  if (typeof cell === "boolean") {
    return { ok: false, problem: `is a checkbox (${cell ? "TRUE" : "FALSE"}); remove the checkbox and type the value` };
  }
  return { ok: false, problem: TURNED_INTO_DATE };
}
