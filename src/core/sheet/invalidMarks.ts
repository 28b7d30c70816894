import { columnLetters, columnRunA1 } from "./a1";

/**
 * The light red of invalid cells. The add-on marks them through one conditional-format rule of
 * its own, recognised by this exact colour together with the shape of its formula, so the user's
 * own rules (even light red ones) are never taken for it.
 */
export const INVALID_MARK_BACKGROUND = "#fce8e6";

/**
 * At most this many ranges are marked. Invalid cells in consecutive rows of a column make one
 * range, so a whole column of wrong plans is one range; only scattered cells add up. Each range is
 * an A1 reference Sheets keeps with the rule and checks on every redraw, so past this the first
 * ones (in sheet order) are marked, while the status column still says Invalid on every such row
 * and the sidebar lists the problems.
 */
export const MAX_MARKED_RANGES = 1_000;

/** The statuses' own word for a row that cannot be sent; the rule keys on it. */
const INVALID_STATUS = "Invalid";

/**
 * The rule's formula for the ranges it applies to. Sheets reads its relative row from the top-left
 * cell of the first range, so `anchorRow` is that range's first row; the status column is absolute,
 * so every marked cell looks at its own row's Vitable Status.
 */
export function invalidMarkFormula(statusColumn: number, anchorRow: number): string {
  return `=$${columnLetters(statusColumn)}${anchorRow}="${INVALID_STATUS}"`;
}

/** Sheets moves the column and row of the formula as rows and columns are inserted; the shape stays. */
const MARK_FORMULA = /^=\$[A-Z]{1,3}\$?\d+="Invalid"$/i;

/** Whether a rule with this formula and background is the add-on's invalid-cell rule. */
export function isInvalidMarkRule(formula: string, background: string | null): boolean {
  return background !== null && background.toLowerCase() === INVALID_MARK_BACKGROUND && MARK_FORMULA.test(formula);
}

export interface InvalidMarks {
  /** A1 references of the ranges to mark, the topmost first. */
  ranges: string[];
  /** The first row of the first range, which the formula is written for. */
  anchorRow: number;
}

/**
 * The ranges that mark these cells (1-based), or null when there is none: consecutive rows of
 * one column merged into one range, ordered by first row then column, at most `MAX_MARKED_RANGES`.
 */
export function invalidMarkRanges(cells: readonly { row: number; column: number }[]): InvalidMarks | null {
  const byColumn = new Map<number, Set<number>>();
  for (const { row, column } of cells) {
    let rows = byColumn.get(column);
    if (rows === undefined) byColumn.set(column, (rows = new Set()));
    rows.add(row);
  }
  const runs: { column: number; firstRow: number; lastRow: number }[] = [];
  byColumn.forEach((rowSet, column) => {
    const rows = [...rowSet].sort((a, b) => a - b);
    let firstRow = rows[0]!;
    let lastRow = firstRow;
    for (const row of rows.slice(1)) {
      if (row === lastRow + 1) {
        lastRow = row;
        continue;
      }
      runs.push({ column, firstRow, lastRow });
      firstRow = lastRow = row;
    }
    runs.push({ column, firstRow, lastRow });
  });
  if (runs.length === 0) return null;
  runs.sort((a, b) => a.firstRow - b.firstRow || a.column - b.column);
  const kept = runs.slice(0, MAX_MARKED_RANGES);
  return {
    ranges: kept.map((run) => columnRunA1(run.column, run.firstRow, run.lastRow)),
    anchorRow: kept[0]!.firstRow,
  };
}
