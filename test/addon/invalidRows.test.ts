import { personRow, rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/** Product invariant 4: an invalid row is not sent, and never removes its person silently. */

const sandbox = useAddonSandbox();

const PHONE_COLUMN = 6;
const HOUR_MS = 60 * 60 * 1000;

/** Row `row`'s Vitable Synced At as the tab shows it ("2026-11-23 10:00", in the spreadsheet's time zone). */
function syncedAtShown(world: World, row: number): string {
  const [header = [], ...rows] = world.roster.displayValuesForHost();
  return rows[row - 2]?.[header.indexOf("Vitable Synced At")] ?? "";
}

/** Three people synced, then person 2's phone (row 3) typed wrong. */
function worldWithBrokenMember(): { world: World; groupId: string } {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  const groupId = world.firstSync();
  world.roster.typeInto(3, PHONE_COLUMN, "555-0100");
  return { world, groupId };
}

describe("a previously accepted person's row turning invalid", () => {
  it("needs a sidebar confirmation naming the person, the row and its problem", async () => {
    const { world, groupId } = worldWithBrokenMember();
    const requestsBefore = await world.syncRequestCount();

    const preview = world.call("previewSync", { sheetId: world.sheetId });
    expect(preview.invalid).toEqual([
      expect.objectContaining({ row: 3, referenceId: "1002", name: "First2 Last2", removes: true }),
    ]);
    expect(preview.removed).toEqual([
      { referenceId: "1002", name: "First2 Last2", reason: expect.stringMatching(/^Row 3 is invalid: .*Phone/) },
    ]);

    const asked = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(asked.state).toBe("needsConfirmation");
    if (asked.state !== "needsConfirmation") return;
    expect(asked.confirmations.map((confirmation) => confirmation.guard)).toEqual(["invalidRowRemoves"]);
    const [confirmation] = asked.confirmations;
    expect(confirmation!.message).toContain("First2 Last2 (1002)");
    expect(confirmation!.message).toContain("row 3");
    expect(confirmation!.message).toContain("Phone");
    expect(confirmation!.people.map((person) => person.referenceId)).toEqual(["1002"]);
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(world.statuses().get(3)?.status).toBe("Invalid");

    expect(world.sync(["invalidRowRemoves"]).state).toBe("completed");
    expect(await world.membersOf(groupId)).toEqual(["1001", "1003"]);
  });

  it("once the confirmed sync is done, says on the row that the person was removed, when and why", async () => {
    const { world, groupId } = worldWithBrokenMember();
    const syncedAtBefore = syncedAtShown(world, 3);
    world.clock.advance(HOUR_MS);

    expect(world.sync(["invalidRowRemoves"]).state).toBe("completed");

    expect(await world.membersOf(groupId)).toEqual(["1001", "1003"]);
    const removedAt = syncedAtShown(world, 3);
    expect(removedAt).not.toBe(syncedAtBefore);
    expect(removedAt).toBe(syncedAtShown(world, 2));
    expect(world.statuses().get(3)).toEqual({
      status: "Invalid",
      message:
        `Removed from Vitable on ${removedAt.slice(0, 10)} because this row is invalid: ` +
        'Phone "555-0100" has no area code; type the 3-digit area code in front of it, as in (415) 555-0100. ' +
        "ZIP 2134 was read as 02134 because Google Sheets drops leading zeros. " +
        "Fix the row and sync to add them again.",
    });
  });

  it("needs a confirmation in the menu's dialog, which names the person and the row's problem; Cancel sends nothing", async () => {
    const { world, groupId } = worldWithBrokenMember();
    const requestsBefore = await world.syncRequestCount();

    world.runMenu("syncActiveTab");

    expect(world.menuDialog().people).toEqual([
      { person: "First2 Last2 (1002)", reason: expect.stringMatching(/^Row 3 is invalid: /) },
    ]);
    world.cancelMenuDialog();
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
  });

  it("blocks a scheduled sync, which logs the row without naming the person", async () => {
    const { world, groupId } = worldWithBrokenMember();
    world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: false });
    const requestsBefore = await world.syncRequestCount();

    world.runSchedule();

    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
    const logged = world.logEntries().at(-1)!;
    expect(logged.Outcome).toBe("Blocked");
    expect(logged.Details).toContain("row 3 has a problem");
    expect(logged.Details).not.toContain("First2");
  });
});

it("reports a row of someone never accepted as not sent, without asking, and syncs the rest", async () => {
  const world = new World(sandbox);
  world.type(rosterOf(2));
  const groupId = world.firstSync();
  world.roster.typeRows(4, 1, [personRow(3, { ZIP: "ABCDE" })]);

  const preview = world.call("previewSync", { sheetId: world.sheetId });
  expect(preview.invalid).toEqual([expect.objectContaining({ row: 4, referenceId: "1003", removes: false })]);
  expect(preview.removed).toEqual([]);
  expect(preview.decision).toEqual({ kind: "proceed" });

  const result = world.sync();
  expect(result.state).toBe("completed");
  if (result.state !== "completed") return;
  expect(result.counts.invalid).toBe(1);
  expect(world.statuses().get(4)).toEqual({ status: "Invalid", message: expect.stringContaining("ZIP") });
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002"]);
});

it("marks every row of a duplicate reference ID invalid, and asks before it removes the person they held", async () => {
  const world = new World(sandbox);
  world.type(rosterOf(3));
  const groupId = world.firstSync();
  // A new hire is given person 2's ID by mistake.
  world.roster.typeRows(5, 1, [personRow(9, { "Employee ID": "1002" })]);

  const validation = world.call("validateTab", { sheetId: world.sheetId });
  expect(validation.summary).toMatchObject({ ready: 2, invalid: 2, duplicates: 2 });
  const statuses = world.statuses();
  expect(statuses.get(3)?.status).toBe("Invalid");
  expect(statuses.get(5)?.status).toBe("Invalid");
  expect(statuses.get(3)?.message).toMatch(/row 5/i);
  expect(statuses.get(5)?.message).toMatch(/row 3/i);

  const asked = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
  expect(asked).toMatchObject({ state: "needsConfirmation", confirmations: [{ guard: "invalidRowRemoves" }] });
  if (asked.state !== "needsConfirmation") return;
  expect(asked.confirmations[0]!.message).toContain("First2 Last2 (1002)");
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
});
