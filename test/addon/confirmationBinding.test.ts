import { rosterOf, World, useAddonSandbox } from "./support/addonSandbox";
import type { SyncResultView } from "../../src/shared/bridge";

/**
 * Product invariants 1 and 2: a confirmation binds exactly the removals the person was shown.
 * Whatever changes between the question and the answer — more rows deleted, a row edited into
 * invalid, another sync finishing — the sync stops and asks again, naming the people it would
 * remove now, instead of going ahead on an answer about other people.
 */

const sandbox = useAddonSandbox();

const PEOPLE = 20;

/** Twenty people synced, then the rows of 1003–1005 deleted: three removals reach the brake. */
function worldWithThreeLeavers(): { world: World; groupId: string } {
  const world = new World(sandbox);
  world.type(rosterOf(PEOPLE));
  const groupId = world.firstSync();
  world.roster.deleteRows(4, 3);
  return { world, groupId };
}

type Question = Extract<SyncResultView, { state: "needsConfirmation" }>;

function question(result: SyncResultView): Question {
  if (result.state !== "needsConfirmation") throw new Error(`Expected a question, got ${JSON.stringify(result)}`);
  return result;
}

function removedIds(asked: Question): string[] {
  return asked.confirmations.flatMap((confirmation) => confirmation.people.map((person) => person.referenceId));
}

const ids = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, index) => String(1000 + from + index));

describe("a confirmation given in the sidebar", () => {
  it("confirmed for 3 people never removes 15: twelve more rows deleted before Sync anyway are asked about first", async () => {
    const { world, groupId } = worldWithThreeLeavers();
    const asked = question(world.call("startSync", { sheetId: world.sheetId, confirmation: null }));
    expect(removedIds(asked)).toEqual(ids(3, 5));

    // Rows of 1006–1017 go while the person reads the question.
    world.roster.deleteRows(4, 12);
    const requestsBefore = await world.syncRequestCount();
    const answered = world.call("startSync", {
      sheetId: world.sheetId,
      confirmation: { token: asked.token, typedPhrase: null },
    });

    const again = question(answered);
    expect(again.changedSinceConfirmed).toBe(true);
    expect(again.token).not.toBe(asked.token);
    expect(removedIds(again)).toEqual(ids(3, 17));
    expect(again.confirmations[0]!.message).toContain("15 of the 20 people");
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toHaveLength(PEOPLE);

    const confirmed = world.call("startSync", {
      sheetId: world.sheetId,
      confirmation: { token: again.token, typedPhrase: null },
    });
    const finished = confirmed.state === "pending" ? world.sync() : confirmed;
    expect(finished.state).toBe("completed");
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", ...ids(18, 20)]);
  });

  it("asks again when a kept row is edited into an invalid one after the question", async () => {
    const { world, groupId } = worldWithThreeLeavers();
    const asked = question(world.call("startSync", { sheetId: world.sheetId, confirmation: null }));
    // Row 2 holds 1001; its date of birth is the fourth column.
    world.roster.typeInto(2, 4, "not a date");

    const again = question(
      world.call("startSync", { sheetId: world.sheetId, confirmation: { token: asked.token, typedPhrase: null } }),
    );
    expect(again.changedSinceConfirmed).toBe(true);
    expect(again.confirmations.map((confirmation) => confirmation.guard)).toContain("invalidRowRemoves");
    expect(removedIds(again)).toContain("1001");
    expect(await world.membersOf(groupId)).toHaveLength(PEOPLE);
  });

  it("still holds when nothing that matters changed: a renamed person who stays keeps the token", () => {
    const { world } = worldWithThreeLeavers();
    const asked = question(world.call("startSync", { sheetId: world.sheetId, confirmation: null }));
    world.roster.typeInto(2, 2, "Renamed");

    const answered = world.call("startSync", {
      sheetId: world.sheetId,
      confirmation: { token: asked.token, typedPhrase: null },
    });
    expect(answered.state === "pending" || answered.state === "completed").toBe(true);
  });

  it("from two sidebars racing, lets the second answer remove no one it was not asked about", async () => {
    const { world, groupId } = worldWithThreeLeavers();
    const first = question(world.call("startSync", { sheetId: world.sheetId, confirmation: null }));
    const second = question(world.call("startSync", { sheetId: world.sheetId, confirmation: null }));
    expect(second.token).toBe(first.token);

    // The first sidebar confirms and its sync completes.
    world.call("startSync", { sheetId: world.sheetId, confirmation: { token: first.token, typedPhrase: null } });
    expect(world.sync().state).not.toBe("needsConfirmation");
    expect(await world.membersOf(groupId)).toHaveLength(PEOPLE - 3);

    // Meanwhile three more rows were deleted; the second sidebar's stale answer must not cover them.
    world.roster.deleteRows(4, 3);
    const late = question(
      world.call("startSync", { sheetId: world.sheetId, confirmation: { token: second.token, typedPhrase: null } }),
    );
    expect(late.changedSinceConfirmed).toBe(true);
    expect(removedIds(late)).toEqual(ids(6, 8));
    expect(await world.membersOf(groupId)).toHaveLength(PEOPLE - 3);
  });
});

describe("a confirmation given in the menu's dialog", () => {
  it("is checked against the tab when confirmed: rows deleted meanwhile are asked about by name in the dialog", async () => {
    const { world, groupId } = worldWithThreeLeavers();
    const requestsBefore = await world.syncRequestCount();

    expect(world.runMenu("syncActiveTab").ok).toBe(true);
    const first = world.menuDialog();
    expect(first.people.map(({ person }) => person)).not.toContain("First17 Last17 (1017)");
    // The person deletes more rows in another window, then confirms the first question.
    world.roster.deleteRows(4, 12);
    const answer = world.confirmMenuDialog();

    expect(answer.state).toBe("askAgain");
    const again = world.menuDialog();
    expect(again.changedSinceConfirmed).toBe(true);
    expect(again.token).not.toBe(first.token);
    expect(again.people.map(({ person }) => person)).toContain("First17 Last17 (1017)");
    expect(again.removing).toBe(15);
    world.cancelMenuDialog();
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toHaveLength(PEOPLE);
  });
});
