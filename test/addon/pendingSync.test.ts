import { EXECUTION_LIMIT_MS } from "../../src/core/sync/pollSchedule";
import { rosterOf, startAddonSandbox, World, type AddonSandbox } from "./support/addonSandbox";

/**
 * Product invariant 7: a sync Vitable is still processing when the execution must stop is left
 * pending, with its request recorded, and a later execution finishes it.
 */

let sandbox: AddonSandbox;
beforeAll(async () => {
  sandbox = await startAddonSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.emulator.control.reset());

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Three people synced once, then two hires synced from the menu while Vitable takes ten minutes:
 * the menu's execution stops polling before Apps Script's limit and leaves the sync pending.
 */
async function menuSyncLeftPending(): Promise<{ world: World; groupId: string; requestId: string }> {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  const groupId = world.firstSync();
  world.type(rosterOf(5));
  await sandbox.emulator.control.setProcessingDelay(TEN_MINUTES);

  const report = world.runMenu("syncActiveTab");

  expect(report.ok).toBe(true);
  expect(report.timedOut).toBe(false);
  expect(report.elapsedMs).toBeGreaterThan(4 * 60 * 1000);
  expect(report.elapsedMs).toBeLessThan(EXECUTION_LIMIT_MS);
  expect(world.runtime.ui.shown.at(-1)).toMatchObject({
    type: "alert",
    prompt: expect.stringContaining("still processing"),
  });
  const pending = world.call("getSidebarState", {}).tab.pending;
  expect(pending).not.toBeNull();
  return { world, groupId, requestId: pending!.requestId };
}

function expectPendingRows(world: World): void {
  expect([...world.statuses().values()].map((cells) => cells.status)).toEqual(Array(5).fill("Pending"));
}

/** The pending sync's outcome was written back and logged under its request ID, and its record cleared. */
function expectFinished(world: World, requestId: string): void {
  expect(world.call("getSidebarState", {}).tab.pending).toBeNull();
  const logged = world.logEntries().filter((entry) => entry["Request ID"] === requestId);
  expect(logged.map((entry) => entry.Outcome)).toEqual(["Pending", "Completed"]);
  expect(logged[1]).toMatchObject({ Added: "2", Removed: "0", Failed: "0" });
}

function expectHiresAdded(world: World): void {
  const statuses = world.statusById();
  expect(["1001", "1002", "1003"].map((id) => statuses.get(id)?.status)).toEqual(["Synced", "Synced", "Synced"]);
  expect(["1004", "1005"].map((id) => statuses.get(id)?.status)).toEqual(["Added", "Added"]);
}

it("leaves a sync still processing at the execution limit pending, rows and record kept, and the sidebar's check finishes it", async () => {
  const { world, groupId, requestId } = await menuSyncLeftPending();
  expectPendingRows(world);
  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Pending", "Request ID": requestId, Added: "2" });
  expect(world.call("previewSync", { sheetId: world.sheetId }).pending?.requestId).toBe(requestId);

  // Too early: still processing, still recorded.
  world.clock.advance(60_000);
  expect(world.call("checkSync", { sheetId: world.sheetId })).toMatchObject({ state: "pending", requestId });
  expectPendingRows(world);

  world.clock.advance(TEN_MINUTES);
  const result = world.call("checkSync", { sheetId: world.sheetId });
  expect(result).toMatchObject({ state: "completed", requestId, counts: { added: 2 } });
  expectFinished(world, requestId);
  expectHiresAdded(world);
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003", "1004", "1005"]);
});

it("does not start a second sync from the sidebar while the first is still processing", async () => {
  const { world, requestId } = await menuSyncLeftPending();
  const requests = await world.syncRequestCount();

  const again = world.call("startSync", { sheetId: world.sheetId, confirmed: [], typedPhrase: null });

  expect(again).toMatchObject({ state: "pending", requestId, message: expect.stringContaining("cannot start yet") });
  expect(await world.syncRequestCount()).toBe(requests);
  expectPendingRows(world);
});

it("finishes a pending sync in the next menu sync before sending the tab again", async () => {
  const { world, requestId } = await menuSyncLeftPending();
  await sandbox.emulator.control.setProcessingDelay(1_000);
  world.clock.advance(TEN_MINUTES);

  world.runMenu("syncActiveTab");

  expectFinished(world, requestId);
  // Then the tab went out again, and that sync confirmed everyone.
  const [previous, latest] = world.logEntries().slice(-2);
  expect(previous).toMatchObject({ "Request ID": requestId, Outcome: "Completed" });
  expect(latest).toMatchObject({ Outcome: "Completed", Added: "0" });
  expect(latest!["Request ID"]).not.toBe(requestId);
  expect([...world.statuses().values()].map((cells) => cells.status)).toEqual(Array(5).fill("Synced"));
});

it("finishes a pending sync in the next scheduled run, which logs it", async () => {
  const { world, requestId } = await menuSyncLeftPending();
  world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: false });
  world.clock.advance(TEN_MINUTES);
  const requests = await world.syncRequestCount();

  expect(world.runSchedule().ok).toBe(true);

  expectFinished(world, requestId);
  expectHiresAdded(world);
  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Completed", "Request ID": requestId });
  // The tab now matches what Vitable holds, so nothing new is sent.
  expect(await world.syncRequestCount()).toBe(requests);
  // The run did sync a tab: the schedule says so rather than "nothing changed".
  expect(world.call("getSidebarState", {}).schedule.lastRun).toMatchObject({
    outcome: "completed",
    message: "1 tab synced.",
  });
});

it("leaves a scheduled sync still processing at the end of its run pending, and the next run finishes it", async () => {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  const groupId = world.firstSync();
  world.type(rosterOf(5));
  world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: true });
  await sandbox.emulator.control.setProcessingDelay(TEN_MINUTES);

  const first = world.runSchedule();

  expect(first.ok).toBe(true);
  expect(first.elapsedMs).toBeLessThan(EXECUTION_LIMIT_MS);
  expectPendingRows(world);
  const pending = world.call("getSidebarState", {});
  expect(pending.schedule.lastRun?.outcome).toBe("pending");
  const requestId = pending.tab.pending!.requestId;
  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Pending", "Request ID": requestId });
  // Pending is not a problem worth an email.
  expect(world.runtime.mail.sent()).toEqual([]);

  world.clock.advance(60 * 60 * 1000);
  world.runSchedule();

  expectFinished(world, requestId);
  expectHiresAdded(world);
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003", "1004", "1005"]);
});

it("keeps a sync that never completes pending across executions without losing it", async () => {
  const world = new World(sandbox);
  world.type(rosterOf(2));
  world.linkNewGroup();
  await sandbox.emulator.control.injectFault({ kind: "neverComplete" });

  world.runtime.ui.answerNext("YES");
  world.runMenu("syncActiveTab");
  const requestId = world.call("getSidebarState", {}).tab.pending?.requestId;
  expect(requestId).toMatch(/^grpmsr_/);
  for (let check = 0; check < 3; check++) {
    world.clock.advance(TEN_MINUTES);
    expect(world.call("checkSync", { sheetId: world.sheetId })).toMatchObject({ state: "pending", requestId });
  }
  expect([...world.statuses().values()].map((cells) => cells.status)).toEqual(["Pending", "Pending"]);
});
