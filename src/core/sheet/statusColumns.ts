import { STATUS_COLUMN_NAMES } from "../roster/columnNames";
import type { CellValue, ColumnMap } from "../roster/model";
import type { SheetStatus } from "../sync/sheetStatus";
import { escapeCellText } from "../text/cellText";

/** What a row's three status cells say. */
export interface StatusCells {
  status: SheetStatus | "";
  message: string;
  syncedAt: Date | null;
}

export type StatusColumn = keyof typeof STATUS_COLUMN_NAMES;

/** Status, Message, Synced At: the order the columns are added in, and the order of a block's cells. */
export const STATUS_COLUMN_ORDER: readonly StatusColumn[] = ["status", "message", "syncedAt"];

/** A rectangle of cells to write with one setValues; `row` and `column` are 1-based. */
export interface StatusBlock {
  row: number;
  column: number;
  values: CellValue[][];
}

export interface StatusWrite {
  /** 1-based header row; the blocks start there. */
  headerRow: number;
  /** Where each status column is once written (1-based), whether it was there or is added. */
  columns: Record<StatusColumn, number>;
  /** The columns this write adds (their headers are in the blocks), leftmost first. */
  added: StatusColumn[];
  blocks: StatusBlock[];
}

/**
 * Plans writing the status columns of a tab just read. `values` is the tab as getValues() gave it
 * (row 1 first); `headerRow` is 1-based; `statusColumns` comes from mapHeaders of the same read;
 * `cells` is keyed by 1-based sheet row, for rows below the header. A row absent from the map keeps
 * what its status cells hold (written back unchanged); null clears them.
 *
 * Missing status columns are added after the last column that holds anything in the header row
 * or below it, so a column of data without a header is never written over.
 */
export function planStatusWrite(
  values: readonly (readonly CellValue[])[],
  headerRow: number,
  statusColumns: ColumnMap["status"],
  cells: ReadonlyMap<number, StatusCells | null>,
): StatusWrite {
  if (headerRow < 1 || headerRow > values.length) {
    throw new Error(`Row ${headerRow} is not a row of the ${values.length} rows read.`);
  }
  for (const row of cells.keys()) {
    if (!Number.isInteger(row) || row <= headerRow || row > values.length) {
      throw new Error(`Row ${row} is not a data row of the ${values.length} rows read below header row ${headerRow}.`);
    }
  }

  const indexes = { ...statusColumns };
  const added: StatusColumn[] = [];
  let nextFree = firstFreeColumn(values, headerRow);
  for (const key of STATUS_COLUMN_ORDER) {
    if (indexes[key] === null) {
      indexes[key] = nextFree++;
      added.push(key);
    }
  }
  const placed = indexes as Record<StatusColumn, number>;

  const cellOf = (index: number, key: StatusColumn): CellValue => {
    const row = index + 1;
    if (row === headerRow) {
      return added.includes(key) ? STATUS_COLUMN_NAMES[key] : keptCell(values[index]?.[placed[key]]);
    }
    const planned = cells.get(row);
    if (planned === undefined) return keptCell(values[index]?.[placed[key]]);
    if (planned === null) return "";
    return plannedCell(planned, key);
  };

  const blockFor = (keys: readonly StatusColumn[]): StatusBlock => {
    const blockValues: CellValue[][] = [];
    for (let index = headerRow - 1; index < values.length; index++) {
      blockValues.push(keys.map((key) => cellOf(index, key)));
    }
    return { row: headerRow, column: placed[keys[0]!] + 1, values: blockValues };
  };

  const adjacent = placed.message === placed.status + 1 && placed.syncedAt === placed.status + 2;
  const blocks = adjacent ? [blockFor(STATUS_COLUMN_ORDER)] : STATUS_COLUMN_ORDER.map((key) => blockFor([key]));
  return {
    headerRow,
    columns: { status: placed.status + 1, message: placed.message + 1, syncedAt: placed.syncedAt + 1 },
    added,
    blocks,
  };
}

/** 0-based index of the column after the last one holding anything from the header row down. */
function firstFreeColumn(values: readonly (readonly CellValue[])[], headerRow: number): number {
  let free = 0;
  for (let index = headerRow - 1; index < values.length; index++) {
    const row = values[index]!;
    for (let column = row.length - 1; column >= free; column--) {
      if (row[column] !== "") {
        free = column + 1;
        break;
      }
    }
  }
  return free;
}

function plannedCell(cells: StatusCells, key: StatusColumn): CellValue {
  switch (key) {
    case "status":
      return escapeCellText(cells.status);
    case "message":
      return escapeCellText(cells.message);
    case "syncedAt":
      return cells.syncedAt ?? "";
  }
}

/**
 * A cell written back as it was read. Text read as "=…" is escaped again, or it would become a
 * formula. Text read with a leading apostrophe is written as it is: in a plain-text column the
 * apostrophe is the one escaping added and is part of the text, so escaping it again would add
 * one more on every write; in other columns it then reads as the text after it, which is inert.
 */
function keptCell(cell: CellValue | undefined): CellValue {
  if (cell === undefined) return "";
  return typeof cell === "string" && cell.charAt(0) !== "'" ? escapeCellText(cell) : cell;
}
