import type { ExecutionReport } from "../../sandbox/runtime/runtime";
import { rosterOf, startAddonSandbox, World, type AddonSandbox } from "./support/addonSandbox";
import { CallFaults, endExecution } from "./support/callFaults";
import { STARTUP_TIMEOUT_MS } from "../support/startupTimeout";

/**
 * Product invariant 7, "every request_id is recorded before polling starts": Apps Script ends the
 * execution at the very first status check of a sync Vitable is still processing, and a later
 * execution still finds that sync and writes its real outcome. Had the pending record been saved
 * only after polling, nothing would remember the sync: its rows would say Pending for good, its
 * outcome would never be logged, and the tab would be sent again.
 */

let sandbox: AddonSandbox;
// Builds the bundle and spawns the emulator: slow on a loaded machine.
beforeAll(async () => {
  sandbox = await startAddonSandbox();
}, STARTUP_TIMEOUT_MS);
afterAll(() => sandbox.close());
beforeEach(() => sandbox.emulator.control.reset());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A status check of a member sync: GET /v1/groups/{group}/members/sync/{request}. */
const STATUS_CHECK = { service: "UrlFetchApp", method: "fetch", target: /^GET \S+\/members\/sync\/[^/?]+$/ };
const MEMBERS_ALREADY = ["1001", "1002", "1003"];
const HIRES = ["1004", "1005"];

type StoppedFlow = "sidebar sync" | "menu sync" | "scheduled run";

interface StoppedSync {
  world: World;
  groupId: string;
  /** The sync Vitable accepted from the stopped execution. */
  requestId: string;
  /** How many member syncs Vitable had accepted once the stopped execution ended. */
  syncRequests: number;
}

function statusesOf(world: World, ids: readonly string[]): string[] {
  const byId = world.statusById();
  return ids.map((id) => byId.get(id)?.status ?? "(no row)");
}

function run(world: World, flow: StoppedFlow): ExecutionReport {
  switch (flow) {
    case "sidebar sync":
      // The execution ends before it answers: the sidebar only gets Apps Script's error.
      expect(() => world.sync()).toThrow(/Exceeded maximum execution time/);
      return world.lastReport;
    case "menu sync":
      return world.runMenu("syncActiveTab");
    case "scheduled run":
      return world.runSchedule();
  }
}

/**
 * Three people synced once, then two hires sent by `flow` while Vitable takes a minute; Apps
 * Script ends that execution at its first status check, before anything else can be recorded.
 */
async function syncStoppedAtFirstStatusCheck(flow: StoppedFlow): Promise<StoppedSync> {
  const faults = new CallFaults();
  const world = new World(sandbox, { beforeCall: faults.beforeCall });
  world.type(rosterOf(3));
  const groupId = world.firstSync();
  world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: false });
  world.type(rosterOf(5));
  await sandbox.emulator.control.setProcessingDelay(MINUTE);
  const before = await world.syncRequestCount();

  const stop = faults.once(STATUS_CHECK, endExecution);
  const report = run(world, flow);

  expect(stop.struck).toBe(true);
  expect(report.timedOut).toBe(true);
  const accepted = (await sandbox.emulator.control.state()).syncRequests.slice(before);
  expect(accepted).toHaveLength(1);
  // The record remembers the sync. Its rows are written once, with its outcome, so an execution
  // ended without warning leaves them as they were; one that stops waiting writes them Pending.
  expect(world.call("getSidebarState", {}).tab.pending).toMatchObject({ requestId: accepted[0]!.request_id });
  expect(statusesOf(world, HIRES)).not.toContain("Pending");
  // Vitable finishes processing while no execution runs.
  world.clock.advance(2 * MINUTE);
  return { world, groupId, requestId: accepted[0]!.request_id, syncRequests: before + 1 };
}

/** The stopped sync's outcome reached the log under its own request ID, and nothing is pending any more. */
function expectOutcomeRecorded({ world, requestId }: StoppedSync): void {
  const logged = world.logEntries().filter((entry) => entry["Request ID"] === requestId);
  expect(logged.map((entry) => entry.Outcome)).toEqual(["Completed"]);
  expect(logged[0]).toMatchObject({ Added: "2", Removed: "0", Failed: "0" });
  expect(world.call("getSidebarState", {}).tab.pending).toBeNull();
}

it("a sidebar sync stopped at its first status check is finished by the sidebar's next check", async () => {
  const stopped = await syncStoppedAtFirstStatusCheck("sidebar sync");
  const { world, requestId } = stopped;

  const check = world.call("checkSync", { sheetId: world.sheetId });

  expect(check).toMatchObject({ state: "completed", requestId, counts: { added: 2, removed: 0, failed: 0 } });
  expect(statusesOf(world, MEMBERS_ALREADY)).toEqual(["Synced", "Synced", "Synced"]);
  expect(statusesOf(world, HIRES)).toEqual(["Added", "Added"]);
  expectOutcomeRecorded(stopped);
  // Finished, not sent again.
  expect(await world.syncRequestCount()).toBe(stopped.syncRequests);
  expect(await world.membersOf(stopped.groupId)).toEqual([...MEMBERS_ALREADY, ...HIRES]);
});

it("a scheduled run stopped at its first status check is finished by the next run, which sends nothing again", async () => {
  const stopped = await syncStoppedAtFirstStatusCheck("scheduled run");
  const { world } = stopped;
  world.clock.advance(HOUR);

  expect(world.runSchedule().ok).toBe(true);

  expect(statusesOf(world, MEMBERS_ALREADY)).toEqual(["Synced", "Synced", "Synced"]);
  expect(statusesOf(world, HIRES)).toEqual(["Added", "Added"]);
  expectOutcomeRecorded(stopped);
  // The tab now matches what Vitable holds: the roster is not sent a second time.
  expect(await world.syncRequestCount()).toBe(stopped.syncRequests);
  expect(world.call("getSidebarState", {}).schedule.lastRun).toMatchObject({ outcome: "completed" });
});

it("a menu sync stopped at its first status check is finished by the next sync before the tab goes out again", async () => {
  const stopped = await syncStoppedAtFirstStatusCheck("menu sync");
  const { world, requestId } = stopped;

  const result = world.sync();

  expectOutcomeRecorded(stopped);
  // The new sync came after the stopped one was finished, so it found the hires already in the group.
  expect(result).toMatchObject({ state: "completed", counts: { added: 0, removed: 0, failed: 0 } });
  expect(result.state === "completed" && result.requestId).not.toBe(requestId);
  expect(statusesOf(world, [...MEMBERS_ALREADY, ...HIRES])).toEqual(Array(5).fill("Synced"));
  expect(await world.syncRequestCount()).toBe(stopped.syncRequests + 1);
});
