import { stateReadAs } from "../../../messages/roster";
import { US_STATES, type UsStateCode } from "../../../vitable/usStates";
import { shortened } from "../../text/wording";
import type { FilledCell } from "../cells";
import { type FieldReading, readText } from "./reading";

const NOT_A_LETTER = /[^a-z]/g;

function stateKey(text: string): string {
  return text.toLowerCase().replace(NOT_A_LETTER, "");
}

/** Codes ("ca", "N.Y.") and names ("new york", "Washington D.C.") by their letters only. */
const STATES_BY_KEY: ReadonlyMap<string, { code: UsStateCode; isName: boolean }> = (() => {
  const states = new Map<string, { code: UsStateCode; isName: boolean }>();
  for (const code of Object.keys(US_STATES) as UsStateCode[]) {
    states.set(stateKey(code), { code, isName: false });
    for (const name of US_STATES[code]) states.set(stateKey(name), { code, isName: true });
  }
  return states;
})();

/**
 * A USPS code in any case, or a state or territory name turned into its code (reported as a
 * repair). Anything else is left as typed for memberSchema to refuse.
 */
export function readState(cell: FilledCell): FieldReading {
  const reading = readText(cell);
  if (!reading.ok) return reading;
  const state = STATES_BY_KEY.get(stateKey(reading.value));
  if (state === undefined) return reading;
  if (!state.isName) return { ok: true, value: state.code };
  return {
    ok: true,
    value: state.code,
    repair: { from: reading.value, predicate: stateReadAs(shortened(reading.value), state.code) },
  };
}
