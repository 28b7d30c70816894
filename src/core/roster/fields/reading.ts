import {
  checkboxValue,
  controlCharacter,
  directionControl,
  sheetError,
  TURNED_INTO_DATE,
} from "../../../messages/roster";
import { cleanText, sheetErrorIn, type FilledCell } from "../cells";
import type { CellValue } from "../model";

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

// Control characters other than whitespace (which cleaning has made spaces): invisible in the
// cell, yet sent to Vitable, where an ID with one in it is another person's ID. Unicode's Cc
// category is exactly U+0000–U+001F and U+007F–U+009F.
const CONTROL_CHARACTER = /\p{Cc}/u;
// Direction embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder how the
// text after them is shown: a name carrying one can read as another in a confirmation's list of
// people to remove. The plain marks (U+200E, U+200F) that Hebrew and Arabic names carry are kept.
const DIRECTION_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/**
 * Free text (names, address lines, city): numbers read as typed; dates, checkbox values and
 * control characters refused.
 */
export function readText(cell: FilledCell): FieldReading {
  if (typeof cell === "string") {
    const control = CONTROL_CHARACTER.exec(cell);
    if (control !== null) return { ok: false, problem: controlCharacterProblem(control[0]) };
    const direction = DIRECTION_CONTROL.exec(cell);
    return direction === null
      ? { ok: true, value: cell }
      : { ok: false, problem: directionControl(codePointOf(direction[0])) };
  }
  if (typeof cell === "number") return { ok: true, value: String(cell) };
  if (typeof cell === "boolean") return { ok: false, problem: checkboxValue(cell ? "TRUE" : "FALSE") };
  return { ok: false, problem: TURNED_INTO_DATE };
}

function controlCharacterProblem(character: string): string {
  return controlCharacter(codePointOf(character));
}

/** "U+202E". */
function codePointOf(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/**
 * A cell as getValues() gave it, read by its field's reader the way every roster cell is: text
 * cleaned first, null for a blank cell, a spreadsheet error (`#REF!`) refused. Write-back reads
 * reference IDs with it too, so a row is matched by the very ID that was sent.
 */
export function readCell(raw: CellValue | undefined, read: FieldReader): FieldReading | null {
  const cell = typeof raw === "string" ? cleanText(raw) : raw;
  if (cell === undefined || cell === "") return null;
  const errorShown = typeof cell === "string" ? sheetErrorIn(cell) : null;
  if (errorShown !== null) return { ok: false, problem: sheetError(errorShown) };
  return read(cell);
}
