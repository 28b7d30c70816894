import { ROSTER_HEADER, rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/** Product invariants 2 and 3: large removals and empty or broken tabs never go out unasked. */

const sandbox = useAddonSandbox();

const LEAVERS = ["First3 Last3 (1003)", "First4 Last4 (1004)", "First5 Last5 (1005)"];

/** Five people synced, then the rows of people 3, 4 and 5 deleted: three removals reach the default brake. */
function worldWithThreeLeavers(): { world: World; groupId: string } {
  const world = new World(sandbox);
  world.type(rosterOf(5));
  const groupId = world.firstSync();
  world.roster.deleteRows(4, 3);
  return { world, groupId };
}

function scheduleDaily(world: World, emailOnProblem = false): void {
  world.call("setSchedule", { frequency: { kind: "daily", hour: 6 }, emailOnProblem });
}

describe("the removal brake", () => {
  it("makes a sidebar sync ask first, naming everyone it would remove, and sends nothing until confirmed", async () => {
    const { world, groupId } = worldWithThreeLeavers();
    const requestsBefore = await world.syncRequestCount();

    const asked = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(asked.state).toBe("needsConfirmation");
    if (asked.state !== "needsConfirmation") return;
    const [brake] = asked.confirmations;
    expect(asked.confirmations.map((confirmation) => confirmation.guard)).toEqual(["removalBrake"]);
    for (const person of LEAVERS) expect(brake!.message).toContain(person);
    expect(brake!.people).toEqual([
      { referenceId: "1003", name: "First3 Last3", reason: "Not in the tab" },
      { referenceId: "1004", name: "First4 Last4", reason: "Not in the tab" },
      { referenceId: "1005", name: "First5 Last5", reason: "Not in the tab" },
    ]);
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003", "1004", "1005"]);

    const confirmed = world.sync(["removalBrake"]);
    expect(confirmed.state).toBe("completed");
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002"]);
  });

  it("makes a menu sync ask in a dialog naming each person once; Cancel sends nothing, confirming syncs", async () => {
    const { world, groupId } = worldWithThreeLeavers();
    const requestsBefore = await world.syncRequestCount();

    expect(world.runMenu("syncActiveTab").ok).toBe(true);
    const view = world.menuDialog();
    expect(view.people).toEqual(LEAVERS.map((person) => ({ person, reason: "Not in the tab" })));
    expect(view.removing).toBe(3);
    // The sentence says how many and why; only the list names them.
    expect(view.sentences).toEqual([expect.stringContaining("would remove 3 people")]);
    for (const person of LEAVERS) expect(view.sentences.join(" ")).not.toContain(person);
    world.cancelMenuDialog();
    expect(world.runtime.ui.shown.filter((event) => event.type === "alert")).toEqual([]);
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toHaveLength(5);

    world.runMenu("syncActiveTab");
    expect(world.confirmMenuDialog()).toEqual({ state: "done", message: expect.stringContaining("3 removed") });
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002"]);
  });

  it("blocks a scheduled sync and logs why, without naming anyone", async () => {
    const { world, groupId } = worldWithThreeLeavers();
    scheduleDaily(world);
    const requestsBefore = await world.syncRequestCount();

    expect(world.runSchedule().ok).toBe(true);

    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toHaveLength(5);
    const logged = world.logEntries().at(-1)!;
    expect(logged).toMatchObject({ Outcome: "Blocked", "Started by": "Schedule (hr@example.com)" });
    expect(logged.Details).toContain("would remove 3 of the 5 people");
    expect(logged.Details).not.toMatch(/First\d|Last\d|100\d/);
    expect(world.call("getSidebarState", {}).schedule.lastRun?.outcome).toBe("blocked");
  });

  it("follows the tab's own brake: a higher limit lets the same removals through", async () => {
    const { world, groupId } = worldWithThreeLeavers();
    world.call("setBrake", { sheetId: world.sheetId, brake: { minimum: 4, percent: 10 } });

    const result = world.sync();
    expect(result.state).toBe("completed");
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002"]);
  });
});

describe("an empty tab", () => {
  function emptiedWorld(): { world: World; groupId: string } {
    const world = new World(sandbox);
    world.type(rosterOf(2));
    const groupId = world.firstSync();
    world.clearDataRows();
    return { world, groupId };
  }

  it("is sent from the sidebar only after REMOVE EVERYONE is typed", async () => {
    const { world, groupId } = emptiedWorld();
    const requestsBefore = await world.syncRequestCount();

    const asked = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(asked).toMatchObject({
      state: "needsConfirmation",
      confirmations: [{ guard: "emptyRoster", typedPhrase: "REMOVE EVERYONE" }],
    });
    const clicked = world.call("startSync", {
      sheetId: world.sheetId,
      confirmation: { token: asked.state === "needsConfirmation" ? asked.token : "", typedPhrase: "yes" },
    });
    expect(clicked.state).toBe("needsConfirmation");
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002"]);

    const typed = world.sync(["emptyRoster"], " remove  everyone ");
    expect(typed.state).toBe("completed");
    expect(await world.membersOf(groupId)).toEqual([]);
  });

  it("is sent from the menu's dialog only with REMOVE EVERYONE typed", async () => {
    const { world, groupId } = emptiedWorld();
    const requestsBefore = await world.syncRequestCount();

    world.runMenu("syncActiveTab");
    expect(world.menuDialog()).toMatchObject({
      typedPhrase: "REMOVE EVERYONE",
      removing: 2,
      sentences: [expect.stringContaining("type REMOVE EVERYONE")],
    });
    // The page checks the phrase before it sends; the server checks again.
    const wrong = world.confirmMenuDialog("REMOVE");
    expect(wrong).toMatchObject({ state: "askAgain", view: { changedSinceConfirmed: false } });
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002"]);

    expect(world.confirmMenuDialog("remove everyone").state).toBe("done");
    expect(await world.membersOf(groupId)).toEqual([]);
  });

  it("is never sent by a scheduled run", async () => {
    const { world, groupId } = emptiedWorld();
    scheduleDaily(world);
    const requestsBefore = await world.syncRequestCount();

    world.runSchedule();

    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002"]);
    expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Blocked" });
    expect(world.logEntries().at(-1)!.Details).toContain("no members to send");
  });
});

it("blocks a tab missing required columns, naming them, and sends nothing", async () => {
  const world = new World(sandbox);
  const withoutPhoneAndPlan = ROSTER_HEADER.filter((column) => column !== "Phone" && column !== "Plan");
  world.type([withoutPhoneAndPlan, withoutPhoneAndPlan.map((column) => (column === "Employee ID" ? "1001" : "x"))]);
  world.linkNewGroup();

  const validation = world.call("validateTab", { sheetId: world.sheetId });
  expect(validation.headerProblem).toMatch(/Phone/);
  expect(validation.headerProblem).toMatch(/Plan/);

  const result = world.call("startSync", {
    sheetId: world.sheetId,
    confirmation: { token: "any token", typedPhrase: "REMOVE EVERYONE" },
  });
  expect(result.state).toBe("blocked");
  if (result.state !== "blocked") return;
  expect(result.blocks.map((block) => block.guard)).toEqual(["rosterUnreadable"]);
  expect(result.message).toMatch(/Phone/);
  expect(result.message).toMatch(/Plan/);
  expect(await world.syncRequestCount()).toBe(0);
});

describe("the removal limit's bounds", () => {
  it.each([[{ minimum: 1_000_000_000, percent: 10 }], [{ minimum: 3, percent: 51 }], [{ minimum: 0, percent: 10 }]])(
    "refuses %j with a sentence, keeping the limit as it was",
    (brake) => {
      const world = new World(sandbox);
      world.type(rosterOf(3));
      world.linkNewGroup();
      const answer = world.callRaw("setBrake", { sheetId: world.sheetId, brake });
      expect(answer).toMatchObject({
        ok: false,
        message: expect.stringContaining(
          "The removal limit must be between 1 and 1,000 people and at most 50% of the group",
        ),
      });
      expect(world.call("getSidebarState", {}).tab.brake).toEqual({ minimum: 3, percent: 10 });
    },
  );
});
