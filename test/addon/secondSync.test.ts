import { personRow, ROSTER_HEADER, rosterOf, World, useAddonSandbox } from "./support/addonSandbox";

const sandbox = useAddonSandbox();

it("previews and syncs adds, changes and removals by name, then marks rows Added or Synced", async () => {
  const world = new World(sandbox);
  world.type(rosterOf(4));
  const groupId = world.firstSync();
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003", "1004"]);

  // Person 2 moves, person 3 leaves (their row is deleted), persons 5 and 6 are hired.
  world.roster.typeInto(3, 8, "77 New Road");
  world.roster.deleteRows(4, 1);
  world.roster.typeRows(5, 1, [personRow(5), personRow(6)]);

  const preview = world.call("previewSync", { sheetId: world.sheetId });
  expect(preview.hasLastAccepted).toBe(true);
  expect(preview.counts).toEqual({ added: 2, changed: 1, unchanged: 2, removed: 1, excluded: 0, invalid: 0 });
  expect(preview.added).toEqual([
    { referenceId: "1005", name: "First5 Last5", row: 5 },
    { referenceId: "1006", name: "First6 Last6", row: 6 },
  ]);
  expect(preview.changed).toEqual([{ referenceId: "1002", name: "First2 Last2", row: 3 }]);
  expect(preview.removed).toEqual([{ referenceId: "1003", name: "First3 Last3", reason: "Not in the tab" }]);
  expect(preview.decision).toEqual({ kind: "proceed" });

  const result = world.sync();
  expect(result.state).toBe("completed");
  if (result.state !== "completed") return;
  expect(result.counts).toEqual({ added: 2, changed: 1, removed: 1, failed: 0, invalid: 0 });
  expect(result.removed).toEqual([{ referenceId: "1003", name: "First3 Last3", row: null }]);

  const statuses = world.statusById();
  expect(statuses.get("1001")?.status).toBe("Synced");
  expect(statuses.get("1002")?.status).toBe("Synced");
  expect(statuses.get("1004")?.status).toBe("Synced");
  expect(statuses.get("1005")?.status).toBe("Added");
  expect(statuses.get("1006")?.status).toBe("Added");
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1004", "1005", "1006"]);

  const state = await sandbox.emulator.control.state();
  const moved = state.groups[0]!.members.find((member) => member.reference_id === "1002");
  expect(moved?.record.address.address_line_1).toBe("77 New Road");
});

it("lists a removal Vitable could not make, keeps that person in the last accepted roster, and counts an excluded row as a removal", async () => {
  const world = new World(sandbox);
  const header = [...ROSTER_HEADER, "Active"];
  world.type([header, ...[1, 2, 3, 4].map((n) => [...personRow(n), "Yes"])]);
  const groupId = world.firstSync();
  await sandbox.emulator.control.markUnremovable({ referenceIds: ["1003"], groupId });

  // Person 3 leaves (row deleted, but Vitable cannot remove them); person 4 is marked not active.
  world.roster.deleteRows(4, 1);
  world.roster.typeInto(4, header.length, "No");

  const preview = world.call("previewSync", { sheetId: world.sheetId });
  expect(preview.excluded).toEqual([{ referenceId: "1004", name: "First4 Last4", row: 4 }]);
  expect(preview.removed).toEqual([
    { referenceId: "1003", name: "First3 Last3", reason: "Not in the tab" },
    { referenceId: "1004", name: "First4 Last4", reason: "Row 4 is excluded" },
  ]);

  const result = world.sync();
  expect(result.state).toBe("completed");
  if (result.state !== "completed") return;
  expect(result.failures).toEqual([
    {
      referenceId: "1003",
      name: "First3 Last3",
      row: null,
      operation: "remove",
      reason: expect.stringContaining("could not be removed"),
    },
  ]);
  expect(result.removed).toEqual([{ referenceId: "1004", name: "First4 Last4", row: null }]);
  expect(world.statuses().get(4)?.status).toBe("Excluded");
  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Completed", Removed: "1", Failed: "1" });
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);

  // Vitable still holds person 3, so the next preview still shows their removal.
  const next = world.call("previewSync", { sheetId: world.sheetId });
  expect(next.removed).toEqual([{ referenceId: "1003", name: "First3 Last3", reason: "Not in the tab" }]);
});
