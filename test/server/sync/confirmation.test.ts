import { EMPTY_ROSTER_PHRASE } from "../../../src/messages/guards";
import { acceptedRosterOf } from "../../../src/core/state/acceptedRosters";
import { runSync } from "../../../src/server/sync/syncRun";
import {
  SHEET_ID,
  confirmed,
  expectState,
  ids,
  namedIn,
  syncRequest,
  syncedWorld,
  type FakeSyncWorld,
} from "../../support/fakeSyncContext";

/** A sidebar's sync of the tab, with the confirmation given when one is. */
function sync(world: FakeSyncWorld, token: string | null = null, typedPhrase: string | null = null) {
  return runSync(
    world.context(),
    SHEET_ID,
    syncRequest({ confirmation: token === null ? null : confirmed(token, typedPhrase) }),
  );
}

/** The members the last completed sync of the tab left in the group, by the records. */
function acceptedIds(world: FakeSyncWorld): string[] {
  return (acceptedRosterOf(world.records, SHEET_ID)?.members ?? []).map((person) => person.referenceId).sort();
}

describe("a confirmation binds exactly the removals it was given for", () => {
  it("sends nothing on a token for 3 removals once 15 would go, asks about all 15, then removes exactly them", () => {
    const world = syncedWorld(20);
    world.deleteMembers(ids(18, 20));
    const forThree = expectState(sync(world), "needsConfirmation");
    expect(namedIn(forThree)).toEqual(ids(18, 20).sort());

    world.deleteMembers(ids(6, 17));
    const forFifteen = expectState(sync(world, forThree.token), "needsConfirmation");

    expect(world.vitable.syncs).toHaveLength(1);
    expect(forFifteen.changedSinceConfirmed).toBe(true);
    expect(forFifteen.token).not.toBe(forThree.token);
    expect(namedIn(forFifteen)).toEqual(ids(6, 20).sort());

    const done = expectState(sync(world, forFifteen.token), "completed");
    expect(done.sync.counts).toMatchObject({ removed: 15, added: 0 });
    expect(done.sync.removed.map((person) => person.referenceId).sort()).toEqual(ids(6, 20).sort());
    expect(world.vitable.syncs[1]?.results?.removed_group_member_ids).toHaveLength(15);
    expect(world.groupMembers()).toEqual(ids(1, 5));
  });

  it("sends nothing when a kept row was edited into an invalid one after the confirmation", () => {
    const world = syncedWorld(20);
    world.deleteMembers(ids(18, 20));
    const asked = expectState(sync(world), "needsConfirmation");

    world.tab.setCell(world.rowOf("EMP-4"), "Phone", "555");
    const again = expectState(sync(world, asked.token), "needsConfirmation");

    expect(world.vitable.syncs).toHaveLength(1);
    expect(again.changedSinceConfirmed).toBe(true);
    expect(again.token).not.toBe(asked.token);
    expect(again.confirmations.map((confirmation) => confirmation.guard)).toContain("invalidRowRemoves");
    expect(namedIn(again)).toEqual(["EMP-18", "EMP-19", "EMP-20", "EMP-4"]);
    expect(world.statusOf("EMP-4")).toBe("Invalid");
    expect(world.tab.marks.at(-1)?.cells).toEqual([{ row: world.rowOf("EMP-4"), column: 6 }]);
  });

  it("still holds after a harmless edit (a kept person's new name), and the sync goes ahead", () => {
    const world = syncedWorld(20);
    world.deleteMembers(ids(18, 20));
    const asked = expectState(sync(world), "needsConfirmation");

    world.tab.setCell(world.rowOf("EMP-4"), "Last Name", "Renamed");
    const done = expectState(sync(world, asked.token), "completed");

    expect(done.sync.counts).toMatchObject({ removed: 3, changed: 1 });
    expect(world.groupMembers()).toEqual(ids(1, 17).sort());
    expect(world.vitable.groups.get("grp_tier1")?.members.get("EMP-4")?.last_name).toBe("Renamed");
  });

  it("asks for REMOVE EVERYONE, with the token, before an empty roster is sent", () => {
    const world = syncedWorld(4);
    world.deleteMembers(ids(1, 4));
    const asked = expectState(sync(world), "needsConfirmation");
    expect(asked.confirmations.map((confirmation) => confirmation.confirmWith)).toEqual([
      { kind: "typed", phrase: EMPTY_ROSTER_PHRASE },
    ]);

    const withoutPhrase = expectState(sync(world, asked.token), "needsConfirmation");
    expect(withoutPhrase.changedSinceConfirmed).toBe(false);
    const wrongPhrase = expectState(sync(world, asked.token, "REMOVE SOMEONE"), "needsConfirmation");
    expect(wrongPhrase.token).toBe(asked.token);
    expect(world.vitable.syncs).toHaveLength(1);

    const done = expectState(sync(world, asked.token, " remove  everyone "), "completed");
    expect(done.sync.counts.removed).toBe(4);
    expect(world.groupMembers()).toEqual([]);
    expect(world.vitable.syncs[1]?.members).toEqual([]);
  });
});

describe("two sidebars confirming the same removals", () => {
  it("lets the second confirmation through only for what is left, with nobody removed twice", () => {
    const world = syncedWorld(20);
    world.deleteMembers(ids(18, 20));
    const shownToA = expectState(sync(world), "needsConfirmation");
    const shownToB = expectState(sync(world), "needsConfirmation");
    expect(shownToB.token).toBe(shownToA.token);

    const byB = expectState(sync(world, shownToB.token), "completed");
    expect(byB.sync.counts.removed).toBe(3);

    // A's confirmation is planned again against B's sync: nothing is left to remove.
    const byA = expectState(sync(world, shownToA.token), "completed");
    expect(byA.sync.counts.removed).toBe(0);
    expect(world.vitable.syncs.map((vitableSync) => vitableSync.results?.removed_group_member_ids.length)).toEqual([
      0, 3, 0,
    ]);
    expect(acceptedIds(world)).toEqual(ids(1, 17).sort());
  });

  it("asks A again, naming only the new removals, when more rows went after B's sync", () => {
    const world = syncedWorld(20);
    world.deleteMembers(ids(18, 20));
    const shownToA = expectState(sync(world), "needsConfirmation");
    expectState(sync(world, shownToA.token), "completed");

    world.deleteMembers(ids(15, 17));
    const askedAgain = expectState(sync(world, shownToA.token), "needsConfirmation");

    expect(askedAgain.changedSinceConfirmed).toBe(true);
    expect(namedIn(askedAgain)).toEqual(ids(15, 17));
    expect(world.vitable.syncs).toHaveLength(2);
    expect(world.groupMembers()).toEqual(ids(1, 17).sort());
  });
});
