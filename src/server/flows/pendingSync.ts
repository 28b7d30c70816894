import { appendLogEntries, readRecentLogEntries } from "../../appsscript/logTab";
import { applyStatusWrite, readTabValues } from "../../appsscript/rosterTab";
import { planStatusWrite } from "../../core/sheet/statusColumns";
import { acceptedRosterOf, saveAcceptedRoster } from "../../core/state/acceptedRosters";
import { lastResultOf, saveLastResult } from "../../core/state/lastResult";
import { clearPendingSync, type PendingSync } from "../../core/state/pendingSync";
import { tabSettingsOf } from "../../core/state/tabLink";
import { PENDING_GIVES_UP_AFTER_MS, pollDelayMs } from "../../core/sync/pollSchedule";
import { mapSyncResults, type SyncOutcome } from "../../core/sync/results";
import { abandonedStatusCells, completedStatusCells, UNKNOWN_OUTCOME_MESSAGE } from "../../core/sync/rowStatuses";
import { countOf } from "../../core/text/wording";
import type { SyncResultView } from "../../shared/bridge";
import type { MemberSyncResults } from "../../vitable/apiSchemas";
import { VitableError } from "../../vitable/errors";
import { userMessageOf } from "../addonError";
import type { AddonContext } from "../context";
import { capped } from "../views";
import { logEntry } from "./logEntry";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Tells the person waiting what is happening (a toast from the menu; nothing for the sidebar). */
export type Progress = (message: string) => void;

interface PollOptions {
  detail: boolean;
  progress: Progress;
}

export const STILL_PROCESSING =
  "Vitable accepted the roster and is still processing it. Rows say Pending until it finishes; the add-on writes the outcome then (open the sidebar, sync again or let the schedule run).";

function pendingResult(pending: PendingSync, message: string): SyncResultView {
  return { state: "pending", requestId: pending.requestId, submittedAt: pending.submittedAt, message };
}

/**
 * Asks Vitable about a pending sync until it finishes or `until` (epoch ms) comes, then writes
 * its outcome back. A sync still processing stays pending for a later execution (invariant 7).
 * The tab is looked up by `sheetId` when the outcome is written: it may have been renamed or
 * deleted while Vitable processed the roster.
 */
export function pollPendingSync(
  context: AddonContext,
  sheetId: number,
  pending: PendingSync,
  until: number,
  options: PollOptions,
): SyncResultView {
  const client = context.client();
  options.progress("Vitable is processing the roster…");
  for (let polls = 0; ; polls++) {
    let request;
    try {
      request = client.getMemberSyncRequest(pending.groupId, pending.requestId, { deadline: until });
    } catch (error) {
      if (error instanceof VitableError && error.kind === "notFound") {
        return abandon(
          context,
          sheetId,
          pending,
          `${error.message} The outcome of the sync sent on ${pending.submittedAt} cannot be read; check the group in Vitable, then sync again.`,
        );
      }
      // Vitable may have finished anyway: the sync stays pending and is checked again later.
      return pendingResult(
        pending,
        `${userMessageOf(error)} The sync itself is still recorded and will be checked again.`,
      );
    }
    if (request.completed_at !== null && request.results !== null) {
      return finishSync(context, sheetId, pending, request.completed_at, request.results, options);
    }
    if (Date.now() - Date.parse(pending.submittedAt) >= PENDING_GIVES_UP_AFTER_MS) {
      return abandon(
        context,
        sheetId,
        pending,
        `Vitable has still not finished the sync sent on ${pending.submittedAt} after 24 hours, so the add-on stopped waiting for it. Check the group in Vitable, then sync again: sending the roster again is safe.`,
      );
    }
    const delay = pollDelayMs(polls);
    if (Date.now() + delay >= until) return pendingResult(pending, STILL_PROCESSING);
    Utilities.sleep(delay);
  }
}

/**
 * The outcome of a pending sync can never be read (the group or the request is gone, or Vitable
 * never finished it): its rows stop saying Pending, the log and the sidebar say why, and the
 * record goes, so the tab can sync again.
 */
function abandon(context: AddonContext, sheetId: number, pending: PendingSync, message: string): SyncResultView {
  const sheet = context.spreadsheet.getSheetById(sheetId);
  if (sheet !== null) {
    const values = readTabValues(sheet);
    const headerRow = tabSettingsOf(context.records, sheetId).headerRow;
    const submittedIds = new Set(pending.submitted.map((member) => member.referenceId));
    const written = abandonedStatusCells(values, headerRow, submittedIds, UNKNOWN_OUTCOME_MESSAGE);
    if (written !== null && written.cells.size > 0) {
      applyStatusWrite(sheet, planStatusWrite(values, headerRow, written.columns.status, written.cells));
    }
  }
  appendLogEntries(context.spreadsheet, [
    logEntry(sheet, pending.groupName, {
      startedBy: pending.startedBy,
      outcome: "failed",
      detail: message,
      requestId: pending.requestId,
    }),
  ]);
  const result: SyncResultView = { state: "failed", message };
  saveLastResult(context.records, sheetId, result);
  clearPendingSync(context.records, sheetId);
  return result;
}

/** Whether the log already holds this sync's completion: a run stopped part-way may have written it. */
function completionLogged(context: AddonContext, requestId: string): boolean {
  return readRecentLogEntries(context.spreadsheet, RECENT_LOG_ENTRIES).some(
    (entry) => entry.requestId === requestId && entry.outcome === "completed",
  );
}

/** How far back the log is searched for a completion written by a run that was stopped. */
const RECENT_LOG_ENTRIES = 50;

function completedMessage(sheet: Sheet | null, pending: PendingSync, outcome: SyncOutcome): string {
  const { counts } = outcome;
  const parts = [`${counts.added} added`, `${counts.synced} already in the group`, `${counts.removed} removed`];
  if (counts.failed > 0) parts.push(`${counts.failed} failed (see the rows marked Failed)`);
  if (counts.removalsFailed > 0) parts.push(`${countOf(counts.removalsFailed, "removal", "removals")} failed`);
  const tab = sheet ? `"${sheet.getName()}"` : "the tab";
  return `Vitable finished the sync of ${tab} to ${pending.groupName}: ${parts.join(", ")}.`;
}

/**
 * Maps the results, writes rows back, and records the outcome, the log entry and the new last
 * accepted roster. Apps Script may stop the execution at any call: each step is safe to repeat,
 * the last accepted roster is saved after the others and the pending record is cleared last, so
 * a later execution finishes what a stopped one began, without logging the outcome twice.
 */
function finishSync(
  context: AddonContext,
  sheetId: number,
  pending: PendingSync,
  completedAt: string,
  results: MemberSyncResults,
  options: PollOptions,
): SyncResultView {
  const previous = acceptedRosterOf(context.records, sheetId);
  const recorded = lastResultOf(context.records, sheetId);
  const resumed = recorded?.state === "completed" && recorded.requestId === pending.requestId;
  if (resumed && previous?.requestId === pending.requestId) {
    // Everything but clearing the pending record was done by a run that was stopped.
    clearPendingSync(context.records, sheetId);
    return recorded;
  }
  const outcome = mapSyncResults({
    groupId: pending.groupId,
    requestId: pending.requestId,
    completedAt,
    previous,
    submitted: pending.submitted,
    results,
  });

  // Rows are matched by the reference ID they hold now, read again at write time (invariant 5).
  const sheet = context.spreadsheet.getSheetById(sheetId);
  const rowOf = new Map<string, number>();
  if (sheet !== null) {
    const values = readTabValues(sheet);
    const headerRow = tabSettingsOf(context.records, sheetId).headerRow;
    const written = completedStatusCells(values, headerRow, outcome, new Date(completedAt));
    if (written !== null) {
      applyStatusWrite(sheet, planStatusWrite(values, headerRow, written.columns.status, written.cells));
      written.rowsById.forEach((row, id) => rowOf.set(id, row));
    }
  }

  const nameOf = new Map(pending.submitted.map((member) => [member.referenceId, member.name]));
  const added: { referenceId: string; name: string; row: number | null }[] = [];
  const failures: Extract<SyncResultView, { state: "completed" }>["failures"] = [];
  outcome.sent.forEach((sent, referenceId) => {
    const person = { referenceId, name: nameOf.get(referenceId) ?? "", row: rowOf.get(referenceId) ?? null };
    if (sent.status === "Added") added.push(person);
    if (sent.status === "Failed") failures.push({ ...person, operation: "add", reason: sent.reason });
  });
  for (const failure of outcome.removalsFailed) {
    failures.push({
      referenceId: failure.referenceId,
      name: failure.name,
      row: null,
      operation: "remove",
      reason: failure.reason,
    });
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

  const counts = {
    added: outcome.counts.added,
    changed: pending.counts.changed,
    removed: outcome.counts.removed,
    failed: outcome.counts.failed + outcome.counts.removalsFailed + outcome.unexpectedFailures.length,
    invalid: pending.counts.invalid,
  };
  const completed = (detail: boolean): SyncResultView => ({
    state: "completed",
    requestId: pending.requestId,
    completedAt,
    message: completedMessage(sheet, pending, outcome),
    counts,
    added: capped(added, detail),
    removed: capped(outcome.removed, detail).map((member) => ({
      referenceId: member.referenceId,
      name: member.name,
      row: null,
    })),
    failures: capped(failures, detail),
  });
  saveLastResult(context.records, sheetId, completed(false));
  if (!(resumed && completionLogged(context, pending.requestId))) {
    appendLogEntries(context.spreadsheet, [
      logEntry(sheet, pending.groupName, {
        startedBy: pending.startedBy,
        outcome: "completed",
        detail:
          failures.length > 0
            ? `${countOf(failures.length, "row", "rows")} failed in Vitable; see the sidebar or the rows marked Failed.`
            : "",
        requestId: pending.requestId,
        counts,
      }),
    ]);
  }
  saveAcceptedRoster(context.records, sheetId, outcome.nextAccepted);
  clearPendingSync(context.records, sheetId);
  return completed(options.detail);
}
