import { AddonError } from "../../../sandbox/cli/addon";
import { runValidate, validateOutput } from "../../../sandbox/cli/validate";
import type { ValidationView } from "../../../src/shared/bridge";
import { jane } from "../../support/exampleMember";
import { CONNECTED, ok, scriptedSandbox, sidebarState } from "./support/scriptedAddon";

const VIEW: ValidationView = {
  sheetId: 0,
  tabName: "Roster",
  headerProblem: null,
  headerDetail: null,
  columns: [
    { header: "Employee ID", target: "reference_id", chosen: false },
    { header: "Postal Cd", target: "address.zipcode", chosen: true },
  ],
  summary: { ready: 1, invalid: 1, excluded: 1, blank: 2, duplicates: 0 },
  problems: [{ row: 3, column: 6, columnLabel: "ZIP", message: "ZIP must have 5 digits." }],
  problemCount: 1,
  rows: [
    { row: 2, status: "Ready", message: "", errors: [], member: { ...jane }, readable: null },
    {
      row: 3,
      status: "Invalid",
      message: "ZIP: must have 5 digits.",
      errors: [{ field: "address.zipcode", column: "ZIP", message: "ZIP must have 5 digits." }],
      member: null,
      readable: { reference_id: "1002", "address.zipcode": "0213" },
    },
    { row: 5, status: "Excluded", message: "Excluded", errors: [], member: null, readable: null },
  ],
};

describe("validateOutput", () => {
  it("shows the columns read, the summary without duplicates, each row's errors by payload field and what an invalid row could send", () => {
    expect(validateOutput(VIEW)).toEqual({
      blocked: null,
      columns: { "Employee ID": "reference_id", "Postal Cd": "address.zipcode (chosen)" },
      summary: { ready: 1, invalid: 1, excluded: 1, blank: 2 },
      rows: [
        { row: 2, status: "Ready", message: "", errors: [], member: jane, readable: null },
        {
          row: 3,
          status: "Invalid",
          message: "ZIP: must have 5 digits.",
          errors: [{ field: "address.zipcode", message: "ZIP must have 5 digits." }],
          member: null,
          readable: { reference_id: "1002", "address.zipcode": "0213" },
        },
        { row: 5, status: "Excluded", message: "Excluded", errors: [], member: null, readable: null },
      ],
    });
  });

  it("says why a tab that cannot be read as a roster is blocked, column by column, and shows no rows", () => {
    const view: ValidationView = {
      ...VIEW,
      headerProblem: 'Row 1 has no ZIP column (is it "Zip Cd"?).',
      headerDetail: {
        missing: [{ target: "address.zipcode", label: "ZIP", closest: "Zip Cd" }],
        ambiguous: [{ target: "phone", label: "Phone", headers: ["Phone", "Mobile"] }],
        vanished: [{ target: "plan_id", label: "Plan", header: "Tier" }],
      },
      columns: [],
      summary: { ready: 0, invalid: 0, excluded: 0, blank: 0, duplicates: 0 },
      rows: [],
    };
    expect(validateOutput(view)).toEqual({
      blocked: {
        reason: view.headerProblem,
        missing: [{ column: "ZIP", field: "address.zipcode", closest: "Zip Cd" }],
        ambiguous: [{ column: "Phone", field: "phone", headers: ["Phone", "Mobile"] }],
        vanished: [{ column: "Plan", field: "plan_id", header: "Tier" }],
      },
      columns: {},
      summary: { ready: 0, invalid: 0, excluded: 0, blank: 0 },
      rows: [],
    });
  });

  it("is blocked with the reason alone when the tab has no header row", () => {
    const view = { ...VIEW, headerProblem: "Add a header row.", headerDetail: null, columns: [], rows: null };
    expect(validateOutput(view)).toMatchObject({
      blocked: { reason: "Add a header row.", missing: [], ambiguous: [], vanished: [] },
      rows: [],
    });
  });

  it("refuses an answer without the rows it asked for", () => {
    expect(() => validateOutput({ ...VIEW, rows: null })).toThrow(AddonError);
  });
});

describe("runValidate", () => {
  it("connects first, then validates the Roster tab asking for every row", () => {
    const { sandbox, calls } = scriptedSandbox({
      getSidebarState: () => ok(sidebarState()),
      connect: () => ok(CONNECTED),
      validateTab: () => ok(VIEW),
    });
    expect(runValidate(sandbox).summary.ready).toBe(1);
    expect(calls).toEqual([
      { name: "getSidebarState", request: {} },
      { name: "connect", request: { apiKey: "vit_apk_sandbox", environment: "uat", scope: "user" } },
      { name: "validateTab", request: { sheetId: 0, detail: true } },
    ]);
  });

  it("does not connect again when already connected with the key", () => {
    const { sandbox, calls } = scriptedSandbox({
      getSidebarState: () => ok(sidebarState({ connection: CONNECTED })),
      validateTab: () => ok(VIEW),
    });
    runValidate(sandbox);
    expect(calls.map((call) => call.name)).toEqual(["getSidebarState", "validateTab"]);
  });
});
