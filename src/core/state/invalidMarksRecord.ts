import { fingerprintText } from "../sync/fingerprint";
import type { Records } from "./records";

/**
 * Which invalid cells a tab's marks were last made for: rebuilding the add-on's conditional
 * format takes several Sheets calls, and most syncs and validations mark the same cells again.
 */
const MARKS_PREFIX = "marks:";

/** A short text that differs whenever the marked cells (1-based) or the status column do. */
export function marksSignature(cells: readonly { row: number; column: number }[], statusColumn: number): string {
  return fingerprintText(`${statusColumn};${cells.map(({ row, column }) => `${row},${column}`).join(";")}`);
}

export function lastMarksOf(records: Records, sheetId: number): string | null {
  return records.get(MARKS_PREFIX + sheetId);
}

export function saveLastMarks(records: Records, sheetId: number, signature: string): void {
  if (lastMarksOf(records, sheetId) !== signature) records.set(MARKS_PREFIX + sheetId, signature);
}
