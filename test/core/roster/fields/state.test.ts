import fc from "fast-check";
import { readState } from "../../../../src/core/roster/fields/state";
import { US_STATE_CODES, US_STATES } from "../../../../src/vitable/usStates";

describe("readState", () => {
  it.each([
    ["CA", "CA"],
    ["ca", "CA"],
    [" Ny ", "NY"],
    ["N.Y.", "NY"],
    ["dc", "DC"],
    ["pr", "PR"],
    ["AE", "AE"],
  ])("reads the code %j as %j, without a repair", (cell, value) => {
    expect(readState(cell.trim())).toEqual({ ok: true, value });
  });

  it.each([
    ["California", "CA"],
    ["new york", "NY"],
    ["NEW YORK", "NY"],
    ["Washington", "WA"],
    ["Washington D.C.", "DC"],
    ["District of Columbia", "DC"],
    ["U.S. Virgin Islands", "VI"],
    ["Puerto Rico", "PR"],
    ["Armed Forces Europe", "AE"],
  ])("reads the name %j as %j and reports the repair", (cell, value) => {
    expect(readState(cell)).toEqual({
      ok: true,
      value,
      repair: { from: cell, predicate: `"${cell}" was read as ${value}` },
    });
  });

  it.each(["Calif", "XX", "Ontario", "C A"])("leaves %j as typed for memberSchema to refuse", (cell) => {
    const reading = readState(cell);
    expect(reading).toEqual(cell === "C A" ? { ok: true, value: "CA" } : { ok: true, value: cell });
  });

  it("reads every code and every name as a code that reads as itself", () => {
    const written = fc.constantFrom(
      ...US_STATE_CODES.flatMap((code) => [code, code.toLowerCase(), ...US_STATES[code]]),
    );
    fc.assert(
      fc.property(written, (cell) => {
        const reading = readState(cell);
        if (!reading.ok) throw new Error(`${cell} not read`);
        expect(US_STATE_CODES).toContain(reading.value);
        expect(readState(reading.value)).toEqual({ ok: true, value: reading.value });
      }),
    );
  });
});
