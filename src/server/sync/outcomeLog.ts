import { NO_COUNTS, type LogEntry } from "../../core/log/logEntry";
import { hasPendingSync } from "../../core/state/pendingSync";
import { allTabSyncRecords, saveTabSyncRecord, tabSyncRecordOf, withRecent } from "../../core/state/tabSyncRecord";
import { DELETED_TAB_NAME } from "../../messages/sync";
import type { RosterTab, SyncContext } from "../syncContext";

type EntryFields = Pick<LogEntry, "startedBy" | "outcome" | "detail"> & Partial<Pick<LogEntry, "counts" | "requestId">>;

/** One row of the log, stamped now. `detail` never names a member. */
export function logEntryOf(context: SyncContext, tab: RosterTab | null, group: string, fields: EntryFields): LogEntry {
  return {
    at: new Date(context.now()).toISOString(),
    tab: tab?.name() ?? DELETED_TAB_NAME,
    group,
    counts: fields.counts ?? NO_COUNTS,
    requestId: fields.requestId ?? "",
    startedBy: fields.startedBy,
    outcome: fields.outcome,
    detail: fields.detail,
  };
}

/**
 * The last log row promised to a settled sync whose run may have stopped before writing it: its
 * pending record is still there. 0 when none. A row promised and already written sits above the
 * log's last row anyway, so counting a finished one too does no harm.
 */
export function reservedLogRows(context: SyncContext): number {
  let reservedUpTo = 0;
  for (const { sheetId, record } of allTabSyncRecords(context.records)) {
    // The pending record first: a tab's log row is kept with its settled sync, read only when needed.
    if (hasPendingSync(context.records, sheetId) && record.logRow !== null) {
      reservedUpTo = Math.max(reservedUpTo, record.logRow);
    }
  }
  return reservedUpTo;
}

/** Appends entries to the log below any row promised to a settled sync. */
export function appendToLog(context: SyncContext, entries: readonly LogEntry[]): void {
  context.log.append(entries, reservedLogRows(context));
}

/**
 * Logs an outcome that is not a settled pending sync (blocked, failed to start, still pending),
 * and keeps it with the tab's records by sheet ID.
 */
export function logOutcome(context: SyncContext, sheetId: number | null, entry: LogEntry): void {
  appendToLog(context, [entry]);
  if (sheetId !== null) {
    saveTabSyncRecord(context.records, sheetId, withRecent(tabSyncRecordOf(context.records, sheetId), entry));
  }
}
