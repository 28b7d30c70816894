import { phoneExtension, phoneWithoutAreaCode } from "../../../messages/roster";
import { shortened } from "../../text/wording";
import type { FilledCell } from "../cells";
import { type FieldReading, readText } from "./reading";

// An extension after the number: "415-555-0100 x12", "ext. 12", "#12".
const EXTENSION = /\d[\s.,;]*(?:ext(?:ension)?\.?|x|#)\s*\d+$/i;
// Spaces, brackets, dots, slashes, plus signs and every kind of dash.
const PUNCTUATION = /[\s().+/\-\u2010-\u2015\u2212]/g;
const WITH_US_COUNTRY_CODE = /^1(\d{10})$/;
// A local number as dialled within its area ("555-0134"): only the area code is missing.
const LOCAL_NUMBER = /^\d{7}$/;

/**
 * A phone number without its punctuation and without a leading US country code (`+1`, `1`).
 * Seven digits are refused with the area code to add. Whether ten digits with a valid area code
 * remain is memberSchema's call, so letters are kept for it to refuse.
 */
export function readPhone(cell: FilledCell): FieldReading {
  const reading = readText(cell);
  if (!reading.ok) return reading;
  if (EXTENSION.test(reading.value)) {
    return { ok: false, problem: phoneExtension(shortened(reading.value)) };
  }
  const compact = reading.value.replace(PUNCTUATION, "");
  if (LOCAL_NUMBER.test(compact)) {
    return { ok: false, problem: phoneWithoutAreaCode(shortened(reading.value), compact) };
  }
  const national = WITH_US_COUNTRY_CODE.exec(compact);
  return { ok: true, value: national ? (national[1] as string) : compact };
}
