import { personRow, ROSTER_HEADER, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * An HR system's export in the built add-on: columns the user maps themselves, used by every
 * sync, scheduled ones too; employment status deciding who is sent.
 */

const sandbox = useAddonSandbox();

/** The test roster with ZIP headed "Postal Cd", which no HR system writes and the add-on does not know. */
const EXPORT_HEADER = ROSTER_HEADER.map((column) => (column === "ZIP" ? "Postal Cd" : column));

function exportOf(count: number, extra: { header: string; values: string[] } | null = null): string[][] {
  const rows = Array.from({ length: count }, (_, i) => personRow(i + 1));
  if (extra === null) return [EXPORT_HEADER, ...rows];
  return [[...EXPORT_HEADER, extra.header], ...rows.map((row, i) => [...row, extra.values[i] ?? ""])];
}

function mapPostalCd(world: World): void {
  const mapping = world.call("saveColumnMapping", {
    sheetId: world.sheetId,
    columns: { "address.zipcode": "Postal Cd" },
    statusValues: {},
  });
  expect(mapping.problem).toBeNull();
}

/** Three people of the export synced with Postal Cd mapped to ZIP, and a daily schedule set. */
function mappedSyncedAndScheduled(): { world: World; groupId: string } {
  const world = new World(sandbox);
  world.type(exportOf(3));
  const groupId = world.linkNewGroup();
  mapPostalCd(world);
  expect(world.sync().state).toBe("completed");
  world.call("setSchedule", { frequency: { kind: "daily", hour: 6 }, emailOnProblem: false });
  return { world, groupId };
}

describe("a column the add-on does not recognise", () => {
  it("blocks until the user maps it, then every entry reads the tab through the mapping", async () => {
    const world = new World(sandbox);
    world.type(exportOf(3));
    const groupId = world.linkNewGroup();

    const before = world.call("validateTab", { sheetId: world.sheetId });
    expect(before.headerDetail?.missing).toEqual([{ target: "address.zipcode", label: "ZIP", closest: "Postal Cd" }]);
    const step = world.call("getColumnMapping", { sheetId: world.sheetId });
    expect(step.columns[0]).toMatchObject({ target: "address.zipcode", problem: "missing", guess: "Postal Cd" });
    expect(step.headers.find(({ header }) => header === "Postal Cd")?.samples).toEqual(["2134", "2134"]);

    mapPostalCd(world);
    expect(world.call("validateTab", { sheetId: world.sheetId }).summary.ready).toBe(3);
    expect(world.sync().state).toBe("completed");
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
  });

  it("is used by a scheduled run", async () => {
    const { world, groupId } = mappedSyncedAndScheduled();
    world.type([...exportOf(3), personRow(4)]);

    expect(world.runSchedule().ok).toBe(true);

    expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Completed" });
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003", "1004"]);
  });

  it("blocks every sync, naming the header, once a mapped header is renamed", async () => {
    const { world, groupId } = mappedSyncedAndScheduled();
    world.roster.typeInto(1, EXPORT_HEADER.indexOf("Postal Cd") + 1, "ZIP Code");
    const requestsBefore = await world.syncRequestCount();

    const result = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
    expect(result.state === "blocked" && result.message).toContain(
      'The column "Postal Cd" chosen for ZIP is no longer in row 1',
    );
    expect(world.runSchedule().ok).toBe(true);
    expect(world.logEntries().at(-1)?.Details).toContain('"Postal Cd" chosen for ZIP');
    expect(await world.syncRequestCount()).toBe(requestsBefore);
    expect(await world.membersOf(groupId)).toHaveLength(3);
  });
});

describe("an Employment Status column", () => {
  it("never enrols a leaver, and refuses a status it does not know instead of guessing", async () => {
    const world = new World(sandbox);
    world.type([
      [...ROSTER_HEADER, "Employment Status"],
      [...personRow(1), "Active"],
      [...personRow(2), "Terminated"],
      [...personRow(3), "Seasonal"],
      [...personRow(4), "Leave of Absence"],
    ]);
    const groupId = world.linkNewGroup();

    expect(world.sync().state).toBe("completed");

    expect(await world.membersOf(groupId)).toEqual(["1001", "1004"]);
    const statuses = world.statuses();
    expect(statuses.get(3)).toEqual({
      status: "Excluded",
      message:
        'Not sent to Vitable because Employment Status is "Terminated": ' +
        "if this person was synced before, the next sync ends their Vitable plan.",
    });
    expect(statuses.get(4)?.status).toBe("Invalid");
    expect(statuses.get(4)?.message).toContain(
      'Employment Status "Seasonal" is not one the add-on knows: ' +
        "map it to include or exclude with Map columns in the sidebar.",
    );

    const step = world.call("getColumnMapping", { sheetId: world.sheetId });
    expect(step.statusValues.find(({ value }) => value === "Seasonal")).toEqual({
      value: "Seasonal",
      rows: 1,
      known: null,
      chosen: null,
    });
    world.call("saveColumnMapping", { sheetId: world.sheetId, columns: {}, statusValues: { Seasonal: "include" } });
    expect(world.sync().state).toBe("completed");
    expect(await world.membersOf(groupId)).toEqual(["1001", "1003", "1004"]);
  });
});
