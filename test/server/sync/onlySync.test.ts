import { activeLease, takeLease } from "../../../src/core/state/syncLease";
import { SYNC_ALREADY_RUNNING } from "../../../src/messages/sync";
import { checkSync } from "../../../src/server/sync/checkSync";
import { runSync } from "../../../src/server/sync/syncRun";
import { SHEET_ID, expectState, ids, syncRequest, syncedWorld } from "../../support/fakeSyncContext";

describe("one sync per spreadsheet at a time", () => {
  it("answers that a sync is already running while another execution holds the document lock", () => {
    const world = syncedWorld(5);
    world.deleteMembers(["EMP-5"]);
    world.lock.busy = true;

    const result = runSync(world.context(), SHEET_ID, syncRequest());

    expect(result).toEqual({ state: "failed", message: SYNC_ALREADY_RUNNING });
    expect(world.vitable.syncs).toHaveLength(1);
    expect(world.logged("failed")).toEqual([]);
  });

  it("answers the same while a scheduled run, which may have no lock, holds the lease", () => {
    const world = syncedWorld(5);
    takeLease(world.records, "Schedule (owner@example.com)", world.clock.now());

    expect(runSync(world.context(), SHEET_ID, syncRequest())).toEqual({
      state: "failed",
      message: SYNC_ALREADY_RUNNING,
    });
    expect(checkSync(world.context(), SHEET_ID)).toEqual({ state: "failed", message: SYNC_ALREADY_RUNNING });
  });

  it("shows a busy tab's sync as pending to the progress check, which the running sync finishes", () => {
    const world = syncedWorld(20);
    world.vitable.processingPolls = 10;
    world.deleteMembers(ids(19, 20));
    expectState(runSync(world.context(), SHEET_ID, syncRequest({ pollBudgetMs: 5_000 })), "pending");
    world.lock.busy = true;

    const check = expectState(checkSync(world.context(), SHEET_ID), "pending");

    expect(check.pending.requestId).toBe(world.vitable.syncs[1]?.requestId);
  });

  it("lets the lease go and applies its writes when a sync ends, so the next one can start", () => {
    const world = syncedWorld(5);

    expect(activeLease(world.records, world.clock.now())).toBeNull();
    expect(world.lock.flushes).toBe(2);
  });
});
