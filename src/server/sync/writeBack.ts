import { mapHeaders } from "../../core/roster/headers";
import type { CellValue, ColumnMap } from "../../core/roster/model";
import { tabLayoutOf, type TabLayout } from "../../core/state/tabLink";
import { planStatusWrite } from "../../core/sheet/statusColumns";
import {
  carriedStatusCells,
  coversEveryRow,
  rowsUnmoved,
  layStatusCells,
  type HeldStatuses,
  type RowStatusCells,
} from "../../core/sync/rowStatuses";
import type { RosterTab, SyncContext } from "../syncContext";

/**
 * The tab as a write-back needs it, re-read when Vitable has finished (rows may have been sorted,
 * inserted or deleted meanwhile): the header row, the reference IDs that match rows to people, the
 * include and employment status columns that say whether a row was sent, and the status columns
 * written back, which keep what they hold where nothing new is written. The members' other
 * columns are not read again. When a status column is missing (deleted meanwhile, so it is
 * added again after the last column holding anything) or the headers cannot be read, every cell is.
 * Without `statusCells`, the status columns below the header are left blank, and the whole header
 * row is read again (the status columns must still be where their headers were): for a write that
 * plans every row's cells.
 */
export function writeBackValues(tab: RosterTab, layout: TabLayout, statusCells = true): CellValue[][] {
  if (tab.columnValues === undefined) return tab.values();
  return tab.columnValues(
    layout.headerRow,
    (header) => {
      const found = mapHeaders(header, layout.headerRow, layout.mapping);
      if (!found.ok) return null;
      const { fields, status } = found.columns;
      const statusColumns = [status.status, status.message, status.syncedAt];
      if (statusColumns.some((column) => column === null)) return null;
      return [
        fields.reference_id,
        fields.include,
        fields.employmentStatus,
        ...(statusCells ? statusColumns : []),
      ].filter((column): column is number => column !== undefined && column !== null);
    },
    !statusCells,
  );
}

/**
 * The tab as the write-back needs it. Held statuses that plan every row's cells, on a tab whose
 * rows each hold the reference ID they held when the sync was sent, leave no status cell to keep:
 * the status columns are then not read again.
 */
function writeBackGrid(tab: RosterTab, layout: TabLayout, held: HeldStatuses | null): CellValue[][] {
  if (held === null || !coversEveryRow(held, layout.headerRow)) return writeBackValues(tab, layout);
  const ids = writeBackValues(tab, layout, false);
  return rowsUnmoved(held, ids, layout) ? ids : writeBackValues(tab, layout);
}

/**
 * Writes the status columns back in one write, over the tab read again (rows may have moved
 * meanwhile): the statuses held since the sync was sent, carried to the rows holding the same
 * people now, and over them the cells `decide` plans for the tab as it would read with those
 * written. Nothing is written once the tab is gone, or when there is nothing to write.
 */
export function writeStatusesBack<T extends { cells: RowStatusCells; columns: ColumnMap }>(
  context: SyncContext,
  sheetId: number,
  held: HeldStatuses | null,
  decide: (values: readonly (readonly CellValue[])[], layout: TabLayout) => T | null,
): T | null {
  const tab = context.tab(sheetId);
  if (tab === null) return null;
  const layout = tabLayoutOf(context.records, sheetId);
  const values = writeBackGrid(tab, layout, held);
  const found = held === null ? null : mapHeaders(values[layout.headerRow - 1] ?? [], layout.headerRow, layout.mapping);
  const carried = held !== null && found?.ok ? carriedStatusCells(held, values, layout) : new Map<number, null>();
  // The rows carried are all written below, so what the grid held in their status cells is not needed.
  if (found?.ok) layStatusCells(values, found.columns, carried);
  const decided = decide(values, layout);
  const cells: RowStatusCells = new Map(carried);
  decided?.cells.forEach((planned, row) => cells.set(row, planned));
  const columns = decided?.columns ?? (found?.ok ? found.columns : null);
  if (columns !== null && cells.size > 0)
    tab.writeStatuses(planStatusWrite(values, layout.headerRow, columns.status, cells));
  return decided;
}
