import { appendLogEntries } from "../../appsscript/logTab";
import { applyStatusWrite, readTabValues } from "../../appsscript/rosterTab";
import { planStatusWrite } from "../../core/sheet/statusColumns";
import { acceptedRosterOf, saveAcceptedRoster } from "../../core/state/acceptedRosters";
import { saveLastResult } from "../../core/state/lastResult";
import { clearPendingSync, type PendingSync } from "../../core/state/pendingSync";
import { tabSettingsOf } from "../../core/state/tabLink";
import { pollDelayMs } from "../../core/sync/pollSchedule";
import { mapSyncResults, type SyncOutcome } from "../../core/sync/results";
import { completedStatusCells } from "../../core/sync/rowStatuses";
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
 */
export function pollPendingSync(
  context: AddonContext,
  sheet: Sheet | null,
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
      if (error instanceof VitableError && error.kind === "notFound")
        return abandon(context, sheet, sheetId, pending, error);
      // Vitable may have finished anyway: the sync stays pending and is checked again later.
      return pendingResult(
        pending,
        `${userMessageOf(error)} The sync itself is still recorded and will be checked again.`,
      );
    }
    if (request.completed_at !== null && request.results !== null) {
      return finishSync(context, sheet, sheetId, pending, request.completed_at, request.results, options);
    }
    const delay = pollDelayMs(polls);
    if (Date.now() + delay >= until) return pendingResult(pending, STILL_PROCESSING);
    Utilities.sleep(delay);
  }
}

/** The group or the request is gone from Vitable: the outcome can never be read. */
function abandon(
  context: AddonContext,
  sheet: Sheet | null,
  sheetId: number,
  pending: PendingSync,
  error: VitableError,
): SyncResultView {
  clearPendingSync(context.records, sheetId);
  const message = `${error.message} The outcome of the sync sent on ${pending.submittedAt} cannot be read; check the group in Vitable, then sync again.`;
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
  return result;
}

function completedMessage(sheet: Sheet | null, pending: PendingSync, outcome: SyncOutcome): string {
  const { counts } = outcome;
  const parts = [`${counts.added} added`, `${counts.synced} already in the group`, `${counts.removed} removed`];
  if (counts.failed > 0) parts.push(`${counts.failed} failed (see the rows marked Failed)`);
  if (counts.removalsFailed > 0) parts.push(`${countOf(counts.removalsFailed, "removal", "removals")} failed`);
  const tab = sheet ? `"${sheet.getName()}"` : "the tab";
  return `Vitable finished the sync of ${tab} to ${pending.groupName}: ${parts.join(", ")}.`;
}

/** Maps the results, records the new last accepted roster, writes rows back and logs. */
function finishSync(
  context: AddonContext,
  sheet: Sheet | null,
  sheetId: number,
  pending: PendingSync,
  completedAt: string,
  results: MemberSyncResults,
  options: PollOptions,
): SyncResultView {
  const outcome = mapSyncResults({
    groupId: pending.groupId,
    requestId: pending.requestId,
    completedAt,
    previous: acceptedRosterOf(context.records, sheetId),
    submitted: pending.submitted,
    results,
  });
  saveAcceptedRoster(context.records, sheetId, outcome.nextAccepted);
  clearPendingSync(context.records, sheetId);

  // Rows are matched by the reference ID they hold now, read again at write time (invariant 5).
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
  const message = completedMessage(sheet, pending, outcome);
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
  const completed = (detail: boolean): SyncResultView => ({
    state: "completed",
    requestId: pending.requestId,
    completedAt,
    message,
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
  return completed(options.detail);
}
