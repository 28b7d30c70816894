import { isBlankCell, isDateCell, type FilledCell } from "../roster/cells";
import { readReferenceId } from "../roster/fields/referenceId";
import { mapHeaders } from "../roster/headers";
import type { CellValue, ColumnMap, Roster } from "../roster/model";
import type { StatusCells } from "../sheet/statusColumns";
import type { SyncOutcome } from "./results";

/**
 * What each row's status columns say at each step of a sync (product.md §3). Rows are keyed by
 * sheet row number; a row left out of a map keeps its cells, a null clears them.
 */
export type RowStatusCells = Map<number, StatusCells | null>;

type Grid = readonly (readonly CellValue[])[];

export const PENDING_MESSAGE = "Sent to Vitable. Waiting for Vitable to finish the sync.";
export const ADDED_MESSAGE = "Added to the Vitable group by the last sync.";
export const SYNCED_MESSAGE = "In the Vitable group, confirmed by the last sync.";

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
  const mapping = mapHeaders(values[headerRow - 1] ?? [], headerRow);
  if (!mapping.ok) return null;
  const { columns } = mapping;
  const idColumn = columns.fields.reference_id;
  if (idColumn === undefined) return null;
  const cells: RowStatusCells = new Map();
  const rowsById = new Map<string, number>();
  for (let row = headerRow + 1; row <= values.length; row++) {
    const cell = values[row - 1]?.[idColumn];
    if (cell === undefined || isBlankCell(cell)) continue;
    const id = readReferenceId(cell as FilledCell);
    if (!id.ok) continue;
    const sent = outcome.sent.get(id.value);
    if (sent === undefined) continue;
    if (!rowsById.has(id.value)) rowsById.set(id.value, row);
    cells.set(
      row,
      sent.status === "Failed"
        ? { status: "Failed", message: sent.reason, syncedAt: syncedAtNow(values, row, columns) }
        : {
            status: sent.status,
            message: sent.status === "Added" ? ADDED_MESSAGE : SYNCED_MESSAGE,
            syncedAt: completedAt,
          },
    );
  }
  return { cells, columns, rowsById };
}
