import type { LogEntry } from "../../core/log/logEntry";
import { submittedFingerprint } from "../../core/schedule/lastAttempt";
import { zonedTimeText } from "../../core/schedule/zonedClock";
import { acceptedRosterOf, saveAcceptedRoster } from "../../core/state/acceptedRosters";
import { forgetCreatedGroup } from "../../core/state/createdGroups";
import { clearPendingSync, type PendingSync } from "../../core/state/pendingSync";
import { flushRecords } from "../../core/state/records";
import {
  saveTabSyncRecord,
  settledRequestId,
  tabSyncRecordOf,
  withRecent,
  type FinishedSync,
  type SettledSync,
  type SyncFailure,
  type SyncedPerson,
} from "../../core/state/tabSyncRecord";
import { PENDING_GIVES_UP_AFTER_MS, pollDelayMs, timingOf } from "../../core/sync/pollSchedule";
import { mapSyncResults, type SyncOutcome } from "../../core/sync/results";
import { abandonedStatusCells, completedStatusCells, type HeldStatuses } from "../../core/sync/rowStatuses";
import { countOf } from "../../core/text/wording";
import {
  checkFailed,
  failedRowsDetail,
  STILL_PROCESSING,
  syncGivenUp,
  syncGone,
  UNKNOWN_OUTCOME_MESSAGE,
} from "../../messages/sync";
import type { MemberSyncResults } from "../../vitable/apiSchemas";
import { VitableNotFoundError } from "../../vitable/errors";
import { userMessageOf } from "../addonError";
import type { SyncContext } from "../syncContext";
import { logEntryOf, reservedLogRows } from "./outcomeLog";
import type { SyncRunResult } from "./syncResult";
import { writeStatusesBack } from "./writeBack";

/** The tab's name now, null once it has been deleted (a sync goes on without its tab). */
export function tabNameOf(context: SyncContext, sheetId: number): string | null {
  return context.tab(sheetId)?.name() ?? null;
}

/** The stored lists of a finished sync stop here; its counts say how many there were. */
const STORED_LIST_LIMIT = 100;

/**
 * Asks Vitable about a pending sync until it finishes or `until` (epoch ms) comes, then writes
 * its outcome back. A sync still processing stays pending for a later execution (invariant 7).
 */
export function settlePending(
  context: SyncContext,
  sheetId: number,
  pending: PendingSync,
  until: number,
  held: HeldStatuses | null = null,
): Extract<SyncRunResult, { state: "pending" | "completed" | "failed" }> {
  const client = context.vitable();
  for (let polls = 0; ; polls++) {
    let request;
    try {
      request = client.getMemberSyncRequest(pending.groupId, pending.requestId, { deadline: until });
    } catch (error) {
      if (error instanceof VitableNotFoundError) {
        return abandon(context, sheetId, pending, syncGone(userMessageOf(error), sentAt(context, pending)), held);
      }
      // Vitable may have finished anyway: the sync stays pending and is checked again later.
      if (held !== null) writeStatusesBack(context, sheetId, held, () => null);
      return {
        state: "pending",
        tabName: tabNameOf(context, sheetId),
        pending,
        message: checkFailed(userMessageOf(error)),
      };
    }
    if (request.completed_at !== null && request.results !== null) {
      const sync = finishSync(context, sheetId, pending, request.completed_at, request.results, held);
      return { state: "completed", sync, tabName: tabNameOf(context, sheetId) };
    }
    if (context.now() - Date.parse(pending.submittedAt) >= PENDING_GIVES_UP_AFTER_MS) {
      return abandon(context, sheetId, pending, syncGivenUp(sentAt(context, pending)), held);
    }
    const delay = pollDelayMs(polls);
    if (context.now() + delay >= until) {
      if (held !== null) writeStatusesBack(context, sheetId, held, () => null);
      return { state: "pending", tabName: tabNameOf(context, sheetId), pending, message: STILL_PROCESSING };
    }
    context.sleep(delay);
  }
}

/** When the pending sync was sent, as the spreadsheet's people read the time. */
function sentAt(context: SyncContext, pending: PendingSync): string {
  return zonedTimeText(Date.parse(pending.submittedAt), context.timeZone);
}

/**
 * The outcome of a pending sync can never be read (the group or the request is gone, or Vitable
 * never finished it): its rows stop saying Pending, the log and the sidebar say why, and the
 * record goes, so the tab can sync again.
 */
function abandon(
  context: SyncContext,
  sheetId: number,
  pending: PendingSync,
  message: string,
  held: HeldStatuses | null,
): Extract<SyncRunResult, { state: "failed" }> {
  const submittedIds = new Set(pending.submitted.map((member) => member.referenceId));
  writeStatusesBack(context, sheetId, held, (values, layout) =>
    abandonedStatusCells(values, layout, submittedIds, UNKNOWN_OUTCOME_MESSAGE),
  );
  const tab = context.tab(sheetId);
  const entry = logEntryOf(context, tab, pending.groupName, {
    startedBy: pending.startedBy,
    outcome: "failed",
    detail: message,
    requestId: pending.requestId,
  });
  recordSettled(context, sheetId, pending, { state: "failed", requestId: pending.requestId, message }, entry);
  // Vitable may have applied the roster all the same: the group is no longer known to be empty.
  forgetCreatedGroup(context.records, pending.groupId);
  clearPendingSync(context.records, sheetId);
  return { state: "failed", message };
}

/**
 * Maps the results, writes rows back, and records the outcome, the log entry and the new last
 * accepted roster. Apps Script may stop the execution at any call: each step is safe to repeat,
 * the last accepted roster is saved after the others and the pending record is cleared last, so
 * a later execution finishes what a stopped one began, without logging the outcome twice.
 */
function finishSync(
  context: SyncContext,
  sheetId: number,
  pending: PendingSync,
  completedAt: string,
  results: MemberSyncResults,
  held: HeldStatuses | null,
): FinishedSync {
  const previous = acceptedRosterOf(context.records, sheetId);
  const { settled } = tabSyncRecordOf(context.records, sheetId);
  if (
    settled?.state === "completed" &&
    settled.sync.requestId === pending.requestId &&
    previous?.requestId === pending.requestId
  ) {
    // Everything but clearing the pending record was done by a run that was stopped.
    clearPendingSync(context.records, sheetId);
    return settled.sync;
  }
  const outcome = mapSyncResults({
    groupId: pending.groupId,
    requestId: pending.requestId,
    completedAt,
    previous,
    submitted: pending.submitted,
    results,
  });
  const rowOf = writeCompletedStatuses(context, sheetId, outcome, completedAt, held);
  const sync = finishedSyncOf(pending, outcome, completedAt, rowOf);
  const entry = logEntryOf(context, context.tab(sheetId), pending.groupName, {
    startedBy: pending.startedBy,
    outcome: "completed",
    detail: sync.failures.length > 0 ? failedRowsDetail(countOf(sync.counts.failed, "row", "rows")) : "",
    requestId: pending.requestId,
    counts: sync.counts,
  });
  const submitted = submittedFingerprint(pending.submitted);
  const timing = timingOf(pending.memberCount, pending.acceptedAt, completedAt);
  const completed: SettledSync = {
    state: "completed",
    sync: stored(sync),
    submitted,
    ...(timing === null ? {} : { timing }),
  };
  recordSettled(context, sheetId, pending, completed, entry);
  // Before the roster is saved: a run stopped after saving it would skip this step when resumed.
  forgetCreatedGroup(context.records, pending.groupId);
  saveAcceptedRoster(context.records, sheetId, outcome.nextAccepted);
  clearPendingSync(context.records, sheetId);
  return sync;
}

/** Rows are matched by the reference ID they hold now, read again at write time (invariant 5). */
function writeCompletedStatuses(
  context: SyncContext,
  sheetId: number,
  outcome: SyncOutcome,
  completedAt: string,
  held: HeldStatuses | null,
): Map<string, number> {
  const written = writeStatusesBack(context, sheetId, held, (values, layout) =>
    completedStatusCells(values, layout, outcome, new Date(completedAt), context.timeZone),
  );
  return written?.rowsById ?? new Map<string, number>();
}

/** What a finished sync did, person by person, with the rows holding them now. */
function finishedSyncOf(
  pending: PendingSync,
  outcome: SyncOutcome,
  completedAt: string,
  rowOf: ReadonlyMap<string, number>,
): FinishedSync {
  const nameOf = new Map(pending.submitted.map((member) => [member.referenceId, member.name]));
  const added: SyncedPerson[] = [];
  const failures: SyncFailure[] = [];
  outcome.sent.forEach((sent, referenceId) => {
    const person = { referenceId, name: nameOf.get(referenceId) ?? "", row: rowOf.get(referenceId) ?? null };
    if (sent.status === "Added") added.push(person);
    if (sent.status === "Failed") failures.push({ ...person, operation: "add", reason: sent.reason });
  });
  for (const failure of outcome.removalsFailed) {
    failures.push({ ...failure, row: null, operation: "remove" });
  }
  for (const failure of outcome.unexpectedFailures) {
    failures.push({
      referenceId: failure.reference_id,
      name: "",
      row: null,
      operation: failure.operation,
      reason: failure.reason,
    });
  }
  return {
    requestId: pending.requestId,
    completedAt,
    groupName: pending.groupName,
    counts: {
      added: outcome.counts.added,
      changed: pending.counts.changed,
      removed: outcome.counts.removed,
      failed: failures.length,
      invalid: pending.counts.invalid,
    },
    alreadyInGroup: outcome.counts.synced,
    removalsFailed: outcome.counts.removalsFailed,
    leftOut: pending.excluded ?? 0,
    added,
    removed: outcome.removed.map((member) => ({ referenceId: member.referenceId, name: member.name, row: null })),
    failures,
  };
}

/** A finished sync as the records keep it: its lists capped, its counts whole. */
function stored(sync: FinishedSync): FinishedSync {
  return {
    ...sync,
    added: sync.added.slice(0, STORED_LIST_LIMIT),
    removed: sync.removed.slice(0, STORED_LIST_LIMIT),
    failures: sync.failures.slice(0, STORED_LIST_LIMIT),
  };
}

/**
 * Records how a pending sync settled and logs it. The log row is chosen and recorded before it
 * is written, and other runs append below it while the pending record remains (reservedLogRows):
 * a run stopped after that writes the same entry to the same row again, so the outcome is
 * logged exactly once, over nobody else's entry, without reading the log back.
 */
function recordSettled(
  context: SyncContext,
  sheetId: number,
  pending: PendingSync,
  settled: SettledSync,
  entry: LogEntry,
): void {
  const record = tabSyncRecordOf(context.records, sheetId);
  const resumed = record.settled !== null && settledRequestId(record.settled) === pending.requestId;
  const logRow = resumed && record.logRow !== null ? record.logRow : context.log.nextRow(reservedLogRows(context));
  const written = resumed
    ? record.recent.find((kept) => kept.requestId === pending.requestId && kept.outcome !== "pending")
    : undefined;
  const logged = written ?? entry;
  saveTabSyncRecord(context.records, sheetId, { ...withRecent(record, logged), settled, logRow });
  flushRecords(context.records);
  context.log.writeAt(logRow, logged);
}
