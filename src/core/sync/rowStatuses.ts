import { isDateCell } from "../roster/cells";
import { readCell } from "../roster/fields/reading";
import { readReferenceId } from "../roster/fields/referenceId";
import { mapHeaders } from "../roster/headers";
import type { TabLayout } from "../state/tabLink";
import { readEmploymentStatus, readInclude, type RowVerdict } from "../roster/rowFilters";
import type { CellValue, ColumnMap, Roster } from "../roster/model";
import { zonedClock } from "../schedule/zonedClock";
import type { StatusCells } from "../sheet/statusColumns";
import { escapeCellText } from "../text/cellText";
import { columnSays } from "../../messages/employment";
import { ADDED_MESSAGE, PENDING_MESSAGE, REMOVED_ROW_MESSAGE, saysRemoved, SYNCED_MESSAGE } from "../../messages/sync";
import type { SyncOutcome } from "./results";

/**
 * What each row's status columns say at each step of a sync (product.md §3). Rows are keyed by
 * sheet row number; a row left out of a map keeps its cells, a null clears them.
 */
export type RowStatusCells = Map<number, StatusCells | null>;

type Grid = readonly (readonly CellValue[])[];

const SETTLED_STATUSES: ReadonlySet<CellValue> = new Set<CellValue>(["Added", "Synced", "Pending"]);

const DAY_MS = 86_400_000;

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
 * result, or none). A row still holding the ID of someone the sync removed says so (see
 * removedRowCells); other rows whose reference ID was not sent keep their cells. Null when the
 * tab no longer has a reference ID column, so nothing can be matched. `timeZone` is the
 * spreadsheet's, whose calendar dates the removals.
 */
export function completedStatusCells(
  values: Grid,
  layout: TabLayout,
  outcome: SyncOutcome,
  completedAt: Date,
  timeZone: string,
): { cells: RowStatusCells; columns: ColumnMap; rowsById: Map<string, number> } | null {
  const removedIds = new Set(outcome.removed.map((member) => member.referenceId));
  const removedOn = calendarDateIn(timeZone, completedAt);
  return statusCellsById(values, layout, (id, row, columns, filter) => {
    if (removedIds.has(id)) return removedRowCells(values, row, columns, filter, removedOn, completedAt);
    // A row its include or status column does not keep in was not sent, even when it shares the ID of one that was.
    if (filter.verdict.kind !== "in") return undefined;
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
 * The cells of a row whose person the sync removed while the row stayed in the tab: they say
 * when, and why the row was not sent. The problem of an invalid row is its message, which the
 * sync wrote when it sent the others; a message that already tells the removal was written by a
 * run stopped before it could record the outcome, so it stays. Rows that say neither Invalid nor
 * left out (fixed and validated meanwhile) keep their cells: the next sync sends them.
 */
function removedRowCells(
  values: Grid,
  row: number,
  columns: ColumnMap,
  filter: RowFilterReading,
  removedOn: string,
  completedAt: Date,
): StatusCells | undefined {
  if (filter.verdict.kind === "out") {
    const why = columnSays(filter.label, filter.verdict.says);
    return { status: "Excluded", message: REMOVED_ROW_MESSAGE.leftOut(removedOn, why), syncedAt: completedAt };
  }
  const message = cellOf(values, row, columns.status.message);
  if (cellOf(values, row, columns.status.status) !== "Invalid" || typeof message !== "string") return undefined;
  const problem = shownText(message);
  if (problem === "" || saysRemoved(problem)) return undefined;
  return { status: "Invalid", message: REMOVED_ROW_MESSAGE.invalid(removedOn, problem), syncedAt: completedAt };
}

/**
 * Text as a status cell shows it. In a plain-text column the apostrophe the add-on writes before
 * text that opens like a formula is kept as part of the value; the user does not see it.
 */
function shownText(cell: string): string {
  return cell.startsWith("'") && escapeCellText(cell.slice(1)) === cell ? cell.slice(1) : cell;
}

/** YYYY-MM-DD of `instant` on the spreadsheet's calendar, as its Synced At cells show it. */
function calendarDateIn(timeZone: string, instant: Date): string {
  return new Date(zonedClock(timeZone).dayAt(instant.getTime()) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Statuses once the outcome of a pending sync can never be read: the rows it sent that still say
 * Pending say Ready again, with `message`, since only a new sync can tell what Vitable holds.
 * Matched by reference ID like completedStatusCells; null when nothing can be matched.
 */
export function abandonedStatusCells(
  values: Grid,
  layout: TabLayout,
  submittedIds: ReadonlySet<string>,
  message: string,
): { cells: RowStatusCells; columns: ColumnMap } | null {
  return statusCellsById(values, layout, (id, row, columns, filter) =>
    filter.verdict.kind === "in" && submittedIds.has(id) && cellOf(values, row, columns.status.status) === "Pending"
      ? { status: "Ready", message, syncedAt: syncedAtNow(values, row, columns) }
      : undefined,
  );
}

/** What the first of a row's include and employment status columns not keeping it in says. */
interface RowFilterReading {
  verdict: RowVerdict;
  label: string;
}

const KEPT_IN: RowFilterReading = { verdict: { kind: "in", says: null }, label: "" };

/**
 * The cells `cellsFor` gives each row holding a reference ID now, told whether the row's include
 * and employment status columns keep it in (a termination date is not re-read: the roster's
 * reading of it already decided what was sent); undefined leaves a row as it is.
 */
function statusCellsById(
  values: Grid,
  { headerRow, mapping }: TabLayout,
  cellsFor: (id: string, row: number, columns: ColumnMap, filter: RowFilterReading) => StatusCells | undefined,
): { cells: RowStatusCells; columns: ColumnMap; rowsById: Map<string, number> } | null {
  const found = mapHeaders(values[headerRow - 1] ?? [], headerRow, mapping);
  if (!found.ok) return null;
  const { columns } = found;
  const idColumn = columns.fields.reference_id;
  if (idColumn === undefined) return null;
  const decisions = mapping?.statusValues ?? {};
  const filters: { index: number; label: string; read: (cell: CellValue | undefined) => RowVerdict }[] = [];
  if (columns.fields.include !== undefined)
    filters.push({ index: columns.fields.include, label: columns.labels.include ?? "", read: readInclude });
  if (columns.fields.employmentStatus !== undefined)
    filters.push({
      index: columns.fields.employmentStatus,
      label: columns.labels.employmentStatus ?? "",
      read: (cell) => readEmploymentStatus(cell, decisions),
    });
  const cells: RowStatusCells = new Map();
  const rowsById = new Map<string, number>();
  for (let row = headerRow + 1; row <= values.length; row++) {
    // Read as the roster reads it (" 1001 " is 1001), so the row matches the ID that was sent.
    const id = readCell(values[row - 1]?.[idColumn], readReferenceId);
    if (id === null || !id.ok) continue;
    let filter = KEPT_IN;
    for (const { index, label, read } of filters) {
      const verdict = read(values[row - 1]?.[index]);
      if (verdict.kind !== "in") {
        filter = { verdict, label };
        break;
      }
    }
    const planned = cellsFor(id.value, row, columns, filter);
    if (planned === undefined) continue;
    if (!rowsById.has(id.value)) rowsById.set(id.value, row);
    cells.set(row, planned);
  }
  return { cells, columns, rowsById };
}

/**
 * The statuses of a sync sent in this execution, held to be written with its outcome (one write
 * per sync) or when it is left pending: `cells` are keyed by row of the tab as it was read then
 * (`values`).
 */
export interface HeldStatuses {
  /**
   * The reference ID cell of each row of the tab when read (index 0 is row 1), or null when it
   * had no reference ID column: only what matching rows needs is kept while the sync waits, not
   * the tab's tens of thousands of rows.
   */
  ids: readonly CellValue[] | null;
  cells: RowStatusCells;
}

/** Statuses planned on the tab as read (`values`, whose reference IDs are in `idColumn`), held. */
export function heldStatusesOf(values: Grid, idColumn: number | undefined, cells: RowStatusCells): HeldStatuses {
  return { ids: idColumn === undefined ? null : values.map((row) => row[idColumn] ?? ""), cells };
}

/** Whether the held statuses plan the cells of every row below the header. */
export function coversEveryRow(held: HeldStatuses, headerRow: number): boolean {
  return held.ids !== null && held.cells.size === held.ids.length - headerRow;
}

/**
 * Held statuses on the rows of the tab as it is now (`now`, re-read at write time): where every
 * row holds the reference ID it held when read, on the same rows; otherwise each goes to the row
 * holding its row's reference ID, when one row held it then and one holds it now, and the cells of
 * rows without such an ID are dropped (those rows keep what they said).
 */
export function carriedStatusCells(held: HeldStatuses, now: Grid, layout: TabLayout): RowStatusCells {
  const { headerRow, mapping } = layout;
  const idNow = idColumnOf(now, headerRow, mapping);
  if (held.ids === null || idNow === null) return new Map();
  if (rowsUnmoved(held, now, layout)) return held.cells;
  const rowThen = rowsByUniqueId(held.ids, headerRow);
  const rowNow = rowsByUniqueId(
    now.map((row) => row[idNow]),
    headerRow,
  );
  const carried: RowStatusCells = new Map();
  rowThen.forEach((row, id) => {
    const cells = held.cells.get(row);
    const target = rowNow.get(id);
    if (cells !== undefined && target !== undefined) carried.set(target, cells);
  });
  return carried;
}

/** Whether the tab (`now`) has as many rows as when the held statuses were planned, each holding the reference ID it held then. */
export function rowsUnmoved(held: HeldStatuses, now: Grid, { headerRow, mapping }: TabLayout): boolean {
  const { ids } = held;
  const idNow = idColumnOf(now, headerRow, mapping);
  if (ids === null || idNow === null || now.length !== ids.length) return false;
  return ids.every((id, index) => index < headerRow || id === now[index]?.[idNow]);
}

/**
 * Writes `cells` into the status columns of `values` itself, so that it reads as the tab will
 * once they are written: for a grid read for the write-back alone, whose rows would otherwise be
 * copied, tens of thousands of them.
 */
export function layStatusCells(values: CellValue[][], columns: ColumnMap, cells: RowStatusCells): void {
  const { status, message, syncedAt } = columns.status;
  cells.forEach((planned, row) => {
    const cellsOfRow = values[row - 1];
    if (cellsOfRow === undefined) return;
    if (status !== null) cellsOfRow[status] = planned?.status ?? "";
    if (message !== null) cellsOfRow[message] = planned?.message ?? "";
    if (syncedAt !== null) cellsOfRow[syncedAt] = planned?.syncedAt ?? "";
  });
}

function idColumnOf(values: Grid, headerRow: number, mapping: TabLayout["mapping"]): number | null {
  const found = mapHeaders(values[headerRow - 1] ?? [], headerRow, mapping);
  return found.ok ? (found.columns.fields.reference_id ?? null) : null;
}

/** The row of each reference ID held by exactly one row below the header. */
function rowsByUniqueId(ids: readonly (CellValue | undefined)[], headerRow: number): Map<string, number> {
  const rows = new Map<string, number>();
  const repeated = new Set<string>();
  for (let row = headerRow + 1; row <= ids.length; row++) {
    const id = readCell(ids[row - 1], readReferenceId);
    if (id === null || !id.ok) continue;
    if (rows.has(id.value)) repeated.add(id.value);
    else rows.set(id.value, row);
  }
  repeated.forEach((id) => rows.delete(id));
  return rows;
}
