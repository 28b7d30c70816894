import { SHEETS_CLASSES, type ServiceCall } from "../../sandbox/runtime/execution";
import type { SheetModel } from "../../sandbox/runtime/spreadsheet/sheetModel";
import type { BridgeName, BridgeRequest } from "../../src/shared/bridge";
import {
  personRow,
  PROCESSING_DELAY_MS,
  ROSTER_HEADER,
  rosterOf,
  World,
  useAddonSandbox,
} from "./support/addonSandbox";

/**
 * The sidebar is always true to the sheet: it acts only on the tab on screen, follows the tab on
 * screen and its syncs through getActiveTab, and heads a result with the tab that was synced.
 */

const sandbox = useAddonSandbox();

const RECORDS_TAB = "Vitable Sync Records";

/** Longer than the sidebar's Sync call waits: the sync it starts is still processing when it answers. */
const SLOW_PROCESSING_MS = 60_000;

function records(world: World): SheetModel | null {
  return world.spreadsheet.sheetByName(RECORDS_TAB);
}

/** "bamboo_export" synced once; then the user opens "Roster", a second tab with a roster of its own. */
function twoTabs() {
  const world = new World(sandbox);
  const bamboo = world.roster;
  bamboo.name = "bamboo_export";
  world.type(rosterOf(3));
  const groupId = world.firstSync();
  const roster = world.spreadsheet.addSheet("Roster", 1);
  world.spreadsheet.select(roster, null);
  world.type(rosterOf(2));
  return { world, bamboo, roster, groupId };
}

/** Every sidebar call that acts on the tab the sidebar shows, for the tab `sheetId`. */
function tabCalls(sheetId: number, groupId: string): { [N in BridgeName]?: BridgeRequest<N> } {
  return {
    validateTab: { sheetId },
    previewSync: { sheetId },
    startSync: { sheetId, confirmation: null },
    insertRosterHeaders: { sheetId },
    linkTab: { sheetId, groupId },
    unlinkTab: { sheetId },
    setBrake: { sheetId, brake: { minimum: 1, percent: 1 } },
    getColumnMapping: { sheetId },
    saveColumnMapping: { sheetId, columns: { phone: null }, statusValues: {} },
    clearColumnMapping: { sheetId },
  };
}

describe("a sidebar call for a tab that is not on screen", () => {
  it("is refused, naming both tabs, and nothing is sent or written", async () => {
    const { world, bamboo, roster, groupId } = twoTabs();
    // A change a sync of bamboo_export would send.
    bamboo.typeInto(2, 2, "Renamed");
    const before = [bamboo.snapshot(), roster.snapshot(), records(world)?.snapshot()];
    const log = world.logEntries();
    const requests = await world.syncRequestCount();

    const calls = Object.entries(tabCalls(bamboo.id, groupId));
    const answers = calls.map(([call, request]) => [call, world.callRaw(call as BridgeName, request as never)]);

    const refused = {
      ok: false,
      code: "tabNotOnScreen",
      message:
        'The sidebar was showing "bamboo_export", but "Roster" is the tab on screen now. Nothing was done: check the sidebar, which now shows "Roster", and try again.',
    };
    expect(Object.fromEntries(answers)).toEqual(Object.fromEntries(calls.map(([call]) => [call, refused])));
    expect([bamboo.snapshot(), roster.snapshot(), records(world)?.snapshot()]).toEqual(before);
    expect(world.logEntries()).toEqual(log);
    expect(await world.syncRequestCount()).toBe(requests);
  });

  it("is refused when the tab the sidebar showed has been deleted", () => {
    const { world, roster } = twoTabs();
    const gone = world.spreadsheet.addSheet("Old export", 2);
    world.spreadsheet.removeSheet(gone);
    world.spreadsheet.select(roster, null);

    expect(world.callRaw("validateTab", { sheetId: gone.id })).toEqual({
      ok: false,
      code: "tabNotOnScreen",
      message:
        'The tab the sidebar was showing has been deleted, but "Roster" is the tab on screen now. Nothing was done: check the sidebar, which now shows "Roster", and try again.',
    });
  });

  it("is answered by checkSync, which follows a sync wherever the user looks, under the synced tab's name", () => {
    const { world, bamboo } = twoTabs();

    const checked = world.call("checkSync", { sheetId: bamboo.id });

    expect(checked).toMatchObject({ state: "completed", tabName: "bamboo_export" });
    expect(checked.state === "completed" && checked.message).toContain('"bamboo_export"');
  });

  it("is not needed for the tab on screen, which is acted on as before", () => {
    const { world, roster } = twoTabs();
    expect(world.call("validateTab", { sheetId: roster.id })).toMatchObject({ tabName: "Roster" });
  });
});

describe("getActiveTab", () => {
  it("follows the tab the user clicks, and its name", () => {
    const { world, bamboo, roster } = twoTabs();

    expect(world.call("getActiveTab", {})).toMatchObject({ sheetId: roster.id, name: "Roster" });
    world.spreadsheet.select(bamboo, null);
    expect(world.call("getActiveTab", {})).toMatchObject({ sheetId: bamboo.id, name: "bamboo_export" });
    bamboo.name = "HR export";
    expect(world.call("getActiveTab", {})).toMatchObject({ sheetId: bamboo.id, name: "HR export" });
  });

  it("gives the same syncMarker as the sidebar's state of the tab", () => {
    const { world, bamboo } = twoTabs();
    world.spreadsheet.select(bamboo, null);

    expect(world.call("getSidebarState", {}).tab.syncMarker).toBe(world.call("getActiveTab", {}).syncMarker);
  });

  it("never reads the roster: the same few Sheets calls (the records read among them) for 10 rows as for 5,000", () => {
    const counts = [10, 5_000].map((rows) => {
      let calls: ServiceCall[] | null = null;
      const world = new World(sandbox, { beforeCall: (call) => calls?.push(call) });
      world.type([ROSTER_HEADER, ...Array.from({ length: rows }, (_, i) => personRow(i + 1))]);
      world.linkNewGroup(`${rows} rows`, `rows-${rows}`);
      expect(world.sync().state).toBe("completed");
      calls = [];
      world.call("getActiveTab", {});
      const onRoster = calls.filter((call) => call.target === world.roster.name).map((call) => call.method);
      // The tab's ID and name, nothing from its cells.
      expect(onRoster.sort()).toEqual(["getName", "getSheetId"]);
      const { byMethod, sheetsCalls } = world.lastReport.counts;
      expect(sheetsCalls).toBe(6);
      return Object.fromEntries(
        Object.entries(byMethod).filter(([method]) => SHEETS_CLASSES.has(method.split(".")[0]!)),
      );
    });

    expect(counts[1]).toEqual(counts[0]);
    expect(counts[0]).toEqual({
      "SpreadsheetApp.getActiveSpreadsheet": 1,
      "Spreadsheet.getActiveSheet": 1,
      "Sheet.getSheetId": 1,
      "Sheet.getName": 1,
      // The records' index (columns A to C), which holds the tab's pending sync and latest outcome.
      "Spreadsheet.getRange": 1,
      "Range.getValues": 1,
    });
  });
});

describe("syncMarker", () => {
  it("changes when a sync starts, settles or is blocked, from the sidebar, the menu or the schedule, and at no other time", async () => {
    const world = new World(sandbox);
    world.type(rosterOf(3));
    world.linkNewGroup();
    const marker = () => world.call("getActiveTab", {}).syncMarker;
    const markers = [marker()];
    const expectUnchanged = () => expect(marker()).toBe(markers.at(-1));
    const expectChanged = () => {
      const now = marker();
      expect(markers).not.toContain(now);
      expect(world.call("getSidebarState", {}).tab.syncMarker).toBe(now);
      markers.push(now);
    };

    world.call("validateTab", { sheetId: world.sheetId });
    world.call("previewSync", { sheetId: world.sheetId });
    world.call("setBrake", { sheetId: world.sheetId, brake: { minimum: 5, percent: 20 } });
    expectUnchanged();

    // The sidebar's sync: it starts (Vitable is still processing), then settles.
    await sandbox.emulator.control.setProcessingDelay(SLOW_PROCESSING_MS);
    expect(world.call("startSync", { sheetId: world.sheetId, confirmation: null }).state).toBe("pending");
    expectChanged();
    world.call("checkSync", { sheetId: world.sheetId });
    expectUnchanged();
    world.clock.advance(SLOW_PROCESSING_MS);
    expect(world.call("checkSync", { sheetId: world.sheetId }).state).toBe("completed");
    expectChanged();
    world.call("checkSync", { sheetId: world.sheetId });
    expectUnchanged();
    await sandbox.emulator.control.setProcessingDelay(PROCESSING_DELAY_MS);

    world.roster.typeInto(2, 2, "Renamed");
    expectUnchanged();
    world.runMenu("syncActiveTab");
    expect(world.logEntries().at(-1)?.Outcome).toBe("Completed");
    expectChanged();

    world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: false });
    world.runSchedule();
    // A scheduled run leaves a tab as Vitable holds it alone, and that is no sync.
    expectUnchanged();
    world.roster.typeInto(2, 2, "Renamed again");
    world.runSchedule();
    expect(world.logEntries().at(-1)?.Outcome).toBe("Completed");
    expectChanged();

    // Asking first is no sync; a scheduled run that a guard blocks is.
    world.clearDataRows();
    expect(world.call("startSync", { sheetId: world.sheetId, confirmation: null }).state).toBe("needsConfirmation");
    expectUnchanged();
    world.runSchedule();
    expect(world.logEntries().at(-1)?.Outcome).toBe("Blocked");
    expectChanged();
  });

  it("of one tab stays as it is while another tab syncs", () => {
    const { world, bamboo, roster } = twoTabs();
    world.spreadsheet.select(bamboo, null);
    const before = world.call("getActiveTab", {}).syncMarker;

    world.spreadsheet.select(roster, null);
    world.linkNewGroup("Roster group", "roster-group");
    expect(world.sync(["noLastAccepted"]).state).toBe("completed");

    world.spreadsheet.select(bamboo, null);
    expect(world.call("getActiveTab", {}).syncMarker).toBe(before);
  });
});

describe("a sync's result", () => {
  it("names the tab synced in every state, even once the user has moved to another tab", async () => {
    const { world, bamboo, roster } = twoTabs();
    world.spreadsheet.select(bamboo, null);
    bamboo.typeInto(2, 2, "Renamed");
    await sandbox.emulator.control.setProcessingDelay(SLOW_PROCESSING_MS);

    const started = world.call("startSync", { sheetId: bamboo.id, confirmation: null });
    expect(started).toMatchObject({ state: "pending", tabName: "bamboo_export" });
    world.spreadsheet.select(roster, null);
    world.clock.advance(SLOW_PROCESSING_MS);
    const settled = world.call("checkSync", { sheetId: bamboo.id });
    expect(settled).toMatchObject({ state: "completed", tabName: "bamboo_export" });
    expect(settled.state === "completed" && settled.message).toContain('"bamboo_export"');

    world.spreadsheet.select(bamboo, null);
    world.clearDataRows();
    expect(world.call("startSync", { sheetId: bamboo.id, confirmation: null })).toMatchObject({
      state: "needsConfirmation",
      tabName: "bamboo_export",
    });
  });
});

describe("the sidebar's progress check", () => {
  it("looks at Vitable once and answers at once while the sync is still processing", async () => {
    const world = new World(sandbox);
    world.type(rosterOf(2));
    world.linkNewGroup();
    await sandbox.emulator.control.setProcessingDelay(SLOW_PROCESSING_MS);

    expect(world.call("startSync", { sheetId: world.sheetId, confirmation: null }).state).toBe("pending");
    const before = world.clock.now();
    expect(world.call("checkSync", { sheetId: world.sheetId }).state).toBe("pending");

    expect(world.lastReport.counts.urlFetches).toBe(1);
    expect(world.clock.now() - before).toBeLessThan(1_000);
  });
});
