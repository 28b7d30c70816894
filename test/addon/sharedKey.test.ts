import {
  LOG_TAB,
  personRow,
  rosterOf,
  SANDBOX_KEY,
  World,
  useAddonSandbox,
  COLLEAGUE,
  SHARED_CONNECT,
} from "./support/addonSandbox";

/**
 * A key shared with everyone who edits the spreadsheet: who connected it is kept, and
 * disconnecting it stops every schedule at once, although a schedule keeps its own copy of the
 * key in its owner's properties, which nobody else can clear.
 */

const sandbox = useAddonSandbox();

/** Three people synced on a key shared with every editor, and a daily schedule set by hr@example.com. */
function scheduledOnSharedKey(): { world: World; groupId: string } {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  world.call("connect", SHARED_CONNECT);
  const group = world.call("createGroup", { name: "Acme Tier 1", externalReferenceId: "acme-tier-1" });
  world.call("linkTab", { sheetId: world.sheetId, groupId: group.id });
  expect(world.sync().state).toBe("completed");
  world.call("setSchedule", { frequency: { kind: "daily", hour: 6 }, emailOnProblem: true });
  return { world, groupId: group.id };
}

function colleagueCalls(world: World, name: string, request: unknown): unknown {
  const report = world.runtime.run(name, {
    kind: "scriptRun",
    spreadsheetId: world.spreadsheet.id,
    user: COLLEAGUE,
    args: [request],
  });
  expect(report.ok).toBe(true);
  return report.value;
}

it("runs the schedule on its copy of the shared key while that key stays connected", async () => {
  const { world, groupId } = scheduledOnSharedKey();
  world.roster.typeRows(5, 1, [personRow(4)]);

  expect(world.runSchedule().ok).toBe(true);

  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Completed" });
  expect(await world.membersOf(groupId)).toHaveLength(4);
});

/** The scheduled run sent nothing and changed nobody, and said why in the log and the email. */
async function expectRunStopped(world: World, groupId: string, requestsBefore: number, why: string): Promise<void> {
  expect(world.runSchedule().ok).toBe(true);

  expect(await world.syncRequestCount()).toBe(requestsBefore);
  expect(await world.membersOf(groupId)).toHaveLength(3);
  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Failed", Details: expect.stringContaining(why) });
  expect(world.runtime.mail.sent().at(-1)?.body).toContain(why);
}

it("stops the schedule once a colleague disconnects the shared key, logging and emailing why", async () => {
  const { world, groupId } = scheduledOnSharedKey();
  expect(colleagueCalls(world, "disconnect", {})).toEqual({ ok: true, value: {} });
  world.roster.typeRows(5, 1, [personRow(4)]);
  const requestsBefore = await world.syncRequestCount();

  await expectRunStopped(
    world,
    groupId,
    requestsBefore,
    "the Vitable key it used has been disconnected from this spreadsheet",
  );
});

it("stops the schedule when a colleague connects another shared key in its place", async () => {
  const { world, groupId } = scheduledOnSharedKey();
  colleagueCalls(world, "connect", SHARED_CONNECT);
  world.roster.typeRows(5, 1, [personRow(4)]);

  expect(world.runSchedule().ok).toBe(true);

  expect(await world.membersOf(groupId)).toHaveLength(3);
  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Failed" });
});

it("says the owner must approve new permissions when an update added one, instead of failing silently", async () => {
  const { world, groupId } = scheduledOnSharedKey();
  world.roster.typeRows(5, 1, [personRow(4)]);
  // An update of the add-on asks for a scope the owner has not approved yet.
  world.runtime.revokeScope("https://www.googleapis.com/auth/script.external_request");
  const requestsBefore = await world.syncRequestCount();

  await expectRunStopped(world, groupId, requestsBefore, "needs a permission you have not approved yet");
});

describe("sharing a key with every editor", () => {
  it("is refused without the acknowledgement that every editor can use it, and nothing is saved", () => {
    const world = new World(sandbox);
    world.type(rosterOf(1));

    const refused = world.callRaw("connect", { apiKey: SANDBOX_KEY, environment: "uat", scope: "document" });

    expect(refused).toEqual({ ok: false, message: expect.stringContaining("Tick the box") });
    expect(world.call("getSidebarState", {}).connection).toBeNull();
    expect(world.spreadsheet.sheetByName(LOG_TAB)).toBeNull();
  });

  it("logs connecting, replacing and disconnecting a shared key with who did it, and no part of the key", () => {
    const world = new World(sandbox);
    world.type(rosterOf(1));
    world.call("connect", SHARED_CONNECT);
    colleagueCalls(world, "connect", { ...SHARED_CONNECT, environment: "production" });
    colleagueCalls(world, "disconnect", {});

    const rows = world.logEntries();
    expect(rows.map((row) => [row["Started by"], row.Outcome, row.Details])).toEqual([
      ["hr@example.com", "Setting changed", expect.stringMatching(/^Connected a Vitable key \(Test environment/)],
      [COLLEAGUE.email, "Setting changed", expect.stringMatching(/^Replaced the Vitable key .*\(Production\)/)],
      [COLLEAGUE.email, "Setting changed", expect.stringMatching(/^Disconnected the Vitable key/)],
    ]);
    for (const row of rows) {
      expect(row).toMatchObject({ Added: "0", Removed: "0", "Request ID": "" });
      expect(JSON.stringify(row)).not.toContain(SANDBOX_KEY.slice(-4));
    }
  });

  it("does not log a key saved for oneself only", () => {
    const world = new World(sandbox);
    world.type(rosterOf(1));
    world.connect();
    world.call("disconnect", {});

    expect(world.logEntries()).toEqual([]);
  });
});

describe("the removal limit", () => {
  it("logs every change from what to what, with who made it, and nothing when it stays the same", () => {
    const world = new World(sandbox);
    world.type(rosterOf(3));
    world.linkNewGroup();
    world.call("setBrake", { sheetId: world.sheetId, brake: { minimum: 3, percent: 10 } });
    colleagueCalls(world, "setBrake", { sheetId: world.sheetId, brake: { minimum: 50, percent: 40 } });

    expect(world.logEntries()).toEqual([
      expect.objectContaining({
        Tab: world.roster.name,
        Group: "Acme Tier 1",
        "Started by": COLLEAGUE.email,
        Outcome: "Setting changed",
        Details: "Changed the removal limit of this tab from 3+ people or 10% to 50+ people or 40%.",
      }),
    ]);
  });
});
