import { parseDialogView, VIEW_ELEMENT_ID } from "../../src/shared/confirmDialog";
import { LOG_TAB, rosterOf, World, useAddonSandbox, COLLEAGUE, SHARED_CONNECT } from "./support/addonSandbox";

/**
 * "Remove the add-on's data from this spreadsheet": the records and log tabs, the document's
 * properties, the user's own key and schedule go; the roster tab and Vitable stay as they were,
 * and the next sync asks as a first sync does. Another user's schedule, which this user cannot
 * delete, deletes itself at its next run without writing anything.
 */

const sandbox = useAddonSandbox();

const RECORDS_TAB = "Vitable Sync Records";
const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Three people synced on a key shared with every editor, hr@example.com's own key too, and a
 * daily schedule set by hr@example.com.
 */
function syncedAndScheduled(): { world: World; groupId: string } {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  world.call("connect", SHARED_CONNECT);
  const group = world.call("createGroup", { name: "Acme Tier 1", externalReferenceId: "acme-tier-1" });
  world.call("linkTab", { sheetId: world.sheetId, groupId: group.id });
  expect(world.sync().state).toBe("completed");
  world.connect();
  world.call("setSchedule", { frequency: { kind: "daily", hour: 6 }, emailOnProblem: true });
  return { world, groupId: group.id };
}

function userProperties(world: World, email: string): Record<string, string> {
  return world.runtime.properties.read({ kind: "user", email });
}

/** The user's properties that name this spreadsheet: keys, copies, schedule entries. */
function propertiesAbout(world: World, email: string): string[] {
  return Object.entries(userProperties(world, email))
    .filter(([key, value]) => key.includes(world.spreadsheet.id) || value.includes(world.spreadsheet.id))
    .map(([key]) => key);
}

function documentProperties(world: World): Record<string, string> {
  return world.runtime.properties.read({ kind: "document", documentId: world.spreadsheet.id });
}

function callAs(world: World, user: typeof COLLEAGUE, name: string): unknown {
  const report = world.runtime.run(name, {
    kind: "scriptRun",
    spreadsheetId: world.spreadsheet.id,
    user,
    args: [{}],
  });
  expect(report.ok).toBe(true);
  return report.value;
}

it("deletes the records and log tabs, the shared key, the user's own key and schedule, and nothing else", async () => {
  const { world, groupId } = syncedAndScheduled();
  const rosterBefore = world.roster.displayValuesForHost();
  const membersBefore = await world.membersOf(groupId);
  const requestsBefore = await world.syncRequestCount();
  expect(world.spreadsheet.sheetByName(RECORDS_TAB)).not.toBeNull();
  expect(world.spreadsheet.sheetByName(LOG_TAB)).not.toBeNull();
  expect(Object.keys(documentProperties(world))).not.toEqual([]);
  expect(propertiesAbout(world, "hr@example.com")).not.toEqual([]);
  expect(world.runtime.triggers.list()).toHaveLength(1);

  const answer = world.call("removeAddonData", {});

  expect(answer.message).toContain("was removed");
  expect(world.spreadsheet.sheetByName(RECORDS_TAB)).toBeNull();
  expect(world.spreadsheet.sheetByName(LOG_TAB)).toBeNull();
  expect(documentProperties(world)).toEqual({});
  expect(propertiesAbout(world, "hr@example.com")).toEqual([]);
  expect(world.runtime.triggers.list()).toEqual([]);
  // The roster tab with its status columns, and Vitable, are as they were.
  expect(world.roster.displayValuesForHost()).toEqual(rosterBefore);
  expect([...world.statuses().values()].map((cells) => cells.status)).toEqual(["Added", "Added", "Added"]);
  expect(await world.membersOf(groupId)).toEqual(membersBefore);
  expect(await world.syncRequestCount()).toBe(requestsBefore);
  // The sidebar is back where it started.
  const state = world.call("getSidebarState", {});
  expect(state).toMatchObject({ connection: null, tab: { link: null, pending: null, lastSync: null }, history: [] });
  expect(state.schedule.frequency).toBeNull();
});

it("treats the next sync as a first sync: it asks before replacing the group's members", async () => {
  const { world, groupId } = syncedAndScheduled();
  world.call("removeAddonData", {});

  world.connect();
  world.call("linkTab", { sheetId: world.sheetId, groupId });
  const asked = world.call("startSync", { sheetId: world.sheetId, confirmation: null });

  expect(asked).toMatchObject({ state: "needsConfirmation", confirmations: [{ guard: "noLastAccepted" }] });
  expect(await world.membersOf(groupId)).toHaveLength(3);
});

it("is refused while a sync waits for Vitable's answer, which would otherwise be lost", async () => {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  world.firstSync();
  world.type(rosterOf(4));
  await sandbox.emulator.control.setProcessingDelay(TEN_MINUTES);
  expect(world.call("startSync", { sheetId: world.sheetId, confirmation: null }).state).toBe("pending");

  const refused = world.callRaw("removeAddonData", {});

  expect(refused).toEqual({
    ok: false,
    message: expect.stringContaining(`A sync of "${world.roster.name}" is still waiting for Vitable's answer`),
  });
  expect(world.spreadsheet.sheetByName(RECORDS_TAB)).not.toBeNull();
  expect(world.call("getSidebarState", {}).tab.pending).not.toBeNull();
});

it("leaves another user's schedule to delete itself at its next run, writing nothing and sending nothing", async () => {
  const { world, groupId } = syncedAndScheduled();
  const triggerId = world.scheduleTriggerId();
  const requestsBefore = await world.syncRequestCount();

  expect(callAs(world, COLLEAGUE, "removeAddonData")).toMatchObject({ ok: true });
  // The colleague cannot delete hr@example.com's trigger: it is still there.
  expect(world.runtime.triggers.list().map((trigger) => trigger.id)).toEqual([triggerId]);
  world.roster.typeRows(5, 1, [rosterOf(4)[4]!]);

  expect(world.runtime.fireTrigger(triggerId).ok).toBe(true);

  expect(world.runtime.triggers.list()).toEqual([]);
  expect(world.spreadsheet.sheetByName(LOG_TAB)).toBeNull();
  expect(world.spreadsheet.sheetByName(RECORDS_TAB)).toBeNull();
  expect(propertiesAbout(world, "hr@example.com")).toEqual([
    // hr@example.com's own key for the spreadsheet is theirs to remove.
    `vitable.connection.${world.spreadsheet.id}`,
  ]);
  expect(await world.syncRequestCount()).toBe(requestsBefore);
  expect(await world.membersOf(groupId)).toHaveLength(3);
  expect(world.runtime.mail.sent()).toEqual([]);
});

it("asks first from the menu, in the confirmation dialog, whose red button removes the data", () => {
  const { world } = syncedAndScheduled();
  world.runtime.open(world.spreadsheet.id);

  expect(world.runtime.clickMenuItem(world.spreadsheet.id, "Remove the add-on's data…").ok).toBe(true);

  const dialog = world.runtime.ui.dialog;
  expect(dialog).toMatchObject({ type: "modalDialog", title: "Remove the add-on's data" });
  const json = new RegExp(`<script type="application/json" id="${VIEW_ELEMENT_ID}">([^<]*)</script>`).exec(
    dialog!.content,
  )?.[1];
  expect(parseDialogView(json ?? "")).toEqual({ kind: "removeData" });
  // Nothing is removed until the red button is pressed.
  expect(world.spreadsheet.sheetByName(RECORDS_TAB)).not.toBeNull();

  const answer = world.runtime.scriptRun(world.spreadsheet.id, "removeAddonData", [{}]);

  expect(answer).toMatchObject({ ok: true, value: { ok: true } });
  expect(world.spreadsheet.sheetByName(RECORDS_TAB)).toBeNull();
});
