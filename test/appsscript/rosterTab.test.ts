import type { AppsScriptProject } from "../../sandbox/runtime/project";
import type { SheetModel } from "../../sandbox/runtime/spreadsheet/sheetModel";
import { INVALID_MARK_BACKGROUND, MAX_MARKED_RANGES } from "../../src/core/sheet/invalidMarks";
import { ROSTER_HEADERS } from "../../src/core/sheet/rosterHeaders";
import { US_STATE_CODES } from "../../src/vitable/usStates";
import type { PlannedRow } from "./fixtures/storageEntry";
import { buildStorageProject, storageWorld, type StorageWorld } from "./support/storageRuntime";

let project: AppsScriptProject;
beforeAll(() => {
  project = buildStorageProject();
});

const USER_HEADERS = [
  "Employee ID",
  "First Name",
  "Last Name",
  "DOB",
  "Phone",
  "Plan",
  "Address",
  "City",
  "State",
  "ZIP",
];

function rosterRows(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [
    String(1001 + i),
    `Jane${i}`,
    "Doe",
    "5/15/1990",
    "(415) 555-0100",
    "Basic Care",
    "1 Main St",
    "Boston",
    "MA",
    "02134",
  ]);
}

function rosterWorld(rows: number, headers: string[] = USER_HEADERS): { world: StorageWorld; tab: SheetModel } {
  const world = storageWorld(project);
  const tab = world.spreadsheet.sheets[0]!;
  tab.typeRows(1, 1, [headers, ...rosterRows(rows)]);
  return { world, tab };
}

const SYNCED_AT = "2026-11-23T15:30:00.000Z";

function everyRow(rows: number, cells: PlannedRow["cells"]): PlannedRow[] {
  return Array.from({ length: rows }, (_, i) => ({ row: i + 2, cells }));
}

describe("readTabColumns", () => {
  it("reads the header row and only the columns asked for, in one read per run of adjacent columns", () => {
    const { world, tab } = rosterWorld(3);
    const everything = tab.valuesForHost();
    const report = world.run("readColumns", "Roster", 1, [0, 3, 4]);
    const read = report.value as unknown[][];

    expect(read).toHaveLength(everything.length);
    expect(read[0]!.slice(0, everything[0]!.length)).toEqual(everything[0]);
    for (let row = 1; row < everything.length; row++) {
      expect(read[row]![0]).toEqual(everything[row]![0]);
      expect(read[row]!.slice(3, 5)).toEqual(everything[row]!.slice(3, 5));
      expect(read[row]![1]).toBe("");
    }
    // The header row, then columns A and D:E.
    expect(report.counts.byMethod["Range.getValues"]).toBe(3);
    expect(report.counts.sheetsCellsRead).toBe(tab.maxColumns + 3 * 3);
  });

  it("reads every cell when the columns cannot be chosen", () => {
    const { world, tab } = rosterWorld(3);
    expect(world.run("readColumns", "Roster", 1, null).value).toEqual(tab.valuesForHost());
  });
});

describe("readTabValues", () => {
  it("reads the whole tab in one call", () => {
    const { world } = rosterWorld(3);
    const report = world.run("writeStatuses", "Roster", 1, []);
    expect(report.counts.byMethod).toMatchObject({ "Sheet.getDataRange": 1, "Range.getValues": 1 });
  });
});

describe("applyStatusWrite", () => {
  it("adds the status columns at the right end: headers bold, Message plain text, Synced At a date and time", () => {
    const { world, tab } = rosterWorld(2);
    const columns = world.run("writeStatuses", "Roster", 1, [
      { row: 2, cells: { status: "Added", message: "", syncedAt: SYNCED_AT } },
      { row: 3, cells: { status: "Invalid", message: "Phone is not a US number.", syncedAt: null } },
    ]).value;
    expect(columns).toEqual({ status: 11, message: 12, syncedAt: 13 });
    expect(tab.displayValuesForHost().map((row) => row.slice(10))).toEqual([
      ["Vitable Status", "Vitable Message", "Vitable Synced At"],
      ["Added", "", "2026-11-23 10:30"],
      ["Invalid", "Phone is not a US number.", ""],
    ]);
    expect([11, 12, 13].map((column) => tab.cellAt(1, column).fontWeight)).toEqual(["bold", "bold", "bold"]);
    expect(tab.cellAt(1, 10).fontWeight).toBe("normal");
    expect([tab.cellAt(2, 12).numberFormat, tab.cellAt(1000, 12).numberFormat]).toEqual(["@", "@"]);
    expect([tab.cellAt(2, 13).numberFormat, tab.cellAt(1000, 13).numberFormat]).toEqual([
      "yyyy-mm-dd hh:mm",
      "yyyy-mm-dd hh:mm",
    ]);
    expect(tab.cellAt(1, 12).numberFormat).not.toBe("@");
  });

  it("leaves every other column of the tab as it was", () => {
    const { world, tab } = rosterWorld(3);
    const before = tab.valuesForHost();
    world.run("writeStatuses", "Roster", 1, everyRow(3, { status: "Ready", message: "", syncedAt: null }));
    expect(tab.valuesForHost().map((row) => row.slice(0, 10))).toEqual(before);
  });

  it("writes text so that none becomes a formula, in the add-on's columns and in columns the user made", () => {
    const { world, tab } = rosterWorld(1, [...USER_HEADERS, "Vitable Status", "Vitable Message", "Vitable Synced At"]);
    world.run("writeStatuses", "Roster", 1, [
      { row: 2, cells: { status: "Failed", message: '=HYPERLINK("http://x")', syncedAt: null } },
    ]);
    expect(tab.cellAt(2, 12)).toMatchObject({ formula: "", value: '=HYPERLINK("http://x")' });

    const added = rosterWorld(1).world;
    added.run("writeStatuses", "Roster", 1, [
      { row: 2, cells: { status: "Failed", message: "+1 is not a member", syncedAt: null } },
    ]);
    expect(added.spreadsheet.sheets[0]!.cellAt(2, 12).formula).toBe("");
  });

  it("keeps what rows left out of the write hold, across writes", () => {
    const { world, tab } = rosterWorld(3);
    world.run("writeStatuses", "Roster", 1, [
      { row: 2, cells: { status: "Failed", message: "-1 is not a plan", syncedAt: SYNCED_AT } },
      { row: 3, cells: { status: "Invalid", message: "ZIP is empty.", syncedAt: null } },
      { row: 4, cells: { status: "Ready", message: "", syncedAt: null } },
    ]);
    const first = tab.displayValuesForHost().map((row) => row.slice(10));
    world.run("writeStatuses", "Roster", 1, [{ row: 4, cells: null }]);
    world.run("writeStatuses", "Roster", 1, []);
    const after = tab.displayValuesForHost().map((row) => row.slice(10));
    expect(after.slice(0, 3)).toEqual(first.slice(0, 3));
    expect(after[3]).toEqual(["", "", ""]);
  });

  it("widens a tab whose grid has no column left for the status columns", () => {
    const headers = Array.from({ length: 26 }, (_, i) => (i < USER_HEADERS.length ? USER_HEADERS[i]! : `Extra ${i}`));
    const { world, tab } = rosterWorld(1, headers);
    const columns = world.run(
      "writeStatuses",
      "Roster",
      1,
      everyRow(1, { status: "Ready", message: "", syncedAt: null }),
    ).value;
    expect(columns).toEqual({ status: 27, message: 28, syncedAt: 29 });
    expect(tab.maxColumns).toBe(29);
    expect(tab.cellAt(2, 27).value).toBe("Ready");
  });

  it.each([
    ["when it adds the columns", false],
    ["when the columns are there", true],
  ])("makes as many Sheets calls for 5,000 rows as for 10, %s", (_label, columnsThere) => {
    const counts = [10, 5_000].map((rows) => {
      const { world } = rosterWorld(rows);
      const planned = everyRow(rows, { status: "Invalid", message: "Phone is empty.", syncedAt: SYNCED_AT });
      if (columnsThere) world.run("writeStatuses", "Roster", 1, planned);
      return world.run("writeStatuses", "Roster", 1, planned).counts;
    });
    expect(counts[1]!.byMethod).toEqual(counts[0]!.byMethod);
    expect(counts[0]!.byMethod["Range.setValues"]).toBe(1);
    if (columnsThere) expect(counts[0]!.sheetsWrites).toBe(1);
  });

  it("writes one block per column when the status columns are apart", () => {
    const headers = ["Vitable Status", ...USER_HEADERS, "Vitable Message"];
    const { world, tab } = rosterWorld(1, headers);
    const report = world.run(
      "writeStatuses",
      "Roster",
      1,
      everyRow(1, { status: "Ready", message: "Looks good.", syncedAt: SYNCED_AT }),
    );
    expect(report.value).toEqual({ status: 1, message: 12, syncedAt: 13 });
    expect(report.counts.byMethod["Range.setValues"]).toBe(3);
    expect([tab.cellAt(2, 1).value, tab.cellAt(2, 12).value, tab.cellAt(1, 13).value]).toEqual([
      "Ready",
      "Looks good.",
      "Vitable Synced At",
    ]);
    expect(tab.cellAt(1, 1).fontWeight).toBe("normal");
    expect(tab.cellAt(1, 13).fontWeight).toBe("bold");
  });
});

describe("markInvalidCells", () => {
  function rules(world: StorageWorld) {
    return world.spreadsheet.sheets[0]!.conditionalFormatRules;
  }

  function addUsersRule(world: StorageWorld): void {
    world.spreadsheet.sheets[0]!.conditionalFormatRules.push({
      ranges: [{ row: 1, column: 2, numRows: 1000, numColumns: 1 }],
      condition: { criterion: "TEXT_EQUAL_TO", values: ["VIP"] },
      background: "#f4cccc",
      fontColor: null,
      bold: true,
    });
  }

  it("marks the cells through one rule of the add-on that looks at each row's status, keeping the user's rules", () => {
    const { world } = rosterWorld(10);
    addUsersRule(world);
    world.run(
      "markCells",
      "Roster",
      [
        { row: 5, column: 5 },
        { row: 3, column: 5 },
        { row: 4, column: 5 },
        { row: 9, column: 10 },
      ],
      11,
    );
    expect(rules(world)).toHaveLength(2);
    expect(rules(world)[0]).toEqual({
      ranges: [
        { row: 3, column: 5, numRows: 3, numColumns: 1 },
        { row: 9, column: 10, numRows: 1, numColumns: 1 },
      ],
      condition: { criterion: "CUSTOM_FORMULA", values: ['=$K3="Invalid"'] },
      background: INVALID_MARK_BACKGROUND,
      fontColor: null,
      bold: null,
    });
    expect(rules(world)[1]!.condition.values).toEqual(["VIP"]);
  });

  it("replaces its rule when marking again, and removes it for an empty list", () => {
    const { world } = rosterWorld(10);
    world.run("markCells", "Roster", [{ row: 2, column: 3 }], 11);
    addUsersRule(world);
    world.run("markCells", "Roster", [{ row: 7, column: 4 }], 11);
    expect(rules(world).map((rule) => rule.condition.values[0])).toEqual(['=$K7="Invalid"', "VIP"]);
    world.run("markCells", "Roster", [], 11);
    expect(rules(world).map((rule) => rule.condition.values[0])).toEqual(["VIP"]);
    expect(world.run("markCells", "Roster", [], 11).counts.sheetsWrites).toBe(0);
  });

  it("recognises its rule after Sheets moved it with an inserted column", () => {
    const { world } = rosterWorld(10);
    world.run("markCells", "Roster", [{ row: 2, column: 3 }], 11);
    rules(world)[0]!.condition.values = ['=$L2="Invalid"'];
    world.run("markCells", "Roster", [{ row: 4, column: 3 }], 12);
    expect(rules(world).map((rule) => rule.condition.values[0])).toEqual(['=$L4="Invalid"']);
  });

  it("makes as many Sheets calls for 5,000 scattered cells as for 10, and marks at most the cap", () => {
    const counts = [10, 5_000].map((cells) => {
      const { world } = rosterWorld(999);
      const invalid = Array.from({ length: cells }, (_, i) => ({
        row: 2 + (i % 998),
        column: 1 + 2 * Math.floor(i / 998),
      }));
      const report = world.run("markCells", "Roster", invalid, 11);
      return { counts: report.counts, ranges: rules(world)[0]!.ranges.length };
    });
    expect(counts[1]!.counts.sheetsCalls).toBe(counts[0]!.counts.sheetsCalls);
    expect(counts[1]!.counts.byMethod["Sheet.getRangeList"]).toBe(1);
    expect(counts[1]!.counts.byMethod["Sheet.setConditionalFormatRules"]).toBe(1);
    // Consecutive rows of a column merge: 5,000 cells in six columns are six ranges.
    expect(counts.map(({ ranges }) => ranges)).toEqual([1, 6]);

    const { world } = rosterWorld(999);
    const scattered = Array.from({ length: 3_000 }, (_, i) => ({
      row: 2 + 2 * (i % 499),
      column: 1 + Math.floor(i / 499),
    }));
    world.run("markCells", "Roster", scattered, 11);
    expect(rules(world)[0]!.ranges).toHaveLength(MAX_MARKED_RANGES);
  });
});

describe("insertRosterHeaders", () => {
  const PLANS = ["Basic Care", "Care Plus", "Family Care"];

  it("writes the header row on an empty tab, bold and frozen, with dropdowns and plain-text columns", () => {
    const world = storageWorld(project);
    const tab = world.spreadsheet.sheets[0]!;
    expect(world.run("insertHeaders", "Roster", PLANS).value).toEqual({ ok: true, message: "" });

    expect(tab.valuesForHost()).toEqual([ROSTER_HEADERS]);
    expect(ROSTER_HEADERS.map((_, i) => tab.cellAt(1, i + 1).fontWeight).every((weight) => weight === "bold")).toBe(
      true,
    );
    expect(tab.frozenRows).toBe(1);

    expect(tab.cellAt(2, 7).dataValidation).toEqual({
      criterion: { type: "VALUE_IN_LIST", values: PLANS, showDropdown: true },
      allowInvalid: true,
      helpText: "Choose the member's plan. A plan ID from Vitable works too.",
    });
    expect(tab.cellAt(1000, 7).dataValidation).toEqual(tab.cellAt(2, 7).dataValidation);
    expect(tab.cellAt(1, 7).dataValidation).toBeNull();
    expect(tab.cellAt(500, 11).dataValidation).toMatchObject({
      criterion: { type: "VALUE_IN_LIST", values: [...US_STATE_CODES] },
      allowInvalid: true,
    });
    expect([1, 6, 12, 15].map((column) => tab.cellAt(2, column).numberFormat)).toEqual(["@", "@", "@", "@"]);
    expect(tab.cellAt(1000, 12).numberFormat).toBe("@");
    expect(tab.cellAt(2, 16).numberFormat).toBe("yyyy-mm-dd hh:mm");
    expect(tab.cellAt(2, 2).numberFormat).not.toBe("@");
  });

  it("then keeps leading zeros typed into Reference ID, Phone and ZIP", () => {
    const world = storageWorld(project);
    world.run("insertHeaders", "Roster", PLANS);
    const tab = world.spreadsheet.sheets[0]!;
    tab.typeRows(2, 1, [
      ["007", "Ana", "Silva", "1990-01-02", "", "0415550100", "Basic Care", "1 Main", "", "Boston", "MA", "02134"],
    ]);
    expect([tab.cellAt(2, 1).value, tab.cellAt(2, 6).value, tab.cellAt(2, 12).value]).toEqual([
      "007",
      "0415550100",
      "02134",
    ]);
  });

  it("leaves a tab of data without headers alone, and says to use an empty tab", () => {
    const world = storageWorld(project);
    const tab = world.spreadsheet.sheets[0]!;
    tab.typeRows(1, 1, rosterRows(2));
    const before = tab.snapshot();
    const result = world.run("insertHeaders", "Roster", PLANS).value as { ok: boolean; message: string };
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/^"Roster" already has data.*Add a new tab/) });
    expect(tab.snapshot()).toEqual(before);
  });

  it("leaves a tab that has roster headers alone, and says so", () => {
    const { world, tab } = rosterWorld(2);
    const before = tab.snapshot();
    const result = world.run("insertHeaders", "Roster", PLANS).value as { ok: boolean; message: string };
    expect(result.ok).toBe(false);
    expect(result.message).toBe('Row 1 of "Roster" already has the roster headers, so nothing was changed.');
    expect(tab.snapshot()).toEqual(before);
  });

  it("adds no Plan dropdown when the organization has no plans", () => {
    const world = storageWorld(project);
    world.run("insertHeaders", "Roster", []);
    const tab = world.spreadsheet.sheets[0]!;
    expect(tab.cellAt(2, 7).dataValidation).toBeNull();
    expect(tab.cellAt(2, 11).dataValidation).not.toBeNull();
  });
});
