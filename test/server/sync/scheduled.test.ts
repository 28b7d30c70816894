import { latestOutcome, tabSyncRecordOf } from "../../../src/core/state/tabSyncRecord";
import { runSync } from "../../../src/server/sync/syncRun";
import {
  FakeSyncWorld,
  SHEET_ID,
  expectState,
  ids,
  people,
  syncRequest,
  syncedWorld,
} from "../../support/fakeSyncContext";

const SCHEDULED = syncRequest({ mode: "scheduled", startedBy: "Schedule (hr@example.com)" });

describe("a scheduled sync", () => {
  it("blocks removals it would have asked about, sends nothing and logs blocked without naming anyone", () => {
    const world = syncedWorld(20);
    world.deleteMembers(ids(18, 20));

    const blocked = expectState(runSync(world.context(), SHEET_ID, SCHEDULED), "blocked");

    expect(blocked.blocks.map((block) => block.guard)).toEqual(["removalBrake"]);
    expect(world.vitable.syncs).toHaveLength(1);
    const [logged] = world.logged("blocked");
    expect(logged?.entry).toMatchObject({ startedBy: "Schedule (hr@example.com)", detail: blocked.blocks[0]?.message });
    expect(logged?.entry.detail).not.toMatch(/EMP-|First/);
    expect(latestOutcome(tabSyncRecordOf(world.records, SHEET_ID))).toEqual(logged?.entry);
  });

  it("blocks a first sync, which needs a person to confirm it", () => {
    const world = new FakeSyncWorld({ members: people(3) });

    const blocked = expectState(runSync(world.context(), SHEET_ID, SCHEDULED), "blocked");

    expect(blocked.blocks.map((block) => block.guard)).toEqual(["noLastAccepted"]);
    expect(world.logged().map(({ entry }) => entry.outcome)).toEqual(["blocked"]);
    expect(world.vitable.syncs).toHaveLength(0);
  });

  it("leaves a tab that matches its last accepted roster alone, without calling Vitable", () => {
    const world = syncedWorld(5);
    const callsBefore = world.calls.countOf("vitable.listPlans");

    expectState(runSync(world.context(), SHEET_ID, SCHEDULED), "unchanged");

    expect(world.calls.countOf("vitable.listPlans")).toBe(callsBefore);
    expect(world.vitable.syncs).toHaveLength(1);
  });

  it("syncs a change that needs no confirmation", () => {
    const world = syncedWorld(20);
    world.deleteMembers(["EMP-20"]);

    const done = expectState(runSync(world.context(), SHEET_ID, SCHEDULED), "completed");

    expect(done.sync.counts.removed).toBe(1);
    expect(world.logged("completed").at(-1)?.entry.startedBy).toBe("Schedule (hr@example.com)");
  });
});
