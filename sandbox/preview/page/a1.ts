import { a1Notation, columnLetters } from "../../runtime/spreadsheet/a1";

export { columnLetters };

/** `B3` for row 3, column 2. */
export function a1(row: number, column: number): string {
  return a1Notation({ row, column, numRows: 1, numColumns: 1 });
}
