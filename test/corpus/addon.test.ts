import { isDeepStrictEqual } from "node:util";
import type { StoredValue } from "../../sandbox/runtime/spreadsheet/cells";
import type { Guard } from "../../src/core/sync/guardNames";
import type { SyncResultView, ValidationView } from "../../src/shared/bridge";
import { startAddonSandbox, World, type AddonSandbox } from "../addon/support/addonSandbox";
import { CORPUS_TIME_ZONE, CORPUS_TODAY, expectedMember } from "./basePerson";
import {
  cellsOf,
  duplicatePartners,
  mismatches,
  numberedCorpus,
  placeRows,
  type PlacedRow,
  type ReadRow,
} from "./corpus";
import { CORPUS_COLUMNS, HEADER_LABELS } from "./model";
import { enterCell } from "./sheetCells";

/**
 * The whole corpus in one tab of the built add-on, in the Apps Script runtime against the Vitable
 * emulator: the tab is validated, then synced, and every row's status and message, what Vitable
 * holds, the status cells' contents and the user's own cells are checked against the corpus.
 *
 * The runtime has no merged ranges and no hidden rows: a merged range's covered cells are left
 * empty, which is what getValues() gives for them, and hidden rows are read like any other, as
 * getValues() reads them.
 */

const LABELS = HEADER_LABELS.formulaLike;
const WIDTH = CORPUS_COLUMNS.length;
/** Text Sheets would take for a formula: the add-on must write it with its text mark. */
const OPENS_LIKE_A_FORMULA = /^[=+\-@\t\r]/;

interface CellState {
  value: StoredValue | null;
  numberFormat: string | null;
}

interface Run {
  world: World;
  placed: PlacedRow[];
  userCellsBefore: CellState[][];
  validation: ValidationView;
  afterValidate: Map<number, { status: string; message: string }>;
  statusCellsAfterValidate: StatusCell[];
  guardsAsked: Guard[];
  result: SyncResultView;
  afterSync: Map<number, { status: string; message: string }>;
  statusCellsAfterSync: StatusCell[];
  vitableHolds: Map<string, unknown>;
  userCellsAfter: CellState[][];
}

interface StatusCell {
  row: number;
  column: number;
  value: unknown;
  formula: string;
}

/** The user's columns of the tab, every cell's value (formulas as formulas) and number format. */
function userCells(world: World): CellState[][] {
  const { values, numberFormats } = world.roster.snapshot();
  return values.map((row, r) =>
    Array.from({ length: WIDTH }, (_, c) => ({ value: row[c] ?? null, numberFormat: numberFormats[r]?.[c] ?? null })),
  );
}

/** Every cell of the add-on's status columns, from the header row down. */
function statusCells(world: World): StatusCell[] {
  const header = world.roster.displayValuesForHost()[0] ?? [];
  const columns = ["Vitable Status", "Vitable Message", "Vitable Synced At"].map((name) => header.indexOf(name) + 1);
  const cells: StatusCell[] = [];
  for (let row = 1; row <= world.roster.lastRow(); row++) {
    for (const column of columns) {
      const cell = world.roster.cellAt(row, column);
      cells.push({ row, column, value: cell.value, formula: cell.formula });
    }
  }
  return cells;
}

/** The day the spreadsheet is on, in its own time zone. */
function todayOf(world: World): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: CORPUS_TIME_ZONE }).format(new Date(world.clock.now()));
}

/** What a message cell shows once written: the message, or the message after its text mark. */
function shownAs(message: string, shown: string): boolean {
  return shown === message || (OPENS_LIKE_A_FORMULA.test(message) && shown === `'${message}`);
}

let sandbox: AddonSandbox;
let run: Run;

beforeAll(async () => {
  sandbox = await startAddonSandbox();
  const world = new World(sandbox);
  const placed = placeRows(numberedCorpus(), 2);
  const sheet = world.roster;
  sheet.typeRows(1, 1, [
    CORPUS_COLUMNS.map((column) => (/^[=+\-@]/.test(LABELS[column]) ? `'${LABELS[column]}` : LABELS[column])),
  ]);
  for (const entry of placed) {
    cellsOf(entry).forEach((cell, index) => enterCell(sheet, entry.sheetRow, index + 1, cell));
  }
  const userCellsBefore = userCells(world);
  const groupId = world.linkNewGroup("Corpus", "corpus");

  const validation = world.call("validateTab", { sheetId: world.sheetId, detail: true });
  const afterValidate = world.statuses();
  const statusCellsAfterValidate = statusCells(world);

  // The add-on created the group, so it knows the group holds nobody: the sync has nothing to ask.
  const result = world.sync();
  const guardsAsked = result.state === "needsConfirmation" ? result.confirmations.map((c) => c.guard) : [];
  const state = await sandbox.emulator.control.state();
  const group = state.groups.find((candidate) => candidate.id === groupId);

  run = {
    world,
    placed,
    userCellsBefore,
    validation,
    afterValidate,
    statusCellsAfterValidate,
    guardsAsked,
    result,
    afterSync: world.statuses(),
    statusCellsAfterSync: statusCells(world),
    vitableHolds: new Map((group?.members ?? []).map((member) => [member.reference_id, member.record])),
    userCellsAfter: userCells(world),
  };
}, 300_000);

afterAll(() => sandbox.close());

function sheetRowsWith(status: string): PlacedRow[] {
  return run.placed.filter((entry) => entry.row.expected.status === status);
}

describe("the corpus in the built add-on", () => {
  it("runs on the corpus's today, so dates in the future and 130 years back mean the same", () => {
    expect(todayOf(run.world)).toBe(CORPUS_TODAY);
  });

  it("validates every row as documented", () => {
    const byRow = new Map<number, ReadRow>((run.validation.rows ?? []).map((row) => [row.row, row]));
    expect(
      run.placed.flatMap((entry) =>
        mismatches(entry, byRow.get(entry.sheetRow), LABELS, duplicatePartners(entry, run.placed)),
      ),
    ).toEqual([]);
    expect(run.validation.summary.blank).toBe(sheetRowsWith("Blank").length);
  });

  it("writes each row's status and message into the sheet", () => {
    const read = new Map((run.validation.rows ?? []).map((row) => [row.row, row]));
    const wrong = run.placed.flatMap((entry) => {
      const shown = run.afterValidate.get(entry.sheetRow) ?? { status: "", message: "" };
      if (entry.row.expected.status === "Blank") {
        return shown.status === "" && shown.message === "" ? [] : [`blank row ${entry.sheetRow} shows ${shown.status}`];
      }
      const row = read.get(entry.sheetRow);
      const ok = row !== undefined && shown.status === row.status && shownAs(row.message, shown.message);
      return ok ? [] : [`row ${entry.sheetRow} (${entry.row.why}) shows ${JSON.stringify(shown).slice(0, 300)}`];
    });
    expect(wrong).toEqual([]);
  });

  it("syncs to the group it created without a question", () => {
    expect(run.guardsAsked).toEqual([]);
    expect(run.result).toMatchObject({ state: "completed", failures: [] });
    if (run.result.state !== "completed") return;
    expect(run.result.counts).toMatchObject({
      added: sheetRowsWith("Ready").length,
      removed: 0,
      invalid: sheetRowsWith("Invalid").length,
    });
  });

  it("leaves Vitable holding exactly the Ready rows' members, with their normalised fields", () => {
    const expected = new Map(
      sheetRowsWith("Ready").map((entry) => {
        const member = expectedMember(entry.n, entry.row.expected.status === "Ready" ? entry.row.expected.member : {});
        return [member.reference_id, member];
      }),
    );
    expect([...run.vitableHolds.keys()].sort()).toEqual([...expected.keys()].sort());
    const differing = [...expected].filter(([id, member]) => !isDeepStrictEqual(run.vitableHolds.get(id), member));
    expect(differing.map(([id, member]) => [member, run.vitableHolds.get(id)])).toEqual([]);
  });

  it("marks every sent row Added, and keeps the others' statuses and messages", () => {
    const before = run.afterValidate;
    const wrong = run.placed.flatMap((entry) => {
      const shown = run.afterSync.get(entry.sheetRow) ?? { status: "", message: "" };
      const expected = entry.row.expected.status;
      if (expected === "Ready") return shown.status === "Added" ? [] : [`row ${entry.sheetRow} shows ${shown.status}`];
      if (expected === "Blank") return shown.status === "" ? [] : [`blank row ${entry.sheetRow} shows ${shown.status}`];
      const was = before.get(entry.sheetRow);
      return shown.status === expected && shown.message === was?.message
        ? []
        : [`row ${entry.sheetRow} (${entry.row.why}) shows ${shown.status}: ${shown.message.slice(0, 200)}`];
    });
    expect(wrong).toEqual([]);
  });

  it("stores every status and message as text, never as a formula, also those that open like one", () => {
    for (const cells of [run.statusCellsAfterValidate, run.statusCellsAfterSync]) {
      expect(cells.filter((cell) => cell.formula !== "")).toEqual([]);
      expect(cells.filter((cell) => !(typeof cell.value === "string" || cell.value instanceof Date))).toEqual([]);
    }
    const formulaLike = [...run.afterValidate.values()].filter(({ message }) => /^'?[=+\-@]/.test(message));
    expect(formulaLike.length).toBeGreaterThan(200);
  });

  it("changes no cell of the user's: values, formulas and formats stay as they were typed", () => {
    expect(run.userCellsAfter).toEqual(run.userCellsBefore);
    const formulas = run.userCellsBefore.flat().filter((cell) => typeof cell.value === "object" && cell.value !== null);
    expect(formulas.length).toBeGreaterThan(20);
  });
});
