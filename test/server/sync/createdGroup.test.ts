import { createdGroupOf, saveCreatedGroup } from "../../../src/core/state/createdGroups";
import { PENDING_GIVES_UP_AFTER_MS } from "../../../src/core/sync/pollSchedule";
import { checkSync } from "../../../src/server/sync/checkSync";
import { runSync } from "../../../src/server/sync/syncRun";
import { FakeSyncWorld, GROUP, SHEET_ID, expectState, ids, people, syncRequest } from "../../support/fakeSyncContext";

/** A tab of `count` people linked to a group the add-on created. */
function createdGroupWorld(count: number): FakeSyncWorld {
  const world = new FakeSyncWorld({ members: people(count) });
  saveCreatedGroup(world.records, {
    groupId: GROUP.id,
    createdAt: "2026-01-15T14:59:00.000Z",
    createdBy: "hr@example.com",
  });
  return world;
}

describe("a sync to a group the add-on created", () => {
  it.each(["interactive", "scheduled"] as const)("is sent without a question in the %s mode", (mode) => {
    const world = createdGroupWorld(4);

    const done = expectState(runSync(world.context(), SHEET_ID, syncRequest({ mode })), "completed");

    expect(done.sync.counts.added).toBe(4);
    expect(world.groupMembers()).toEqual(ids(1, 4));
  });

  it("ends the group's record once completed: the next removals are weighed against the group's roster", () => {
    const world = createdGroupWorld(4);
    expectState(runSync(world.context(), SHEET_ID, syncRequest()), "completed");
    expect(createdGroupOf(world.records, GROUP.id)).toBeNull();

    world.deleteMembers(ids(1, 3));
    const asked = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "needsConfirmation");
    expect(asked.confirmations.map((confirmation) => confirmation.guard)).toEqual(["removalBrake"]);
  });

  it("ends the group's record when its first sync is given up, since Vitable may have applied it", () => {
    const world = createdGroupWorld(4);
    world.vitable.processingPolls = 1_000;
    expectState(runSync(world.context(), SHEET_ID, syncRequest()), "pending");
    world.clock.advance(PENDING_GIVES_UP_AFTER_MS);
    expectState(checkSync(world.context(), SHEET_ID), "failed");
    expect(createdGroupOf(world.records, GROUP.id)).toBeNull();

    const asked = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "needsConfirmation");
    expect(asked.confirmations.map((confirmation) => confirmation.guard)).toEqual(["noLastAccepted"]);
  });
});
