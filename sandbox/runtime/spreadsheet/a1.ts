import type { GridArea } from "./area";

/** Sheets' widest grid: column ZZZ. */
const MAX_COLUMN = 18_278;

/** One end of an A1 reference: `B7`, `B` (a whole column) or `7` (a whole row), `$` allowed. */
const CELL_END = /^\$?([A-Za-z]{1,3})?\$?([1-9]\d*)?$/;
/** `'Roster 2026'!A1:C3` or `Roster!A1`; a quote inside a quoted name is doubled. */
const SHEET_PREFIX = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.*)$/;

export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/** `A1` for one cell, `A1:C3` for more. */
export function a1Notation(area: GridArea): string {
  const start = `${columnLetters(area.column)}${area.row}`;
  if (area.numRows === 1 && area.numColumns === 1) return start;
  return `${start}:${columnLetters(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
}

/** A parsed A1 reference; a missing bound stands for the edge of the sheet (`A:C`, `2:5`, `A2:C`). */
export interface A1Reference {
  sheetName: string | null;
  firstRow: number | null;
  firstColumn: number | null;
  lastRow: number | null;
  lastColumn: number | null;
}

interface CellEnd {
  row: number | null;
  column: number | null;
}

function parseEnd(text: string): CellEnd | null {
  const match = CELL_END.exec(text);
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  const column = match[1] === undefined ? null : columnNumber(match[1]);
  if (column !== null && column > MAX_COLUMN) return null;
  return { row: match[2] === undefined ? null : Number(match[2]), column };
}

/** Parses `A1`, `A1:C3`, `A:C`, `2:5`, `A2:C` and their sheet-qualified forms, or gives null. */
export function parseA1(text: string): A1Reference | null {
  let sheetName: string | null = null;
  let cells = text.trim();
  const qualified = SHEET_PREFIX.exec(cells);
  if (qualified) {
    sheetName = qualified[1] !== undefined ? qualified[1].replace(/''/g, "'") : qualified[2]!;
    cells = qualified[3]!;
  }
  const [startText, endText, extra] = cells.split(":");
  if (startText === undefined || extra !== undefined) return null;
  const start = parseEnd(startText);
  if (!start) return null;
  if (endText === undefined) {
    // A lone `B` or `7` is not a reference; only `B:B` and `7:7` are.
    if (start.row === null || start.column === null) return null;
    return { sheetName, firstRow: start.row, firstColumn: start.column, lastRow: start.row, lastColumn: start.column };
  }
  const end = parseEnd(endText);
  if (!end) return null;
  const wholeColumns = start.row === null && end.row === null && start.column !== null && end.column !== null;
  const wholeRows = start.column === null && end.column === null && start.row !== null && end.row !== null;
  const openEnded = start.row !== null && start.column !== null;
  if (!wholeColumns && !wholeRows && !openEnded) return null;
  return order({ sheetName, firstRow: start.row, firstColumn: start.column, lastRow: end.row, lastColumn: end.column });
}

/** `C3:A1` means `A1:C3`, as in Sheets. */
function order(reference: A1Reference): A1Reference {
  const { firstRow, lastRow, firstColumn, lastColumn } = reference;
  const rowsSwapped = firstRow !== null && lastRow !== null && lastRow < firstRow;
  const columnsSwapped = firstColumn !== null && lastColumn !== null && lastColumn < firstColumn;
  return {
    sheetName: reference.sheetName,
    firstRow: rowsSwapped ? lastRow : firstRow,
    lastRow: rowsSwapped ? firstRow : lastRow,
    firstColumn: columnsSwapped ? lastColumn : firstColumn,
    lastColumn: columnsSwapped ? firstColumn : lastColumn,
  };
}

/** The area a reference covers on a sheet of the given size; open bounds reach the sheet's edge. */
export function areaOf(reference: A1Reference, maxRows: number, maxColumns: number): GridArea {
  const row = reference.firstRow ?? 1;
  const column = reference.firstColumn ?? 1;
  const lastRow = reference.lastRow ?? maxRows;
  const lastColumn = reference.lastColumn ?? maxColumns;
  return { row, column, numRows: lastRow - row + 1, numColumns: lastColumn - column + 1 };
}
