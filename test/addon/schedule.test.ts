import { personRow, rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/** Scheduled syncs (product.md §5 "Schedule"): one trigger, no call for an unchanged tab, problems emailed on request. */

const sandbox = useAddonSandbox();

const DAY_MS = 24 * 60 * 60 * 1000;

/** Three people synced by hand, then a schedule set up by the same user. */
function scheduledWorld(emailOnProblem: boolean): { world: World; groupId: string } {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  const groupId = world.firstSync();
  world.call("setSchedule", { frequency: { kind: "daily", hour: 6 }, emailOnProblem });
  return { world, groupId };
}

function newYorkHourOf(iso: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone: "America/New_York",
    hour: "numeric",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(iso));
}

it("creates one trigger for the spreadsheet, replaced rather than added to when the schedule changes", () => {
  const { world } = scheduledWorld(false);
  const [trigger] = world.runtime.triggers.list();
  expect(world.runtime.triggers.list()).toHaveLength(1);
  expect(trigger).toMatchObject({ handlerFunction: "runScheduledSync", createdBy: "hr@example.com" });

  const view = world.call("setSchedule", { frequency: { kind: "hours", every: 6 }, emailOnProblem: true });

  expect(world.runtime.triggers.list()).toHaveLength(1);
  expect(world.scheduleTriggerId()).not.toBe(trigger!.id);
  expect(view).toMatchObject({
    description: "Every 6 hours",
    runsAs: "hr@example.com",
    ownedByYou: true,
    emailOnProblem: true,
  });

  const ownerCopies = () =>
    Object.keys(world.runtime.properties.read({ kind: "user", email: "hr@example.com" })).filter((key) =>
      key.startsWith("vitable.scheduleRecordsSecret."),
    );
  expect(ownerCopies()).toEqual([`vitable.scheduleRecordsSecret.${world.spreadsheet.id}`]);

  expect(world.call("clearSchedule", {})).toMatchObject({ frequency: null, runsAs: null });
  expect(world.runtime.triggers.list()).toHaveLength(0);
  // The copy of the records' secret the trigger needed goes with it.
  expect(ownerCopies()).toEqual([]);
});

it("makes no call to Vitable when the tab has not changed since the last sync", async () => {
  const { world } = scheduledWorld(false);
  const requests = await world.syncRequestCount();

  const report = world.runSchedule();

  expect(report.ok).toBe(true);
  expect(report.counts.urlFetches).toBe(0);
  expect(await world.syncRequestCount()).toBe(requests);
  expect(world.call("getSidebarState", {}).schedule.lastRun).toMatchObject({ outcome: "unchanged" });
});

it("syncs a changed tab without anyone present, opening the spreadsheet by ID, and logs it", async () => {
  const { world, groupId } = scheduledWorld(false);
  world.roster.typeRows(5, 1, [personRow(4)]);

  const report = world.runSchedule();

  expect(report.ok).toBe(true);
  expect(report.kind).toBe("trigger");
  expect(report.counts.urlFetches).toBeGreaterThan(0);
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003", "1004"]);
  expect(world.statusById().get("1004")?.status).toBe("Added");
  expect(world.statusById().get("1001")?.status).toBe("Synced");
  expect(world.logEntries().at(-1)).toMatchObject({
    Outcome: "Completed",
    "Started by": "Schedule (hr@example.com)",
    Added: "1",
  });
});

it("shows who the schedule runs as, its last run and its next run in the sidebar, to everyone", () => {
  const { world } = scheduledWorld(false);
  const before = world.call("getSidebarState", {}).schedule;
  expect(before).toMatchObject({
    frequency: { kind: "daily", hour: 6 },
    description: "Daily at 6 am",
    runsAs: "hr@example.com",
    ownedByYou: true,
    lastRun: null,
  });
  expect(newYorkHourOf(before.nextRun!)).toBe("06:00");

  world.roster.typeRows(5, 1, [personRow(4)]);
  world.clock.advance(DAY_MS);
  const ranAt = world.clock.now();
  world.runSchedule();

  const after = world.call("getSidebarState", {}).schedule;
  expect(after.lastRun).toEqual({ at: new Date(ranAt).toISOString(), outcome: "completed", message: "1 tab synced." });
  expect(Date.parse(after.nextRun!)).toBeGreaterThan(world.clock.now());
  expect(Date.parse(after.nextRun!)).toBeLessThanOrEqual(world.clock.now() + DAY_MS);
  expect(newYorkHourOf(after.nextRun!)).toBe("06:00");

  // A colleague opening the sidebar sees the same schedule, which is not theirs to change.
  const colleague = world.runtime.run("getSidebarState", {
    kind: "scriptRun",
    spreadsheetId: world.spreadsheet.id,
    user: { email: "colleague@example.com", locale: "en_US", timeZone: "America/New_York" },
    args: [{}],
  });
  expect(colleague.value).toMatchObject({
    ok: true,
    value: { schedule: { runsAs: "hr@example.com", ownedByYou: false, lastRun: { outcome: "completed" } } },
  });
});

describe("a scheduled run that is blocked", () => {
  function blockedRun(emailOnProblem: boolean): World {
    const { world } = scheduledWorld(emailOnProblem);
    world.clearDataRows();
    world.runSchedule();
    expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Blocked" });
    return world;
  }

  it("emails the schedule's owner when they asked for it, naming no member", () => {
    const world = blockedRun(true);

    const mail = world.runtime.mail.sent();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ to: "hr@example.com", subject: expect.stringContaining("was blocked") });
    expect(mail[0]!.body).toContain("no members to send");
    expect(mail[0]!.body).toContain(world.spreadsheet.url);
    expect(mail[0]!.body).not.toMatch(/First\d|Last\d|person\d@/);
  });

  it("sends no email when the owner did not ask for one", () => {
    const world = blockedRun(false);

    expect(world.runtime.mail.sent()).toEqual([]);
  });
});

it("sends no email for a run that went well, even when problem emails are on", () => {
  const { world } = scheduledWorld(true);
  world.roster.typeRows(5, 1, [personRow(4)]);

  world.runSchedule();

  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Completed" });
  expect(world.runtime.mail.sent()).toEqual([]);
});

describe("a roster Vitable keeps failing one member of", () => {
  const HOUR_MS = 60 * 60 * 1000;

  /** Person 4 already has a subscription elsewhere: Vitable refuses to add them every time. */
  function refusedMemberWorld(): World {
    const { world } = scheduledWorld(false);
    world.roster.typeRows(5, 1, [personRow(4, { Email: "person4@other-org.example" })]);
    return world;
  }

  it("is sent once by the schedule, then left alone with no new log row until a row changes", async () => {
    const world = refusedMemberWorld();
    const before = await world.syncRequestCount();

    world.runSchedule();
    expect(await world.syncRequestCount()).toBe(before + 1);
    expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Completed", Failed: "1" });
    expect(world.statusById().get("1004")?.status).toBe("Failed");
    const logRows = world.logEntries().length;

    for (let run = 0; run < 2; run++) {
      world.clock.advance(HOUR_MS);
      const report = world.runSchedule();
      expect(report.ok).toBe(true);
      expect(report.counts.urlFetches).toBe(0);
    }
    expect(await world.syncRequestCount()).toBe(before + 1);
    expect(world.logEntries()).toHaveLength(logRows);
    expect(world.call("getSidebarState", {}).schedule.lastRun).toMatchObject({
      outcome: "unchanged",
      message: expect.stringContaining("Unchanged since the last attempt"),
    });

    // Any edit of a row that is sent, here someone else's, makes the next run send the roster again.
    world.roster.typeRows(3, 9, [["Cambridge"]]);
    world.clock.advance(HOUR_MS);
    world.runSchedule();
    expect(await world.syncRequestCount()).toBe(before + 2);
    expect(world.logEntries()).toHaveLength(logRows + 1);
  });

  it("is still sent by a sync started by hand", async () => {
    const world = refusedMemberWorld();
    world.runSchedule();
    const before = await world.syncRequestCount();

    const result = world.sync();

    expect(result).toMatchObject({ state: "completed" });
    expect(await world.syncRequestCount()).toBe(before + 1);
  });
});
