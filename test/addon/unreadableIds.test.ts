import { rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * Product invariant 4 for a row whose reference ID was cleared or cannot be read: the person it
 * held is never removed silently, though the row no longer carries their ID.
 */

const sandbox = useAddonSandbox();

const ID_COLUMN = 1;

/** Ten people synced; then row 4's (person 3, ID 1003) reference ID cell set to `id`. */
function worldWithIdCell(id: string): { world: World; groupId: string } {
  const world = new World(sandbox);
  world.type(rosterOf(10));
  const groupId = world.firstSync();
  world.roster.typeInto(4, ID_COLUMN, id);
  return { world, groupId };
}

describe.each([
  ["emptied", ""],
  ["made longer than Vitable accepts", "X".repeat(300)],
])("a synced person's reference ID cell %s", (_, id) => {
  it("blocks a scheduled sync, which removes nobody and names nobody in the log", async () => {
    const { world, groupId } = worldWithIdCell(id);
    world.call("setSchedule", { frequency: { kind: "daily", hour: 6 }, emailOnProblem: false });
    const requestsBefore = await world.syncRequestCount();

    expect(world.runSchedule().ok).toBe(true);

    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toHaveLength(10);
    const logged = world.logEntries().at(-1)!;
    expect(logged).toMatchObject({ Outcome: "Blocked" });
    expect(logged.Details).toContain("row 4 has a problem");
    expect(logged.Details).not.toMatch(/First3|Last3|1003/);
  });

  it("makes a sidebar sync ask first, naming the person and the row's problem", async () => {
    const { world, groupId } = worldWithIdCell(id);

    const asked = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(asked.state).toBe("needsConfirmation");
    if (asked.state !== "needsConfirmation") return;
    expect(asked.confirmations.map((confirmation) => confirmation.guard)).toEqual(["invalidRowRemoves"]);
    const [confirmation] = asked.confirmations;
    expect(confirmation!.message).toContain("First3 Last3 (1003)");
    expect(confirmation!.message).toContain("row 4");
    expect(confirmation!.message).toMatch(/Employee ID (is empty|is longer than 255 characters)/);
    expect(await world.membersOf(groupId)).toHaveLength(10);

    expect(world.sync(["invalidRowRemoves"]).state).toBe("completed");
    expect(await world.membersOf(groupId)).not.toContain("1003");
  });
});

it("asks about a row without an ID whose name matches nobody, while the sync removes someone", async () => {
  const { world, groupId } = worldWithIdCell("");
  world.roster.typeInto(4, 2, "Renamed");
  world.roster.typeInto(5, ID_COLUMN, "");
  world.roster.typeInto(5, 2, "Also Renamed");

  const asked = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
  expect(asked.state).toBe("needsConfirmation");
  if (asked.state !== "needsConfirmation") return;
  expect(asked.confirmations.map((confirmation) => confirmation.guard)).toEqual(["unidentifiedRow"]);
  expect(asked.confirmations[0]!.message).toContain("rows 4 and 5 have problems");
  expect(asked.confirmations[0]!.message).toContain("First3 Last3 (1003)");
  expect(await world.membersOf(groupId)).toHaveLength(10);
});
