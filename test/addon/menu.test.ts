import { personRow, ROSTER_HEADER, World, useAddonSandbox } from "./support/addonSandbox";

const sandbox = useAddonSandbox();

const CAPTIONS = [
  "Open sidebar",
  "Sync to Vitable",
  "Validate this tab",
  "Schedule syncs…",
  "Help",
  "Remove the add-on's data…",
];

describe("the add-on menu", () => {
  it("is built under Extensions in AuthMode.NONE, with every item calling an entry point", () => {
    const world = new World(sandbox);
    const report = world.runtime.open(world.spreadsheet.id, "NONE");
    expect(report.error).toBeNull();
    const menu = world.runtime.ui.addonMenu();
    expect(menu?.addon).toBe(true);
    const items = menu?.entries.flatMap((entry) => (entry.type === "item" ? [entry] : [])) ?? [];
    expect(items.map((item) => item.caption)).toEqual(CAPTIONS);
    // Removing the add-on's data is set apart from the everyday items.
    expect(menu?.entries.at(-2)).toEqual({ type: "separator" });
    expect(report.counts.urlFetches).toBe(0);
  });

  it("appears at once when the add-on is installed", () => {
    const world = new World(sandbox);
    expect(world.runtime.install(world.spreadsheet.id).error).toBeNull();
    const entries = world.runtime.ui.addonMenu()?.entries ?? [];
    expect(entries.flatMap((entry) => (entry.type === "item" ? [entry.caption] : []))).toEqual(CAPTIONS);
  });

  it("opens the sidebar built from dist/Sidebar.html", () => {
    const world = new World(sandbox);
    world.runtime.open(world.spreadsheet.id);
    const report = world.runtime.clickMenuItem(world.spreadsheet.id, "Open sidebar");
    expect(report.error).toBeNull();
    expect(world.runtime.ui.sidebar?.title).toBe("Vitable Roster Sync");
    expect(world.runtime.ui.sidebar?.content).toContain("<script");
  });

  it("validates the active tab and sums it up in an alert naming the problem rows", () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1), personRow(2, { ZIP: "ABCDE" })]);
    world.connect();
    world.runtime.open(world.spreadsheet.id);
    const report = world.runtime.clickMenuItem(world.spreadsheet.id, "Validate this tab");
    expect(report.error).toBeNull();
    const alert = world.runtime.ui.shown.find((event) => event.type === "alert");
    expect(alert && "prompt" in alert ? alert.prompt : "").toMatch(/1 ready, 1 invalid[\s\S]*Row 3: ZIP/);
    expect(world.statuses().get(3)?.status).toBe("Invalid");
  });

  it("syncs the active tab from the menu without asking when nothing is at risk, with toasts and a final alert", () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1), personRow(2)]);
    world.linkNewGroup();
    world.runtime.open(world.spreadsheet.id);
    const report = world.runtime.clickMenuItem(world.spreadsheet.id, "Sync to Vitable");
    expect(report.error).toBeNull();
    expect(world.runtime.ui.dialog).toBeNull();
    expect(world.runtime.ui.toasts().length).toBeGreaterThan(0);
    expect(world.runtime.ui.shown.at(-1)).toMatchObject({ type: "alert", prompt: expect.stringMatching(/2 added/) });
    expect([...world.statuses().values()].map((cells) => cells.status)).toEqual(["Added", "Added"]);
  });
});

describe("the menu sync's confirmation dialog", () => {
  it("opens from dist/ConfirmDialog.html for a group created elsewhere, and the menu's execution ends", async () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1), personRow(2)]);
    const groupId = await world.linkGroupCreatedElsewhere();
    world.runtime.open(world.spreadsheet.id);

    const report = world.runtime.clickMenuItem(world.spreadsheet.id, "Sync to Vitable");

    expect(report.error).toBeNull();
    const dialog = world.runtime.ui.dialog!;
    expect(dialog).toMatchObject({ type: "modalDialog", title: "Vitable Roster Sync: confirm", width: 520 });
    expect(dialog.height).toBeGreaterThan(200);
    expect(dialog.content).toMatch(/^<!DOCTYPE html>/);
    expect(dialog.content).toContain("<script>");
    expect(world.menuDialog()).toMatchObject({
      sheetId: world.sheetId,
      tabName: "Sheet1",
      changedSinceConfirmed: false,
      sentences: [expect.stringContaining("There is no record of an earlier sync")],
      people: [],
      removing: 0,
      typedPhrase: null,
    });
    // Nothing was asked through an alert, and nothing was sent.
    expect(world.runtime.ui.shown.filter((event) => event.type === "alert")).toEqual([]);
    expect(await world.membersOf(groupId)).toEqual([]);
  });

  it("sends nothing on Cancel", async () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1), personRow(2)]);
    const groupId = await world.linkGroupCreatedElsewhere();
    const requestsBefore = await world.syncRequestCount();

    world.runMenu("syncActiveTab");
    world.cancelMenuDialog();

    expect(world.runtime.ui.dialog).toBeNull();
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toEqual([]);
  });

  it("syncs when confirmed, with the sync's toasts, and shows the outcome in the dialog", async () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1), personRow(2)]);
    const groupId = await world.linkGroupCreatedElsewhere();
    world.runMenu("syncActiveTab");
    const toastsBefore = world.runtime.ui.toasts().length;

    const answer = world.confirmMenuDialog();

    expect(answer).toEqual({ state: "done", message: expect.stringMatching(/2 added/) });
    expect(world.runtime.ui.toasts().length).toBeGreaterThan(toastsBefore);
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002"]);
    expect([...world.statuses().values()].map((cells) => cells.status)).toEqual(["Added", "Added"]);
  });

  it("answers a confirmation it cannot read with a sentence, sending nothing", async () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1)]);
    await world.linkGroupCreatedElsewhere();
    const requestsBefore = await world.syncRequestCount();

    const result = world.runtime.scriptRun(world.spreadsheet.id, "confirmMenuSync", [{ sheetId: "Sheet1" }]);

    expect(result).toEqual({
      ok: true,
      value: { state: "done", message: expect.stringContaining("nothing was sent") },
    });
    expect(await world.syncRequestCount()).toBe(requestsBefore);
  });

  it("refuses a token that was never shown: the dialog asks about what the sync would do now", async () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1)]);
    await world.linkGroupCreatedElsewhere();
    const requestsBefore = await world.syncRequestCount();

    const result = world.runtime.scriptRun(world.spreadsheet.id, "confirmMenuSync", [
      { sheetId: world.sheetId, token: "forged", typedPhrase: null },
    ]);

    expect(result).toMatchObject({ ok: true, value: { state: "askAgain", view: { changedSinceConfirmed: true } } });
    expect(await world.syncRequestCount()).toBe(requestsBefore);
  });
});
