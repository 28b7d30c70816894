import { numberId } from "../../../messages/roster";
import type { FilledCell } from "../cells";
import { type FieldReading, readText } from "./reading";

/**
 * A reference ID. A whole number Sheets stored as a number is sent as its digits ("1001", never
 * "1001.0"). A fractional, negative or too-long number (beyond 2^53, where digits are lost) is
 * refused: what was typed cannot be recovered from it, and guessing would make a new person.
 */
export function readReferenceId(cell: FilledCell): FieldReading {
  if (typeof cell !== "number") return readText(cell);
  if (Number.isSafeInteger(cell) && cell >= 0) return { ok: true, value: String(cell) };
  return { ok: false, problem: numberId(String(cell)) };
}
