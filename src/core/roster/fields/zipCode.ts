import { zipReadAs } from "../../../messages/roster";
import type { FilledCell } from "../cells";
import { type FieldReading, readText } from "./reading";

const ZIP_PLUS_4 = /^(\d{5})[-\s]?(\d{4})$/;

/**
 * A ZIP code as `NNNNN` or `NNNNN-NNNN`. A number cell is a ZIP whose leading zeros Sheets
 * dropped when it was typed: 3 to 5 digits are padded to a 5-digit ZIP (2134 → 02134,
 * 501 → 00501, the lowest ZIP in use), 7 to 9 digits to a ZIP+4; restoring zeros is a repair.
 * Text is taken as typed (a text cell keeps its zeros). Anything else is left for memberSchema
 * to refuse.
 */
export function readZipCode(cell: FilledCell): FieldReading {
  const reading = readText(cell);
  if (!reading.ok) return reading;
  if (typeof cell === "number" && Number.isSafeInteger(cell) && cell > 0) {
    return restoredZip(reading.value);
  }
  return { ok: true, value: formattedZip(reading.value) };
}

function formattedZip(text: string): string {
  const plus4 = ZIP_PLUS_4.exec(text);
  return plus4 ? `${plus4[1]}-${plus4[2]}` : text;
}

function restoredZip(digits: string): FieldReading {
  const width = digits.length >= 3 && digits.length <= 5 ? 5 : digits.length >= 7 && digits.length <= 9 ? 9 : 0;
  if (width === 0 || digits.length === width) return { ok: true, value: formattedZip(digits) };
  const zip = formattedZip(digits.padStart(width, "0"));
  return {
    ok: true,
    value: zip,
    repair: { from: digits, predicate: zipReadAs(digits, zip) },
  };
}
