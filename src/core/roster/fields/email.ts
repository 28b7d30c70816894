import type { FilledCell } from "../cells";
import { type FieldReading, readText } from "./reading";

/** An email address, lower-cased; whether it is a valid address is memberSchema's call. */
export function readEmail(cell: FilledCell): FieldReading {
  const reading = readText(cell);
  return reading.ok ? { ok: true, value: reading.value.toLowerCase() } : reading;
}
