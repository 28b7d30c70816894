import type { SyncResultView } from "../../src/shared/bridge";
import { personRow, rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * Product invariant 6: one sync per spreadsheet at a time; a second attempt is told so, not
 * queued. The fault matrix (faultMatrix/) covers a sidebar or menu sync while another execution
 * holds the document lock; here a scheduled run, which may have no document lock, is the other.
 */

const sandbox = useAddonSandbox();

const ALREADY_RUNNING = /a sync is already running/i;

it("tells a sidebar sync started while a scheduled sync runs that a sync is already running", async () => {
  let duringSchedule: SyncResultView | undefined;
  let checkDuringSchedule: SyncResultView | undefined;
  const world: World = new World(sandbox, {
    // The user clicks Sync in the sidebar the moment the scheduled run first calls Vitable.
    beforeCall: (call, execution) => {
      if (execution.kind !== "trigger" || call.service !== "UrlFetchApp" || duringSchedule !== undefined) return;
      duringSchedule = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
      checkDuringSchedule = world.call("checkSync", { sheetId: world.sheetId });
    },
  });
  world.type(rosterOf(2));
  const groupId = world.firstSync();
  world.roster.typeRows(4, 1, [personRow(3)]);
  world.call("setSchedule", { frequency: { kind: "hours", every: 4 }, emailOnProblem: false });
  const requests = await world.syncRequestCount();

  expect(world.runSchedule().ok).toBe(true);

  expect(duringSchedule).toEqual({ state: "failed", message: expect.stringMatching(ALREADY_RUNNING) });
  expect(checkDuringSchedule).toEqual({ state: "failed", message: expect.stringMatching(ALREADY_RUNNING) });
  // Only the scheduled run's sync went out.
  expect(await world.syncRequestCount()).toBe(requests + 1);
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
  expect(world.logEntries().filter((entry) => entry["Started by"] === "hr@example.com")).toHaveLength(1);
});
