import type { AppsScriptProject } from "../../sandbox/runtime/project";
import type { SheetModel } from "../../sandbox/runtime/spreadsheet/sheetModel";
import { LOG_SHEET_NAME } from "../../src/appsscript/logTab";
import { LOG_ROW_LIMIT, logHeaders } from "../../src/core/log/logRows";
import type { LogEntryView } from "../../src/shared/bridge";
import { buildStorageProject, storageWorld, type StorageWorld } from "./support/storageRuntime";

const LOG_HEADERS = logHeaders("America/New_York");

let project: AppsScriptProject;
beforeAll(() => {
  project = buildStorageProject();
});

const START = Date.UTC(2026, 10, 23, 15);

/** The nth sync of the day, a minute after the one before. */
function entry(n: number, overrides: Partial<LogEntryView> = {}): LogEntryView {
  return {
    at: new Date(START + n * 60_000).toISOString(),
    tab: "Roster",
    group: "Acme Tier 1",
    startedBy: "hr@example.com",
    counts: { added: n, changed: 0, removed: 0, failed: 0, invalid: 1 },
    requestId: `grpmsr_${n}`,
    outcome: "completed",
    detail: "",
    ...overrides,
  };
}

function entries(from: number, count: number): LogEntryView[] {
  return Array.from({ length: count }, (_, i) => entry(from + i));
}

function logSheet(world: StorageWorld): SheetModel {
  const sheet = world.spreadsheet.sheetByName(LOG_SHEET_NAME);
  if (sheet === null) throw new Error("the log tab was not created");
  return sheet;
}

describe("appendLogEntries", () => {
  it("does nothing for no entries", () => {
    const world = storageWorld(project);
    expect(world.run("appendLog", []).counts.byMethod).toEqual({ "SpreadsheetApp.getActiveSpreadsheet": 1 });
    expect(world.spreadsheet.sheets).toHaveLength(1);
  });

  it("creates the log tab on first use: last, header bold and frozen, protected with a warning only", () => {
    const world = storageWorld(project);
    world.spreadsheet.addSheet("Summary", 0);
    world.run("appendLog", [entry(1)]);

    expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(["Summary", "Roster", LOG_SHEET_NAME]);
    expect(world.spreadsheet.activeSheet().name).toBe("Roster");
    const sheet = logSheet(world);
    expect(sheet.displayValuesForHost()).toEqual([
      LOG_HEADERS,
      [
        "2026-11-23 10:01:00",
        "Roster",
        "Acme Tier 1",
        "hr@example.com",
        "1",
        "0",
        "0",
        "0",
        "1",
        "grpmsr_1",
        "Completed",
        "",
      ],
    ]);
    expect(LOG_HEADERS.every((_, i) => sheet.cellAt(1, i + 1).fontWeight === "bold")).toBe(true);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.hidden).toBe(false);
    expect(sheet.protections).toEqual([expect.objectContaining({ type: "SHEET", warningOnly: true })]);
  });

  it("appends below the last entry in one setValues, with as many calls for 500 entries as for 1", () => {
    const world = storageWorld(project);
    world.run("appendLog", [entry(0)]);
    const one = world.run("appendLog", [entry(1)]).counts;
    const many = world.run("appendLog", entries(2, 500)).counts;
    expect(many.byMethod).toEqual(one.byMethod);
    expect(one.byMethod["Range.setValues"]).toBe(1);
    expect(
      logSheet(world)
        .valuesForHost()
        .map((row) => row[9]),
    ).toEqual(["Request ID", ...entries(0, 502).map((e) => e.requestId)]);
  });

  it("keeps text that looks like a formula as text", () => {
    const world = storageWorld(project);
    world.run("appendLog", [entry(1, { group: "=Tier 1", detail: "+1 row was invalid" })]);
    const sheet = logSheet(world);
    expect([sheet.cellAt(2, 3), sheet.cellAt(2, 12)].map((cell) => [cell.formula, cell.value])).toEqual([
      ["", "=Tier 1"],
      ["", "+1 row was invalid"],
    ]);
  });

  it(`keeps the newest ${LOG_ROW_LIMIT} entries, deleting the oldest rows in one call`, () => {
    const world = storageWorld(project);
    world.run("appendLog", entries(0, LOG_ROW_LIMIT - 1));
    const fits = world.run("appendLog", [entry(LOG_ROW_LIMIT - 1)]);
    expect(fits.counts.byMethod["Sheet.deleteRows"]).toBeUndefined();

    const over = world.run("appendLog", entries(LOG_ROW_LIMIT, 3));
    expect(over.counts.byMethod["Sheet.deleteRows"]).toBe(1);
    const sheet = logSheet(world);
    expect(sheet.lastRow()).toBe(LOG_ROW_LIMIT + 1);
    expect(sheet.cellAt(2, 10).value).toBe("grpmsr_3");
    expect(sheet.cellAt(LOG_ROW_LIMIT + 1, 10).value).toBe(`grpmsr_${LOG_ROW_LIMIT + 2}`);
    expect(sheet.cellAt(1, 1).value).toBe("Time (America/New_York)");
    expect(sheet.frozenRows).toBe(1);
  });

  it("keeps only the newest when one append alone is over the limit", () => {
    const world = storageWorld(project);
    world.run("appendLog", entries(0, 10));
    world.run("appendLog", entries(10, LOG_ROW_LIMIT + 5));
    const sheet = logSheet(world);
    expect(sheet.lastRow()).toBe(LOG_ROW_LIMIT + 1);
    expect(sheet.cellAt(2, 10).value).toBe("grpmsr_15");
  });
});

describe("rows promised to a settled sync (reservedUpTo)", () => {
  it("appends below a reserved row even when it is still empty, and then trims nothing", () => {
    const world = storageWorld(project);
    world.run("appendLog", entries(0, 3));
    expect(world.run("nextLogRowOf", 0).value).toBe(5);
    expect(world.run("nextLogRowOf", 5).value).toBe(6);

    world.run("appendLog", [entry(9)], 5);
    const sheet = logSheet(world);
    expect(sheet.cellAt(5, 10).value).toBe("");
    expect(sheet.cellAt(6, 10).value).toBe("grpmsr_9");
  });

  it("does not trim old rows while a row is reserved, since trimming moves rows", () => {
    const world = storageWorld(project);
    world.run("appendLog", entries(0, LOG_ROW_LIMIT));
    const reserved = world.run("appendLog", [entry(LOG_ROW_LIMIT)], 2);
    expect(reserved.counts.byMethod["Sheet.deleteRows"]).toBeUndefined();
    const free = world.run("appendLog", [entry(LOG_ROW_LIMIT + 1)]);
    expect(free.counts.byMethod["Sheet.deleteRows"]).toBe(1);
  });
});

describe("writeLogEntryAt", () => {
  it("writes one entry at its row, and writing it again leaves one row", () => {
    const world = storageWorld(project);
    world.run("appendLog", entries(0, 2));
    world.run("writeLogAt", 4, entry(7));
    world.run("writeLogAt", 4, entry(7));
    const sheet = logSheet(world);
    expect(sheet.lastRow()).toBe(4);
    expect(sheet.cellAt(4, 10).value).toBe("grpmsr_7");
    expect(sheet.cellAt(5, 10).value).toBe("");
  });

  it("creates the log tab when it is the first entry ever written", () => {
    const world = storageWorld(project);
    world.run("writeLogAt", 2, entry(1));
    expect(logSheet(world).cellAt(2, 10).value).toBe("grpmsr_1");
    expect(logSheet(world).cellAt(1, 1).value).toBe("Time (America/New_York)");
  });
});
