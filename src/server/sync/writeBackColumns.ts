import { mapHeaders } from "../../core/roster/headers";
import type { CellValue } from "../../core/roster/model";
import type { TabLayout } from "../../core/state/tabLink";
import type { RosterTab } from "../syncContext";

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
