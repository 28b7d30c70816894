import { readRoster } from "../../src/core/roster/readRoster";
import type { CellValue, Roster, RowOutcome } from "../../src/core/roster/model";
import { CORPUS_PLANS, CORPUS_TIME_ZONE, CORPUS_TODAY } from "./basePerson";
import { verdictOf } from "./rules";
import {
  CORPUS,
  cellsOf,
  duplicatePartners,
  mismatches,
  numberedCorpus,
  placeRows,
  readingUnits,
  type PlacedRow,
} from "./corpus";
import { generatedRows } from "./generate";
import { CORPUS_COLUMNS, HEADER_LABELS, type CorpusColumn, type HeaderStyle } from "./model";
import { HAND_WRITTEN_ROWS } from "./rows";
import { sheetValueOf } from "./sheetCells";

/** Every corpus row through the pure core, with the cells as getValues() gives them. */

const CONTEXT = { plans: CORPUS_PLANS, timeZone: CORPUS_TIME_ZONE, today: CORPUS_TODAY };

function headerCells(style: HeaderStyle): CellValue[] {
  return CORPUS_COLUMNS.map((column) => HEADER_LABELS[style][column]);
}

function valuesOf(placed: readonly PlacedRow[], style: HeaderStyle): CellValue[][] {
  return [
    headerCells(style),
    ...placed.map((entry) => cellsOf(entry).map((cell) => sheetValueOf(cell, CORPUS_TIME_ZONE))),
  ];
}

function read(values: CellValue[][]): Roster {
  const result = readRoster(values, CONTEXT);
  if (!result.ok) throw new Error(result.problem.message);
  return result.roster;
}

function mismatchesOfTab(placed: readonly PlacedRow[], style: HeaderStyle): string[] {
  const roster = read(valuesOf(placed, style));
  const byRow = new Map<number, RowOutcome>(roster.rows.map((outcome) => [outcome.row, outcome]));
  const found = placed.flatMap((entry) =>
    mismatches(entry, byRow.get(entry.sheetRow), HEADER_LABELS[style], duplicatePartners(entry, placed)),
  );
  const blank = placed.filter((entry) => entry.row.expected.status === "Blank").length;
  if (roster.blankRows !== blank) found.push(`${roster.blankRows} blank rows were skipped, not ${blank}`);
  return found;
}

describe("the corpus", () => {
  it("holds at least 200 rows, hand-written and generated", () => {
    expect(HAND_WRITTEN_ROWS.length).toBeGreaterThanOrEqual(100);
    expect(generatedRows().length).toBeGreaterThanOrEqual(200);
    expect(CORPUS.length).toBe(HAND_WRITTEN_ROWS.length + generatedRows().length);
  });

  it("is generated the same way every time, and differently for another seed", () => {
    expect(generatedRows()).toEqual(generatedRows());
    expect(generatedRows(7)).not.toEqual(generatedRows());
  });

  it("gives every person their own reference ID, except the rows that test duplicates", () => {
    const idOf = ({ row, n }: { row: (typeof CORPUS)[number]; n: number }) => {
      if (row.expected.status === "Excluded" || row.expected.status === "Blank") return null;
      const cell = cellsOf({ row, n })[CORPUS_COLUMNS.indexOf("Employee ID")]!;
      const verdict = verdictOf("Employee ID", sheetValueOf(cell, CORPUS_TIME_ZONE));
      return verdict.kind === "value" ? verdict.value : null;
    };
    const rowsById = new Map<string, string[]>();
    for (const entry of numberedCorpus()) {
      const id = idOf(entry);
      if (id !== null) rowsById.set(id, [...(rowsById.get(id) ?? []), entry.row.why]);
    }
    const shared = [...rowsById].filter(([, whys]) => whys.length > 1);
    const duplicates = CORPUS.filter((row) => row.expected.status === "Invalid" && row.expected.duplicate);
    expect(shared.flatMap(([, whys]) => whys).sort()).toEqual(duplicates.map((row) => row.why).sort());
  });

  it("says why each row is there, and changes only cells of the tab's columns", () => {
    for (const row of CORPUS) {
      expect(row.why.length).toBeGreaterThan(0);
      expect(Object.keys(row.cells).every((column) => CORPUS_COLUMNS.includes(column as CorpusColumn))).toBe(true);
    }
  });
});

describe.each<HeaderStyle>(["plain", "formulaLike"])("readRoster on the corpus, headers %s", (style) => {
  it("reads every row, alone or with its group, as documented", () => {
    const found = readingUnits().flatMap((unit) => mismatchesOfTab(placeRows(unit, 2), style));
    expect(found).toEqual([]);
  });

  it("reads the whole corpus as one tab as documented", () => {
    expect(mismatchesOfTab(placeRows(numberedCorpus(), 2), style)).toEqual([]);
  });
});

describe("readRoster on the corpus: messages", () => {
  it("starts every message about a cell with its column's header, as the user wrote it", () => {
    const roster = read(valuesOf(placeRows(numberedCorpus(), 2), "formulaLike"));
    const labels = new Set(Object.values(HEADER_LABELS.formulaLike));
    const errors = roster.rows.flatMap((row) => row.errors);
    expect(errors.length).toBeGreaterThan(200);
    expect(
      errors.filter((error) => !labels.has(error.column) || !error.message.startsWith(`${error.column} `)),
    ).toEqual([]);
  });

  it("keeps every message short enough for a cell and a sidebar line, however long the value", () => {
    const roster = read(valuesOf(placeRows(numberedCorpus(), 2), "plain"));
    const longest = Math.max(...roster.rows.map((row) => row.message.length));
    expect(longest).toBeLessThan(1_000);
  });
});
