import { personRow, rosterOf, ROSTER_HEADER, World, useAddonSandbox } from "./support/addonSandbox";

const sandbox = useAddonSandbox();

function scheduleHourly(world: World): void {
  world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: false });
}

describe("a first sync to a group created elsewhere", () => {
  it("validates, previews and syncs a tab through the sidebar, asking first, writing each row's outcome back", async () => {
    const world = new World(sandbox);
    world.type([ROSTER_HEADER, personRow(1), personRow(2, { Phone: "555" }), personRow(3)]);
    const groupId = await world.linkGroupCreatedElsewhere();

    const validation = world.call("validateTab", { sheetId: world.sheetId });
    expect(validation.summary).toEqual({ ready: 2, invalid: 1, excluded: 0, blank: 0, duplicates: 0 });
    expect(world.statuses().get(3)?.status).toBe("Invalid");

    const preview = world.call("previewSync", { sheetId: world.sheetId });
    expect(preview.counts.added).toBe(2);
    expect(preview.decision.kind).toBe("confirm");

    const first = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(first.state === "needsConfirmation" && first.confirmations.map((c) => c.guard)).toEqual(["noLastAccepted"]);
    const confirmed = world.call("startSync", {
      sheetId: world.sheetId,
      confirmation: world.confirmation(),
    });
    let result = confirmed;
    for (let i = 0; i < 5 && result.state === "pending"; i++) {
      world.clock.advance(5_000);
      result = world.call("checkSync", { sheetId: world.sheetId });
    }
    expect(result.state).toBe("completed");
    const statuses = world.statuses();
    expect(statuses.get(2)?.status).toBe("Added");
    expect(statuses.get(3)?.status).toBe("Invalid");
    expect(statuses.get(4)?.status).toBe("Added");
    const state = await sandbox.emulator.control.state();
    expect(JSON.stringify(state)).toContain(groupId);
  });

  it("is blocked when the schedule runs it, sending nothing", async () => {
    const world = new World(sandbox);
    world.type(rosterOf(3));
    await world.linkGroupCreatedElsewhere();
    scheduleHourly(world);

    world.runSchedule();

    expect(world.logEntries().map((entry) => entry.Outcome)).toEqual(["Blocked"]);
    expect(await world.syncRequestCount()).toBe(0);
  });
});

describe("a first sync to a group the add-on created", () => {
  it("is previewed and sent from the sidebar without a question: the group is known to hold nobody", async () => {
    const world = new World(sandbox);
    world.type(rosterOf(3));
    const groupId = world.linkNewGroup();

    const preview = world.call("previewSync", { sheetId: world.sheetId });
    expect(preview.decision).toEqual({ kind: "proceed" });
    expect(preview.counts).toMatchObject({ added: 3, removed: 0 });
    // Nothing was ever synced to it, so there is no earlier sync to compare with either.
    expect(preview.hasLastAccepted).toBe(false);

    expect(world.sync()).toMatchObject({ state: "completed", counts: { added: 3, removed: 0 } });
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
  });

  it("is sent from the menu without a dialog before the final alert", () => {
    const world = new World(sandbox);
    world.type(rosterOf(2));
    world.linkNewGroup();
    world.runtime.open(world.spreadsheet.id);

    // Any question would find no scripted answer and fail the execution.
    expect(world.runtime.clickMenuItem(world.spreadsheet.id, "Sync to Vitable").error).toBeNull();
    expect(world.runtime.ui.shown.filter((event) => event.type === "alert")).toHaveLength(1);
    expect([...world.statuses().values()].map((cells) => cells.status)).toEqual(["Added", "Added"]);
  });

  it("is not blocked when the schedule runs it", async () => {
    const world = new World(sandbox);
    world.type(rosterOf(3));
    const groupId = world.linkNewGroup();
    scheduleHourly(world);

    world.runSchedule();

    expect(world.logEntries().map((entry) => entry.Outcome)).toEqual(["Completed"]);
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
  });

  it("is the last one taken as empty: once it completed, an emptied tab and a tab linked afresh are asked first", async () => {
    const world = new World(sandbox);
    world.type(rosterOf(3));
    const groupId = world.linkNewGroup();
    expect(world.sync().state).toBe("completed");

    world.clearDataRows();
    const emptied = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(emptied.state === "needsConfirmation" && emptied.confirmations.map((c) => c.guard)).toEqual(["emptyRoster"]);

    // The group now holds the first tab's people, whom a tab linked to it afresh knows nothing about.
    world.call("unlinkTab", { sheetId: world.sheetId });
    const other = world.spreadsheet.addSheet("New roster", 1);
    world.spreadsheet.select(other, null);
    world.type([ROSTER_HEADER, personRow(1)]);
    world.call("linkTab", { sheetId: world.sheetId, groupId });
    const relinked = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(relinked.state === "needsConfirmation" && relinked.confirmations.map((c) => c.guard)).toEqual([
      "noLastAccepted",
    ]);
    scheduleHourly(world);
    world.runSchedule();
    expect(world.logEntries().at(-1)?.Outcome).toBe("Blocked");
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
  });
});
