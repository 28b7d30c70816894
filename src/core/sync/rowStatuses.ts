import { isDateCell } from "../roster/cells";
import { readCell } from "../roster/fields/reading";
import { readReferenceId } from "../roster/fields/referenceId";
import { mapHeaders } from "../roster/headers";
import { leftOutBecause } from "../roster/include";
import type { CellValue, ColumnMap, Roster } from "../roster/model";
import type { StatusCells } from "../sheet/statusColumns";
import { ADDED_MESSAGE, PENDING_MESSAGE, SYNCED_MESSAGE } from "../../messages/sync";
import type { SyncOutcome } from "./results";

/**
 * What each row's status columns say at each step of a sync (product.md §3). Rows are keyed by
 * sheet row number; a row left out of a map keeps its cells, a null clears them.
 */
export type RowStatusCells = Map<number, StatusCells | null>;

type Grid = readonly (readonly CellValue[])[];

const SETTLED_STATUSES: ReadonlySet<CellValue> = new Set<CellValue>(["Added", "Synced", "Pending"]);

function cellOf(values: Grid, row: number, index: number | null): CellValue | undefined {
  return index === null ? undefined : values[row - 1]?.[index];
}

/** The Synced At cell of a row as it is now, kept wherever nothing new was confirmed. */
function syncedAtNow(values: Grid, row: number, columns: ColumnMap): Date | null {
  const cell = cellOf(values, row, columns.status.syncedAt);
  return cell !== undefined && isDateCell(cell) ? cell : null;
}

/**
 * Statuses after reading the tab (Validate, or a sync that stops before sending): each member
 * row says Ready, Invalid or Excluded and blank rows are cleared. A row Vitable already holds
 * as it is (`unchangedIds`) keeps its Added / Synced / Pending status, since nothing was sent.
 */
export function readStatusCells(values: Grid, roster: Roster, unchangedIds: ReadonlySet<string>): RowStatusCells {
  const cells: RowStatusCells = new Map();
  for (let row = roster.headerRow + 1; row <= values.length; row++) cells.set(row, null);
  for (const outcome of roster.rows) {
    const keeps =
      outcome.status === "Ready" &&
      outcome.referenceId !== null &&
      unchangedIds.has(outcome.referenceId) &&
      SETTLED_STATUSES.has(cellOf(values, outcome.row, roster.columns.status.status) ?? "");
    if (keeps) cells.delete(outcome.row);
    else {
      cells.set(outcome.row, {
        status: outcome.status,
        message: outcome.message,
        syncedAt: syncedAtNow(values, outcome.row, roster.columns),
      });
    }
  }
  return cells;
}

/** Statuses once Vitable has accepted a sync: the rows sent say Pending, the others what they are. */
export function submittedStatusCells(values: Grid, roster: Roster): RowStatusCells {
  const cells = readStatusCells(values, roster, new Set());
  for (const outcome of roster.rows) {
    if (outcome.status !== "Ready") continue;
    cells.set(outcome.row, {
      status: "Pending",
      message: PENDING_MESSAGE,
      syncedAt: syncedAtNow(values, outcome.row, roster.columns),
    });
  }
  return cells;
}

/**
 * Statuses once Vitable has finished, matched by the reference ID each row holds now (the tab
 * is re-read at write time: rows sorted, inserted or deleted during the sync still get their own
 * result, or none). Rows whose reference ID was not sent keep their cells. Null when the tab no
 * longer has a reference ID column, so nothing can be matched.
 */
export function completedStatusCells(
  values: Grid,
  headerRow: number,
  outcome: SyncOutcome,
  completedAt: Date,
): { cells: RowStatusCells; columns: ColumnMap; rowsById: Map<string, number> } | null {
  return statusCellsById(values, headerRow, (id, row, columns) => {
    const sent = outcome.sent.get(id);
    if (sent === undefined) return undefined;
    return sent.status === "Failed"
      ? { status: "Failed", message: sent.reason, syncedAt: syncedAtNow(values, row, columns) }
      : {
          status: sent.status,
          message: sent.status === "Added" ? ADDED_MESSAGE : SYNCED_MESSAGE,
          syncedAt: completedAt,
        };
  });
}

/**
 * Statuses once the outcome of a pending sync can never be read: the rows it sent that still say
 * Pending say Ready again, with `message`, since only a new sync can tell what Vitable holds.
 * Matched by reference ID like completedStatusCells; null when nothing can be matched.
 */
export function abandonedStatusCells(
  values: Grid,
  headerRow: number,
  submittedIds: ReadonlySet<string>,
  message: string,
): { cells: RowStatusCells; columns: ColumnMap } | null {
  return statusCellsById(values, headerRow, (id, row, columns) =>
    submittedIds.has(id) && cellOf(values, row, columns.status.status) === "Pending"
      ? { status: "Ready", message, syncedAt: syncedAtNow(values, row, columns) }
      : undefined,
  );
}

/** The cells `cellsFor` gives each row holding a reference ID now; undefined leaves a row as it is. */
function statusCellsById(
  values: Grid,
  headerRow: number,
  cellsFor: (id: string, row: number, columns: ColumnMap) => StatusCells | undefined,
): { cells: RowStatusCells; columns: ColumnMap; rowsById: Map<string, number> } | null {
  const mapping = mapHeaders(values[headerRow - 1] ?? [], headerRow);
  if (!mapping.ok) return null;
  const { columns } = mapping;
  const idColumn = columns.fields.reference_id;
  if (idColumn === undefined) return null;
  const cells: RowStatusCells = new Map();
  const rowsById = new Map<string, number>();
  for (let row = headerRow + 1; row <= values.length; row++) {
    // A row its include column leaves out was not sent, even when it shares the ID of one that was.
    if (columns.include !== null && leftOutBecause(values[row - 1]?.[columns.include]) !== null) continue;
    // Read as the roster reads it (" 1001 " is 1001), so the row matches the ID that was sent.
    const id = readCell(values[row - 1]?.[idColumn], readReferenceId);
    if (id === null || !id.ok) continue;
    const planned = cellsFor(id.value, row, columns);
    if (planned === undefined) continue;
    if (!rowsById.has(id.value)) rowsById.set(id.value, row);
    cells.set(row, planned);
  }
  return { cells, columns, rowsById };
}
