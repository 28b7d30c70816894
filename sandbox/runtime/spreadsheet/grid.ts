import type { GridArea } from "./area";

/**
 * One layer of a sheet (values, number formats, notes …): a sparse 2-D array, 1-based, where
 * `undefined` is "nothing set". Rows and columns are inserted and deleted like the sheet's.
 */
export class Grid<T> {
  private rows: ((T | undefined)[] | undefined)[] = [];

  get(row: number, column: number): T | undefined {
    return this.rows[row - 1]?.[column - 1];
  }

  /** The cells of one row (index 0 is column 1), or undefined when nothing is set in it; read only. */
  row(row: number): readonly (T | undefined)[] | undefined {
    return this.rows[row - 1];
  }

  set(row: number, column: number, value: T | undefined): void {
    let cells = this.rows[row - 1];
    if (cells === undefined) {
      if (value === undefined) return;
      cells = this.rows[row - 1] = [];
    }
    cells[column - 1] = value;
  }

  clear(area: GridArea): void {
    const lastRow = Math.min(area.row + area.numRows - 1, this.rows.length);
    for (let row = area.row; row <= lastRow; row++) {
      const cells = this.rows[row - 1];
      if (cells === undefined) continue;
      const end = Math.min(area.column - 1 + area.numColumns, cells.length);
      for (let i = area.column - 1; i < end; i++) cells[i] = undefined;
    }
  }

  insertRows(before: number, count: number): void {
    if (before - 1 >= this.rows.length) return;
    this.rows = this.rows.slice(0, before - 1).concat(new Array<undefined>(count), this.rows.slice(before - 1));
  }

  deleteRows(first: number, count: number): void {
    this.rows.splice(first - 1, count);
  }

  insertColumns(before: number, count: number): void {
    for (let i = 0; i < this.rows.length; i++) {
      const cells = this.rows[i];
      if (cells === undefined || before - 1 >= cells.length) continue;
      this.rows[i] = cells.slice(0, before - 1).concat(new Array<undefined>(count), cells.slice(before - 1));
    }
  }

  deleteColumns(first: number, count: number): void {
    for (const cells of this.rows) cells?.splice(first - 1, count);
  }

  /** Makes row `target` a copy of row `source`. */
  copyRow(source: number, target: number): void {
    this.rows[target - 1] = this.rows[source - 1]?.slice();
  }

  /** Makes column `target` a copy of column `source`, row by row. */
  copyColumn(source: number, target: number): void {
    for (const cells of this.rows) if (cells !== undefined) cells[target - 1] = cells[source - 1];
  }

  /** The last row with something set, or 0. */
  lastRow(): number {
    for (let row = this.rows.length; row > 0; row--) {
      if (lastSetIndex(this.rows[row - 1]) >= 0) return row;
    }
    return 0;
  }

  /** The last column with something set in any row, or 0. */
  lastColumn(): number {
    let last = -1;
    for (const cells of this.rows) last = Math.max(last, lastSetIndex(cells));
    return last + 1;
  }

  /** Rows of cells with `null` for nothing set, trailing empties left out: the layer as JSON. */
  toJSON(): (T | null)[][] {
    const json: (T | null)[][] = [];
    const lastRow = this.lastRow();
    for (let row = 1; row <= lastRow; row++) {
      const cells = this.rows[row - 1];
      const length = lastSetIndex(cells) + 1;
      const out: (T | null)[] = [];
      for (let i = 0; i < length; i++) out.push(cells![i] ?? null);
      json.push(out);
    }
    return json;
  }

  static fromJSON<T>(json: readonly (readonly (T | null)[])[]): Grid<T> {
    const grid = new Grid<T>();
    json.forEach((cells, i) => {
      cells.forEach((value, j) => grid.set(i + 1, j + 1, value ?? undefined));
    });
    return grid;
  }
}

function lastSetIndex<T>(cells: readonly (T | undefined)[] | undefined): number {
  if (cells === undefined) return -1;
  for (let i = cells.length - 1; i >= 0; i--) if (cells[i] !== undefined) return i;
  return -1;
}
