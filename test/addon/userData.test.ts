import type { SheetSnapshot } from "../../sandbox/runtime/spreadsheet/sheetModel";
import { personRow, ROSTER_HEADER, World, useAddonSandbox } from "./support/addonSandbox";

/**
 * Product invariant 5: the add-on writes only its three status columns (and its own
 * conditional-format rule); every other cell, and the user's own rules, stay as they were.
 */

const sandbox = useAddonSandbox();

const STATUS_HEADERS = ["Vitable Status", "Vitable Message", "Vitable Synced At"];
const USER_RULE = {
  ranges: [{ row: 2, column: 13, numRows: 20, numColumns: 1 }],
  condition: { criterion: "TEXT_CONTAINS" as const, values: ["Sales"] },
  background: "#d9ead3",
  fontColor: null,
  bold: true,
};

/**
 * A roster as people keep one: a Notes column between the add-on's columns, a Department
 * column at the end with a formula, a highlighted row, a note, a date format, a conditional
 * rule of the user's own, and a row of someone who is not valid yet.
 */
function userTab(world: World): void {
  const header = [...ROSTER_HEADER.slice(0, 3), "Notes", ...ROSTER_HEADER.slice(3), "Department"];
  const withExtras = (row: string[], notes: string, department: string) => [
    ...row.slice(0, 3),
    notes,
    ...row.slice(3),
    department,
  ];
  world.type([
    header,
    withExtras(personRow(1), "Started in May", "Sales"),
    withExtras(personRow(2, { Email: "two@other-org.example" }), "", '=UPPER("ops")'),
    withExtras(personRow(3, { ZIP: "nine" }), "Waiting for the new address", "Sales"),
    withExtras(personRow(4), "'=not a formula", "Finance"),
  ]);
  const sheet = world.roster;
  sheet.backgrounds.set(3, 2, "#fff2cc");
  sheet.notes.set(2, 4, "Ask about dependants");
  sheet.numberFormats.set(4, 5, "dd mmm yyyy");
  sheet.fontWeights.set(1, 1, "bold");
  sheet.conditionalFormatRules.push(structuredClone(USER_RULE));
}

type Layers = Omit<SheetSnapshot, "dataValidations" | "conditionalFormatRules"> & { validationCells: unknown[][] };

/** Everything the tab holds, cell layers as rows of cells. */
function tabState(world: World): Layers {
  const { dataValidations, conditionalFormatRules: _rules, ...rest } = world.roster.snapshot();
  return { ...rest, validationCells: dataValidations.cells };
}

/** The tab's state without the status columns it has now (1-based), in every cell layer. */
function userPart(world: World, state: Layers): Layers {
  const header = world.roster.displayValuesForHost()[0]!;
  const statusIndexes = STATUS_HEADERS.map((name) => header.indexOf(name));
  expect(statusIndexes).not.toContain(-1);
  const strip = (rows: unknown[][]) =>
    trimEmptyRows(rows.map((cells) => trimNulls(cells.filter((_, index) => !statusIndexes.includes(index)))));
  return {
    ...state,
    values: strip(state.values),
    numberFormats: strip(state.numberFormats),
    notes: strip(state.notes),
    backgrounds: strip(state.backgrounds),
    fontColors: strip(state.fontColors),
    fontWeights: strip(state.fontWeights),
    validationCells: strip(state.validationCells),
  } as Layers;
}

/** Layers leave out trailing empty rows and cells; a stripped layer must too, to compare equal. */
function trimEmptyRows(rows: unknown[][]): unknown[][] {
  let length = rows.length;
  while (length > 0 && rows[length - 1]!.length === 0) length--;
  return rows.slice(0, length);
}

function trimNulls(cells: unknown[]): unknown[] {
  let length = cells.length;
  while (length > 0 && cells[length - 1] === null) length--;
  return cells.slice(0, length);
}

it("leaves every cell outside its status columns, and the user's own rules, as they were through validate and sync", () => {
  const world = new World(sandbox);
  userTab(world);
  const original = tabState(world);
  world.linkNewGroup();

  world.call("validateTab", { sheetId: world.sheetId });
  // The status columns go right after Department, into empty columns of the grid.
  expect(world.roster.displayValuesForHost()[0]!.slice(-4)).toEqual(["Department", ...STATUS_HEADERS]);
  expect(world.roster.maxColumns).toBe(26);
  const before = userPart(world, original);
  expect(userPart(world, tabState(world))).toEqual(before);

  const result = world.sync(["noLastAccepted"]);
  expect(result.state).toBe("completed");
  world.roster.typeInto(5, 1 + ROSTER_HEADER.length, "ABCDE");
  world.runMenu("syncActiveTab");
  world.confirmMenuDialog();

  const statuses = world.statuses();
  expect([2, 3, 4, 5].map((row) => statuses.get(row)?.status)).toEqual(["Synced", "Failed", "Invalid", "Invalid"]);
  const after = userPart(world, tabState(world));
  // The one cell the user typed into meanwhile (row 5's ZIP), and nothing else, differs.
  const zip = ROSTER_HEADER.length;
  expect(after.values[4]![zip]).toBe("ABCDE");
  after.values[4]![zip] = before.values[4]![zip] ?? null;
  expect(after).toEqual(before);
  expect(world.roster.cellAt(3, 13).formula).toBe('=UPPER("ops")');
  expect(world.roster.conditionalFormatRules).toContainEqual(USER_RULE);
  // The add-on's own rule marks the invalid cells, next to the user's.
  expect(world.roster.conditionalFormatRules).toHaveLength(2);
});
