import type { SheetModel } from "../../sandbox/runtime/spreadsheet/sheetModel";
import type { BridgeName, BridgeRequest } from "../../src/shared/bridge";
import { LOG_TAB, rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/** The add-on's own tabs (its log and its records) are never taken for rosters. */

const sandbox = useAddonSandbox();

const RECORDS_TAB = "Vitable Sync Records";

const NOT_A_ROSTER = {
  [LOG_TAB]: `"${LOG_TAB}" is the add-on's log of syncs, not a roster. Open the tab with your roster (or add a new tab for one) and try again.`,
  [RECORDS_TAB]: `"${RECORDS_TAB}" is where the add-on keeps its records, not a roster. Open the tab with your roster (or add a new tab for one) and try again.`,
};

/** A spreadsheet after a first sync, so it has the log tab and the records sheet. */
function syncedWorld(): { world: World; groupId: string } {
  const world = new World(sandbox);
  world.type(rosterOf(2));
  const groupId = world.firstSync();
  return { world, groupId };
}

function tab(world: World, name: string): SheetModel {
  const sheet = world.spreadsheet.sheetByName(name);
  if (sheet === null) throw new Error(`There is no tab ${name}.`);
  return sheet;
}

/** Every sidebar call that works on a tab as a roster, for the tab `sheetId`. */
function rosterCalls(sheetId: number, groupId: string): { [N in BridgeName]?: BridgeRequest<N> } {
  return {
    linkTab: { sheetId, groupId },
    insertRosterHeaders: { sheetId },
    validateTab: { sheetId },
    previewSync: { sheetId },
    startSync: { sheetId, confirmation: null },
  };
}

describe.each([LOG_TAB, RECORDS_TAB] as const)("the tab %s", (name) => {
  it("is refused by every sidebar call that treats a tab as a roster, and left as it was", async () => {
    const { world, groupId } = syncedWorld();
    const own = tab(world, name);
    // On screen, so that the tab is refused as the add-on's own and not as a tab out of sight.
    world.spreadsheet.select(own, null);
    const before = own.snapshot();
    const requests = await world.syncRequestCount();

    const answers = Object.entries(rosterCalls(own.id, groupId)).map(([call, request]) => [
      call,
      world.callRaw(call as BridgeName, request as never),
    ]);

    expect(Object.fromEntries(answers)).toEqual(
      Object.fromEntries(answers.map(([call]) => [call, { ok: false, message: NOT_A_ROSTER[name] }])),
    );
    expect(own.snapshot()).toEqual(before);
    expect(await world.syncRequestCount()).toBe(requests);
  });
});

describe("the log tab, open in the editor", () => {
  it.each(["Validate this tab", "Sync to Vitable"])("is refused by %s in the menu, with the reason", (item) => {
    const { world } = syncedWorld();
    const log = tab(world, LOG_TAB);
    const before = log.snapshot();
    world.spreadsheet.select(log, null);
    world.runtime.open(world.spreadsheet.id);

    expect(world.runtime.clickMenuItem(world.spreadsheet.id, item).error).toBeNull();

    const alerts = world.runtime.ui.shown.flatMap((event) => (event.type === "alert" ? [event.prompt] : []));
    expect(alerts).toEqual([NOT_A_ROSTER[LOG_TAB]]);
    expect(log.snapshot()).toEqual(before);
  });
});

describe("Insert roster headers", () => {
  it("writes the headers into an empty tab only, and says which tab has data and what to do instead", () => {
    const world = new World(sandbox);
    world.type(rosterOf(1).map((row) => row.slice(1)));
    world.connect();
    const before = world.roster.snapshot();

    expect(world.callRaw("insertRosterHeaders", { sheetId: world.sheetId })).toEqual({
      ok: false,
      message: `"${world.roster.name}" already has data, and roster headers go into an empty tab only, so nothing was changed. Add a new tab (the + at the bottom left) and insert the headers there.`,
    });
    expect(world.roster.snapshot()).toEqual(before);

    const empty = world.spreadsheet.addSheet("New roster", 1);
    world.spreadsheet.select(empty, null);
    expect(world.call("insertRosterHeaders", { sheetId: empty.id }).message).toContain('"New roster"');
    expect(empty.valuesForHost()[0]?.[0]).toBe("Employee ID");
  });
});
