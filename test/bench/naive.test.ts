import { naiveCells, naiveSheetsCalls, runNaiveSync } from "../../bench/naive";
import { BENCH_HEADER, generateRoster } from "../../bench/roster";

describe("the naive cell-by-cell sync", () => {
  it.each([1, 7, 40])("makes as many Sheets calls on %i rows as its formula says", (rows) => {
    const roster = generateRoster({ rows, planNames: ["Basic Care"] });
    const report = runNaiveSync(roster.rows);
    expect(report.counts.sheetsCalls).toBe(naiveSheetsCalls(rows, BENCH_HEADER.length));
    expect(report.counts.byMethod["Range.getValue"]).toBe(rows * BENCH_HEADER.length);
    expect(report.counts.byMethod["Range.setValue"]).toBe(rows * 3);
    const cells = naiveCells(rows, BENCH_HEADER.length);
    expect({ read: report.counts.sheetsCellsRead, written: report.counts.sheetsCellsWritten }).toEqual(cells);
  });

  it("grows by two calls per member cell and two per status cell of each row", () => {
    expect(naiveSheetsCalls(0, 12)).toBe(4);
    expect(naiveSheetsCalls(1_000, 12) - naiveSheetsCalls(999, 12)).toBe(2 * 12 + 2 * 3);
  });
});
