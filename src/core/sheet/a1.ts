/** A1 notation, for the ranges the add-on names in a tab. Rows and columns are 1-based. */

/** "A" for 1, "Z" for 26, "AA" for 27. */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** "C7" for one cell, "C7:C12" for a run of rows of one column. */
export function columnRunA1(column: number, firstRow: number, lastRow: number = firstRow): string {
  const letters = columnLetters(column);
  return firstRow === lastRow ? `${letters}${firstRow}` : `${letters}${firstRow}:${letters}${lastRow}`;
}
