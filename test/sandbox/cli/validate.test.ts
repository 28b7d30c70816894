import { AddonError } from "../../../sandbox/cli/addon";
import { runValidate, validateOutput } from "../../../sandbox/cli/validate";
import type { ValidationView } from "../../../src/shared/bridge";
import { jane } from "../../support/exampleMember";
import { CONNECTED, ok, scriptedSandbox, sidebarState } from "./support/scriptedAddon";

const VIEW: ValidationView = {
  sheetId: 0,
  tabName: "Roster",
  headerProblem: null,
  summary: { ready: 1, invalid: 1, excluded: 1, blank: 2, duplicates: 0 },
  problems: [{ row: 3, column: 6, columnLabel: "ZIP", message: "ZIP must have 5 digits." }],
  problemCount: 1,
  rows: [
    { row: 2, status: "Ready", message: "", errors: [], member: { ...jane } },
    {
      row: 3,
      status: "Invalid",
      message: "ZIP: must have 5 digits.",
      errors: [{ field: "address.zipcode", column: "ZIP", message: "ZIP must have 5 digits." }],
      member: null,
    },
    { row: 5, status: "Excluded", message: "Excluded", errors: [], member: null },
  ],
};

describe("validateOutput", () => {
  it("shows the summary without duplicates, and each row's errors by payload field", () => {
    expect(validateOutput(VIEW)).toEqual({
      summary: { ready: 1, invalid: 1, excluded: 1, blank: 2 },
      rows: [
        { row: 2, status: "Ready", message: "", errors: [], member: jane },
        {
          row: 3,
          status: "Invalid",
          message: "ZIP: must have 5 digits.",
          errors: [{ field: "address.zipcode", message: "ZIP must have 5 digits." }],
          member: null,
        },
        { row: 5, status: "Excluded", message: "Excluded", errors: [], member: null },
      ],
    });
  });

  it("shows no rows for a tab that cannot be read as a roster", () => {
    const view = { ...VIEW, headerProblem: "Add a header row.", rows: null, summary: { ...VIEW.summary, ready: 0 } };
    expect(validateOutput(view).rows).toEqual([]);
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
      validateTab: () => ok({ ...VIEW, headerProblem: "Row 1 has no Phone column." }),
    });
    const run = runValidate(sandbox);
    expect(run.output.summary.ready).toBe(1);
    expect(run.headerProblem).toBe("Row 1 has no Phone column.");
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
