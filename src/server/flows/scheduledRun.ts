import { saveScheduleConnection } from "../../appsscript/connectionStore";
import { documentDataOf } from "../../appsscript/documentData";
import { scheduledRecordsSecret } from "../../appsscript/recordsKey";
import { sendProblemEmail } from "../../appsscript/mail";
import { SCHEDULE_KEY_GONE, SCHEDULE_NEEDS_APPROVAL } from "../../messages/schedule";
import { needsApproval } from "../../appsscript/authorization";
import { scheduleForTrigger } from "../../appsscript/scheduleTrigger";
import type { LogEntry } from "../../core/log/logEntry";
import { problemEmail } from "../../core/schedule/problemEmail";
import type { ScheduleRun } from "../../core/schedule/frequencySchema";
import { saveScheduleSummary, scheduleSummaryOf } from "../../core/state/scheduleSummary";
import { allTabLinks, type TabLink } from "../../core/state/tabLink";
import { POLLING_ENDS_AFTER_MS } from "../../core/sync/pollSchedule";
import { countOf } from "../../core/text/wording";
import { deletedTabDetail, SCHEDULED_RUN, scheduleStartedBy } from "../../messages/sync";
import { loggedMessageOf } from "../addonError";
import { scheduledContext, type AddonContext } from "../context";
import { asOnlySync } from "../sync/onlySync";
import { appendToLog, logEntryOf } from "../sync/outcomeLog";
import { syncHeldTab } from "../sync/syncRun";
import type { ScheduledTabResult } from "../sync/syncResult";
import type { SyncContext, SyncLog } from "../syncContext";

type TabOutcome = ScheduledTabResult["state"];

function syncOneTab(context: SyncContext, link: TabLink, startedBy: string): TabOutcome {
  if (context.tab(link.sheetId) === null) {
    appendToLog(context, [
      logEntryOf(context, null, link.groupName, {
        startedBy,
        outcome: "failed",
        detail: deletedTabDetail(link.groupName),
      }),
    ]);
    return "failed";
  }
  return syncHeldTab(context, link.sheetId, {
    mode: "scheduled",
    startedBy,
    confirmation: null,
    pollBudgetMs: context.startedAt + POLLING_ENDS_AFTER_MS - context.now(),
    onStep: () => undefined,
  }).state;
}

const SEVERITY: TabOutcome[] = [
  "failed",
  "blocked",
  "needsConfirmation",
  "pending",
  "completed",
  "unchangedSinceAttempt",
  "unchanged",
];

/** Tabs left alone without calling Vitable. */
const NOT_SENT: readonly TabOutcome[] = ["unchanged", "unchangedSinceAttempt"];

function runSummary(outcomes: TabOutcome[], at: string): ScheduleRun {
  const worst = SEVERITY.find((outcome) => outcomes.includes(outcome)) ?? "unchanged";
  const outcome = worst === "needsConfirmation" ? "blocked" : worst === "unchangedSinceAttempt" ? "unchanged" : worst;
  const changed = outcomes.filter((o) => !NOT_SENT.includes(o)).length;
  const messages: Record<typeof outcome, string> = {
    failed: SCHEDULED_RUN.failed,
    blocked: SCHEDULED_RUN.blocked,
    pending: SCHEDULED_RUN.pending,
    completed: SCHEDULED_RUN.completed(countOf(changed, "tab", "tabs")),
    unchanged:
      outcomes.length === 0
        ? SCHEDULED_RUN.noLinks
        : worst === "unchangedSinceAttempt"
          ? SCHEDULED_RUN.unchangedSinceAttempt
          : SCHEDULED_RUN.unchanged,
  };
  return { at, outcome, message: messages[outcome] };
}

/** The log as this run writes it, keeping a copy of each entry: the problem email is made from them. */
function keepingEntries(log: SyncLog, kept: LogEntry[]): SyncLog {
  return {
    append(entries, reservedUpTo) {
      log.append(entries, reservedUpTo);
      kept.push(...entries);
    },
    nextRow: (reservedUpTo) => log.nextRow(reservedUpTo),
    writeAt(row, entry) {
      log.writeAt(row, entry);
      kept.push(entry);
    },
  };
}

/** Every linked tab synced in turn under the sync lease; null when another sync holds it. */
function syncEveryLinkedTab(context: AddonContext, startedBy: string, logged: LogEntry[]): TabOutcome[] | null {
  try {
    return asOnlySync(
      context,
      () => allTabLinks(context.records).map((link) => syncOneTab(context, link, startedBy)),
      () => null,
    );
  } catch (error) {
    // Taking or letting go of the lease failed (the records sheet could not be written): Apps
    // Script's message may quote cells, so only the sentence for it is kept, for the email.
    logged.push(logEntryOf(context, null, "", { startedBy, outcome: "failed", detail: loggedMessageOf(error) }));
    return ["failed"];
  }
}

/**
 * A run the owner has not approved the add-on's permissions for since an update added one: it
 * says so in the log and the email, rather than failing in the middle of a sync.
 */
function approvalNeeded(context: AddonContext, startedBy: string): TabOutcome[] {
  appendToLog(context, [
    logEntryOf(context, null, "", { startedBy, outcome: "failed", detail: SCHEDULE_NEEDS_APPROVAL }),
  ]);
  return ["failed"];
}

/** A run whose key was disconnected since the schedule was set up: logged, and the stale copy dropped. */
function keyGone(context: AddonContext, spreadsheetId: string, startedBy: string): TabOutcome[] {
  saveScheduleConnection(spreadsheetId, null);
  appendToLog(context, [logEntryOf(context, null, "", { startedBy, outcome: "failed", detail: SCHEDULE_KEY_GONE })]);
  return ["failed"];
}

/**
 * Whether this trigger is no longer the spreadsheet's schedule: someone removed the add-on's data
 * (records, schedule and all) or set up another schedule since. Only its owner can delete it, so
 * it deletes itself, writing nothing into the spreadsheet.
 */
function leftBehind(context: AddonContext, triggerId: string): boolean {
  // Without the records' secret no record reads: that says nothing about whether they are there.
  if (scheduledRecordsSecret(context.spreadsheetId) === null) return false;
  return scheduleSummaryOf(context.records)?.triggerId !== triggerId;
}

/**
 * The scheduled sync (product.md §5): runs without a person or an active spreadsheet, opens the
 * spreadsheet it was set up for, syncs every linked tab that changed, never asks (guards
 * block), logs every outcome and emails the owner about problems if they asked.
 */
export function runScheduledSync(event: { triggerUid?: string } | undefined): void {
  const entry = event?.triggerUid ? scheduleForTrigger(event.triggerUid) : null;
  if (entry === null) {
    console.warn("A scheduled sync ran for a schedule that no longer exists; nothing was done.");
    return;
  }
  const owner = Session.getEffectiveUser().getEmail();
  let opened: AddonContext;
  try {
    opened = scheduledContext(entry.spreadsheetId, owner);
  } catch {
    console.error("A scheduled sync could not open its spreadsheet: it was deleted or its owner lost access.");
    return;
  }
  if (leftBehind(opened, entry.triggerId)) {
    documentDataOf(opened.spreadsheet).forgetOwnSchedule();
    console.warn(
      "A scheduled sync found the spreadsheet's schedule gone (its data was removed); its trigger was deleted.",
    );
    return;
  }
  const logged: LogEntry[] = [];
  const context: AddonContext = { ...opened, log: keepingEntries(opened.log, logged) };
  const startedBy = scheduleStartedBy(owner);
  const at = new Date(context.startedAt).toISOString();
  let run: ScheduleRun;
  try {
    const outcomes = needsApproval()
      ? approvalNeeded(context, startedBy)
      : context.connection === null
        ? keyGone(context, entry.spreadsheetId, startedBy)
        : syncEveryLinkedTab(context, startedBy, logged);
    run = outcomes === null ? { at, outcome: "pending", message: SCHEDULED_RUN.busy } : runSummary(outcomes, at);
    const summary = scheduleSummaryOf(context.records);
    if (summary !== null) saveScheduleSummary(context.records, { ...summary, lastRun: run });
  } catch (error) {
    // A scheduled run always leaves a trace: a short entry (in the log tab if it can still be
    // written) and the owner's email, which is made from it.
    run = { at, outcome: "failed", message: SCHEDULED_RUN.failed };
    const fallback = logEntryOf(context, null, "", { startedBy, outcome: "failed", detail: loggedMessageOf(error) });
    logged.push(fallback);
    try {
      appendToLog(opened, [fallback]);
    } catch {
      console.error("A scheduled sync could not write its log row either; the problem email reports it.");
    }
  }

  if (entry.emailOnProblem && (run.outcome === "failed" || run.outcome === "blocked") && owner !== "") {
    sendProblemEmail(
      owner,
      problemEmail({
        spreadsheetName: context.spreadsheet.getName(),
        spreadsheetUrl: context.spreadsheet.getUrl(),
        entries: logged.filter((logEntry) => logEntry.outcome === "failed" || logEntry.outcome === "blocked"),
        ranAt: context.startedAt,
        timeZone: context.timeZone,
      }),
    );
  }
}
