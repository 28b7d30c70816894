import { EXECUTION_LIMIT_MS } from "../../src/core/sync/pollSchedule";
import { rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * Product invariant 7: a sync Vitable is still processing when the execution must stop is left
 * pending, with its request recorded, and a later execution finishes it. The fault matrix
 * (faultMatrix/) covers the sidebar's check finishing it, the scheduled run left pending and a
 * sync that never completes; these are the other ways a later execution finishes it.
 */

const sandbox = useAddonSandbox();

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Three people synced once, then two hires synced from the menu while Vitable takes ten minutes:
 * the menu's execution stops polling before Apps Script's limit and leaves the sync pending.
 */
async function menuSyncLeftPending(): Promise<{ world: World; requestId: string }> {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  world.firstSync();
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
  return { world, requestId: pending!.requestId };
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

it("does not start a second sync from the sidebar while the first is still processing", async () => {
  const { world, requestId } = await menuSyncLeftPending();
  const requests = await world.syncRequestCount();

  const again = world.call("startSync", { sheetId: world.sheetId, confirmation: null });

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
