import type { CellValue, ReadRosterResult, Roster } from "../../core/roster/model";
import { readRoster } from "../../core/roster/readRoster";
import { planStatusWrite } from "../../core/sheet/statusColumns";
import { cachedPlans, plansInDoubt, recentPlans, rememberPlans, samePlans } from "../../core/state/cachedPlans";
import { lastMarksOf, marksSignature, saveLastMarks } from "../../core/state/invalidMarksRecord";
import type { Records } from "../../core/state/records";
import { tabSettingsOf, type TabSettings } from "../../core/state/tabLink";
import { heldStatusesOf, type HeldStatuses, type RowStatusCells } from "../../core/sync/rowStatuses";
import { NOT_CONNECTED } from "../../messages/sync";
import type { Plan } from "../../vitable/apiSchemas";
import { AddonError } from "../addonError";
import type { RosterTab, SyncContext } from "../syncContext";

/** A tab as read once at the start of a flow. */
export interface TabReading {
  tab: RosterTab;
  values: CellValue[][];
  settings: TabSettings;
  read: ReadRosterResult;
}

/**
 * The organization's plans: fresh from Vitable when connected (plan names in the tab are
 * matched against them), else the last ones fetched.
 */
export function plansFor(context: SyncContext): Plan[] {
  if (context.connection !== null) {
    const plans = context.vitable().listPlans();
    rememberPlans(context.records, plans, new Date(context.now()).toISOString());
    return plans;
  }
  const saved = cachedPlans(context.records);
  if (saved === null) throw new AddonError(NOT_CONNECTED);
  return saved;
}

/** Validates every row of values already read. */
export function readValues(
  context: SyncContext,
  tab: RosterTab,
  values: CellValue[][],
  plans: readonly Plan[],
): TabReading {
  const settings = tabSettingsOf(context.records, tab.sheetId);
  const read = readRoster(values, {
    plans,
    timeZone: context.timeZone,
    today: context.today(),
    headerRow: settings.headerRow,
    mapping: settings.mapping ?? null,
  });
  return { tab, values, settings, read };
}

/** Reads the tab in one call and validates every row. */
export function readTab(context: SyncContext, tab: RosterTab, plans: readonly Plan[]): TabReading {
  return readValues(context, tab, tab.values(), plans);
}

/**
 * Reads the tab with the plans fetched minutes ago, if any, instead of asking Vitable again; a
 * plan name they lack is checked against a fresh list. For validate and preview only: a sync,
 * which replaces the group's roster, always checks the rows against the plans Vitable has now.
 */
export function readTabWithRecentPlans(context: SyncContext, tab: RosterTab): TabReading {
  const recent = recentPlans(context.records, context.now());
  if (recent === null) return readTab(context, tab, plansFor(context));
  const reading = readTab(context, tab, recent);
  if (!plansInDoubt(reading.read)) return reading;
  const fresh = plansFor(context);
  return samePlans(fresh, recent) ? reading : readValues(context, tab, reading.values, fresh);
}

/**
 * Writes the status columns (one write) and the invalid-cell marks of a read tab. Marks already
 * made for the same cells are left as they are, without even reading the tab's rules: the records
 * say which cells they were made for.
 */
export function writeRowStatuses(records: Records, reading: TabReading, roster: Roster, cells: RowStatusCells): void {
  const write = planStatusWrite(reading.values, roster.headerRow, roster.columns.status, cells);
  reading.tab.writeStatuses(write);
  markInvalidRows(records, reading.tab, roster, write.columns.status);
}

/**
 * The statuses of a sync just sent, held to be written with its outcome (HeldStatuses); the marks
 * are made now. A tab without its status columns yet has them added now, with these statuses
 * (null), so that the write-back reads only the columns it needs.
 */
export function holdStatuses(
  records: Records,
  reading: TabReading,
  roster: Roster,
  cells: RowStatusCells,
): HeldStatuses | null {
  const statusColumn = roster.columns.status.status;
  if (statusColumn === null || roster.columns.status.message === null || roster.columns.status.syncedAt === null) {
    writeRowStatuses(records, reading, roster, cells);
    return null;
  }
  markInvalidRows(records, reading.tab, roster, statusColumn + 1);
  return heldStatusesOf(reading.values, roster.columns.fields.reference_id, cells);
}

/** Marks the invalid cells of `roster`, whose status column is the 1-based `statusColumn`. */
function markInvalidRows(records: Records, tab: RosterTab, roster: Roster, statusColumn: number): void {
  const marked = invalidCells(roster);
  const signature = marksSignature(marked, statusColumn);
  if (lastMarksOf(records, tab.sheetId) === signature) return;
  tab.markInvalid(marked, statusColumn);
  saveLastMarks(records, tab.sheetId, signature);
}

/** 1-based cells of every invalid field, for the marks. */
export function invalidCells(roster: Roster): { row: number; column: number }[] {
  const cells: { row: number; column: number }[] = [];
  for (const outcome of roster.rows) {
    if (outcome.status !== "Invalid") continue;
    for (const error of outcome.errors) {
      const index = roster.columns.fields[error.field];
      if (index !== undefined) cells.push({ row: outcome.row, column: index + 1 });
    }
  }
  return cells;
}
