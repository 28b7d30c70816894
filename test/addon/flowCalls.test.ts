import type { ServiceCallCounts } from "../../sandbox/runtime/execution";
import { RECORDS_SHEET_NAME } from "../../src/appsscript/recordsSheet";
import { personRow, ROSTER_HEADER, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * What each flow costs in Sheets: calls (tens of milliseconds each in Apps Script, so their
 * number must not grow with the rows), cells moved (a fraction of a millisecond each, so a 50,000
 * row tab is read as few times as possible), and characters of the records sheet read and written
 * (the sidebar reads the records every few seconds, so what it reads must not grow with the roster).
 */

const sandbox = useAddonSandbox();

interface FlowCost {
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  recordsRead: number;
  recordsWritten: number;
}

interface Grid {
  get: (row: number, column: number) => unknown;
  set: (row: number, column: number, value: unknown) => void;
}

/** Runs `run`, counting the characters of the records sheet's cells it reads and writes. */
function recordsTraffic(world: World, run: () => void): { read: number; written: number } {
  const records = world.spreadsheet.sheetByName(RECORDS_SHEET_NAME);
  if (records === null) throw new Error("The records sheet is made when the tab is linked.");
  const grid = records.values as unknown as Grid;
  const { get, set } = grid;
  const traffic = { read: 0, written: 0 };
  grid.get = (row, column) => {
    const value = get.call(grid, row, column);
    if (typeof value === "string") traffic.read += value.length;
    return value;
  };
  grid.set = (row, column, value) => {
    if (typeof value === "string") traffic.written += value.length;
    set.call(grid, row, column, value);
  };
  try {
    run();
  } finally {
    grid.get = get;
    grid.set = set;
  }
  return traffic;
}

function costOf(world: World, run: () => void): FlowCost {
  const traffic = recordsTraffic(world, run);
  const counts: ServiceCallCounts = world.lastReport.counts;
  return {
    calls: counts.sheetsCalls,
    cellsRead: counts.sheetsCellsRead,
    cellsWritten: counts.sheetsCellsWritten,
    recordsRead: traffic.read,
    recordsWritten: traffic.written,
  };
}

const FLOWS = ["validate", "preview", "sync", "sidebar open", "sidebar focus", "re-sync", "sidebar after"] as const;
type Flow = (typeof FLOWS)[number];

/**
 * Each flow on a tab of `rows` people (one in seven with a wrong phone): validate and preview from
 * the sidebar, a first sync from the menu (the add-on created the group, so it asks nothing), the
 * sidebar opened and following the tab, one person in a hundred renamed and synced again.
 */
function costsPerFlow(rows: number): Record<Flow, FlowCost> {
  const world = new World(sandbox);
  const people = Array.from({ length: rows }, (_, i) => personRow(i + 1, i % 7 === 2 ? { Phone: "555" } : {}));
  world.type([ROSTER_HEADER, ...people]);
  world.linkNewGroup(`Group of ${rows}`, `group-${rows}`);
  const costs = {} as Record<Flow, FlowCost>;
  const measure = (flow: Flow, run: () => void) => (costs[flow] = costOf(world, run));

  measure("validate", () => world.call("validateTab", { sheetId: world.sheetId }));
  measure("preview", () => world.call("previewSync", { sheetId: world.sheetId }));
  measure("sync", () => world.runMenu("syncActiveTab"));
  measure("sidebar open", () => world.call("getSidebarState", {}));
  measure("sidebar focus", () => world.call("getActiveTab", {}));
  for (let row = 2; row <= 1 + Math.ceil(rows / 100); row++) world.roster.typeInto(row, 2, `Renamed${row}`);
  measure("re-sync", () => world.runMenu("syncActiveTab"));
  measure("sidebar after", () => world.call("getSidebarState", {}));

  expect(world.logEntries().map((entry) => entry.Outcome)).toEqual(["Completed", "Completed"]);
  return costs;
}

const ROWS = 5_000;
let small: Record<Flow, FlowCost>;
let large: Record<Flow, FlowCost>;
beforeAll(() => {
  small = costsPerFlow(10);
  large = costsPerFlow(ROWS);
}, 120_000);

it("makes as many Sheets calls for a 5,000-row tab as for a 10-row one, in every flow", () => {
  for (const flow of FLOWS) expect([flow, large[flow].calls]).toEqual([flow, small[flow].calls]);
});

it("makes no more Sheets calls than these", () => {
  // The first validation adds and formats the status columns; the first sync makes the log tab
  // (the records sheet, made when the tab was linked, is wide enough for its records).
  expect(large.validate.calls).toBeLessThanOrEqual(26);
  expect(large.preview.calls).toBeLessThanOrEqual(9);
  expect(large.sync.calls).toBeLessThanOrEqual(44);
  expect(large["re-sync"].calls).toBeLessThanOrEqual(37);
  expect(large["sidebar open"].calls).toBeLessThanOrEqual(8);
  expect(large["sidebar focus"].calls).toBeLessThanOrEqual(6);
});

it("writes a sync's status columns once, with its outcome, when Vitable finishes while it waits", () => {
  const statusCells = (ROWS + 1) * 3;
  for (const flow of ["sync", "re-sync"] as const) {
    expect([flow, large[flow].cellsWritten]).toEqual([flow, expect.any(Number)]);
    expect(large[flow].cellsWritten).toBeGreaterThanOrEqual(statusCells);
    expect(large[flow].cellsWritten).toBeLessThan(2 * statusCells);
  }
});

it("reads the members' cells once per sync: at write-back only the header and the IDs", () => {
  // 11 member columns and 3 status columns, the header row included.
  const tab = (ROWS + 1) * (ROSTER_HEADER.length + 3);
  // The statuses planned when the roster was sent cover every row: the status columns are not read again.
  const writeBack = ROWS + ROSTER_HEADER.length + 3;
  for (const flow of ["sync", "re-sync"] as const) {
    const recordsIndex = 3 * 1_000;
    expect([flow, large[flow].cellsRead]).toEqual([flow, expect.any(Number)]);
    expect(large[flow].cellsRead).toBeLessThanOrEqual(tab + writeBack + recordsIndex + 200);
  }
});

it("opens and follows the sidebar from the records' index, whatever the roster's size", () => {
  for (const flow of ["sidebar open", "sidebar focus", "sidebar after"] as const) {
    expect(large[flow].recordsRead).toBeLessThanOrEqual(20_000);
    // A tenth of what a re-sync reads: the last accepted roster is not among it.
    expect(large[flow].recordsRead).toBeLessThan(large["re-sync"].recordsRead / 10);
  }
});

it("stores a re-sync's members as changes to the last accepted roster, not the roster again", () => {
  // The first sync stores everyone twice (sent, then accepted); a re-sync of a few changes, once.
  expect(large["re-sync"].recordsWritten).toBeLessThan(large.sync.recordsWritten * 0.6);
});
