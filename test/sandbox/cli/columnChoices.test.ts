import type { ColumnChoices } from "../../../sandbox/cli/arguments";
import { applyColumnChoices, ChoicesRefused } from "../../../sandbox/cli/columnChoices";
import type { ColumnMappingView, MappedColumnView } from "../../../src/shared/bridge";
import { ok, scriptedSandbox } from "./support/scriptedAddon";

function column(overrides: Partial<MappedColumnView> & Pick<MappedColumnView, "target">): MappedColumnView {
  return { label: "", required: false, header: null, chosen: false, problem: null, guess: null, ...overrides };
}

/** A tab with choices saved earlier: a header for ZIP, "none" for Email, and one for Plan that is gone. */
const SAVED: ColumnMappingView = {
  sheetId: 0,
  tabName: "Roster",
  headerRow: 1,
  headers: [],
  columns: [
    column({ target: "plan_id", required: true, chosen: true, problem: "vanished" }),
    column({ target: "address.zipcode", required: true, header: "Postal Cd", chosen: true }),
    column({ target: "reference_id", required: true, header: "Employee ID" }),
    column({ target: "email", chosen: true }),
    column({ target: "phone" }),
  ],
  statusValues: [
    { value: "Seasonal", rows: 2, known: null, chosen: "exclude" },
    { value: "Active", rows: 5, known: "include", chosen: null },
  ],
  saved: true,
  problem: null,
};

const choices = (overrides: Partial<ColumnChoices>): ColumnChoices => ({
  clear: false,
  columns: {},
  statusValues: {},
  ...overrides,
});

describe("applyColumnChoices", () => {
  it("leaves the add-on alone without choices", () => {
    const { sandbox, calls } = scriptedSandbox({});
    applyColumnChoices(sandbox.addon, 0, choices({}));
    expect(calls).toEqual([]);
  });

  it("saves the choices made earlier with the new ones over them, as the Map columns step does", () => {
    const { sandbox, calls } = scriptedSandbox({
      getColumnMapping: () => ok(SAVED),
      saveColumnMapping: () => ok(SAVED),
    });
    applyColumnChoices(
      sandbox.addon,
      0,
      choices({ columns: { phone: "Cell", email: "Work Email" }, statusValues: { Temp: "exclude" } }),
    );
    expect(calls).toEqual([
      { name: "getColumnMapping", request: { sheetId: 0 } },
      {
        name: "saveColumnMapping",
        request: {
          sheetId: 0,
          // Plan's chosen header is gone, so it is not chosen again.
          columns: { "address.zipcode": "Postal Cd", email: "Work Email", phone: "Cell" },
          statusValues: { Seasonal: "exclude", Temp: "exclude" },
        },
      },
    ]);
  });

  it("keeps a column chosen to be none", () => {
    const { sandbox, calls } = scriptedSandbox({
      getColumnMapping: () => ok(SAVED),
      saveColumnMapping: () => ok(SAVED),
    });
    applyColumnChoices(sandbox.addon, 0, choices({ statusValues: { Seasonal: "include" } }));
    expect(calls[1]?.request).toEqual({
      sheetId: 0,
      columns: { "address.zipcode": "Postal Cd", email: null },
      statusValues: { Seasonal: "include" },
    });
  });

  it("with --clear-map forgets the earlier choices, then saves only the new ones", () => {
    const cleared = { ...SAVED, columns: [], statusValues: [], saved: false };
    const { sandbox, calls } = scriptedSandbox({
      clearColumnMapping: () => ok(cleared),
      saveColumnMapping: () => ok(cleared),
    });
    applyColumnChoices(sandbox.addon, 0, choices({ clear: true, columns: { phone: "Cell" } }));
    expect(calls).toEqual([
      { name: "clearColumnMapping", request: { sheetId: 0 } },
      { name: "saveColumnMapping", request: { sheetId: 0, columns: { phone: "Cell" }, statusValues: {} } },
    ]);
  });

  it("only clears for --clear-map alone", () => {
    const { sandbox, calls } = scriptedSandbox({ clearColumnMapping: () => ok(SAVED) });
    applyColumnChoices(sandbox.addon, 0, choices({ clear: true }));
    expect(calls.map((call) => call.name)).toEqual(["clearColumnMapping"]);
  });

  it("reports the add-on's refusal with its sentence", () => {
    const { sandbox } = scriptedSandbox({
      getColumnMapping: () => ok(SAVED),
      saveColumnMapping: () => ({ ok: false, message: 'There is no column "Postal" in row 1 of this tab.' }),
    });
    const apply = () => applyColumnChoices(sandbox.addon, 0, choices({ columns: { "address.zipcode": "Postal" } }));
    expect(apply).toThrow(ChoicesRefused);
    expect(apply).toThrow('The add-on refused the column choices: There is no column "Postal" in row 1 of this tab.');
  });
});
