import { appendLogEntries, readRecentLogEntries } from "../../appsscript/logTab";
import { sendProblemEmail } from "../../appsscript/mail";
import { scheduleForTrigger } from "../../appsscript/scheduleTrigger";
import { problemEmail } from "../../core/schedule/problemEmail";
import { acceptedRosterOf } from "../../core/state/acceptedRosters";
import { cachedPlans } from "../../core/state/cachedPlans";
import { pendingSyncOf } from "../../core/state/pendingSync";
import { saveScheduleSummary, scheduleSummaryOf, type ScheduleRun } from "../../core/state/scheduleSummary";
import { allTabLinks, type TabLink } from "../../core/state/tabLink";
import { lastAcceptedFor } from "../../core/sync/acceptedRoster";
import { changesVitable, diffRoster } from "../../core/sync/diff";
import { POLLING_ENDS_AFTER_MS } from "../../core/sync/pollSchedule";
import { countOf } from "../../core/text/wording";
import type { SyncResultView } from "../../shared/bridge";
import { userMessageOf } from "../addonError";
import { scheduledContext, type AddonContext } from "../context";
import { logEntry } from "./logEntry";
import { pollPendingSync } from "./pendingSync";
import { readTab } from "./readTab";
import { syncLockedTab } from "./sync";
import { asOnlySync } from "./syncLock";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type TabOutcome = SyncResultView["state"] | "unchanged";

/**
 * Whether the tab still matches its last accepted roster, judged with the plans saved at the
 * last sync, so an unchanged tab costs no call to Vitable. Any doubt (no record, a plan name the
 * saved plans lack) counts as changed and the real sync decides.
 */
function isUnchanged(context: AddonContext, sheet: Sheet, link: TabLink): boolean {
  const plans = cachedPlans(context.records);
  const accepted = lastAcceptedFor(acceptedRosterOf(context.records, link.sheetId), link.groupId);
  if (plans === null || accepted === null) return false;
  const reading = readTab(context, sheet, plans);
  return reading.read.ok && !changesVitable(diffRoster(reading.read.roster, accepted));
}

function syncOneTab(context: AddonContext, link: TabLink, startedBy: string): TabOutcome {
  const sheet = context.spreadsheet.getSheetById(link.sheetId);
  const untilEnd = context.startedAt + POLLING_ENDS_AFTER_MS;
  const quiet = { detail: false, progress: () => undefined };
  try {
    if (sheet === null) {
      appendLogEntries(context.spreadsheet, [
        logEntry(null, link.groupName, {
          startedBy,
          outcome: "failed",
          detail: `The tab linked to ${link.groupName} was deleted. Link another tab to the group, or remove the schedule.`,
        }),
      ]);
      return "failed";
    }
    const pending = pendingSyncOf(context.records, link.sheetId);
    if (pending !== null) {
      const finished = pollPendingSync(context, link.sheetId, pending, untilEnd, quiet);
      if (finished.state === "pending" || finished.state === "failed") return finished.state;
    }
    // A pending sync finished here counts as this run's sync of the tab, even when nothing else changed.
    if (isUnchanged(context, sheet, link)) return pending !== null ? "completed" : "unchanged";
    return syncLockedTab(context, sheet, {
      mode: "scheduled",
      startedBy,
      approve: () => false,
      pollBudgetMs: untilEnd - Date.now(),
      ...quiet,
    }).state;
  } catch (error) {
    appendLogEntries(context.spreadsheet, [
      logEntry(sheet, link.groupName, { startedBy, outcome: "failed", detail: userMessageOf(error) }),
    ]);
    return "failed";
  }
}

const SEVERITY: TabOutcome[] = ["failed", "blocked", "needsConfirmation", "pending", "completed", "unchanged"];

function runSummary(outcomes: TabOutcome[], at: string): ScheduleRun {
  const worst = SEVERITY.find((outcome) => outcomes.includes(outcome)) ?? "unchanged";
  const outcome = worst === "needsConfirmation" ? "blocked" : worst;
  const changed = outcomes.filter((o) => o !== "unchanged").length;
  const messages: Record<typeof outcome, string> = {
    failed: "At least one tab failed to sync; see the Vitable Sync Log tab.",
    blocked: "At least one tab was not synced because a safety check stopped it; see the Vitable Sync Log tab.",
    pending: "Vitable was still processing at least one tab; the next run finishes it.",
    completed: `${countOf(changed, "tab", "tabs")} synced.`,
    unchanged:
      outcomes.length === 0
        ? "No tab is linked to a Vitable group."
        : "Nothing changed since the last sync; Vitable was not called.",
  };
  return { at, outcome, message: messages[outcome] };
}

/**
 * The scheduled sync (product.md §5): runs without a person or an active spreadsheet, opens the
 * spreadsheet it was set up for, syncs every linked tab that changed, never asks (guards
 * block), logs every outcome and emails the owner about problems if they asked.
 */
export function runScheduledSync(event: { triggerUid?: string } | undefined): void {
  const startedAt = Date.now();
  const entry = event?.triggerUid ? scheduleForTrigger(event.triggerUid) : null;
  if (entry === null) {
    console.warn("A scheduled sync ran for a schedule that no longer exists; nothing was done.");
    return;
  }
  const owner = Session.getEffectiveUser().getEmail();
  let context: AddonContext;
  try {
    context = scheduledContext(entry.spreadsheetId, owner, startedAt);
  } catch {
    console.error("A scheduled sync could not open its spreadsheet: it was deleted or its owner lost access.");
    return;
  }
  const startedBy = `Schedule (${owner})`;
  const at = new Date(startedAt).toISOString();
  const outcomes = asOnlySync(
    context,
    () => allTabLinks(context.records).map((link) => syncOneTab(context, link, startedBy)),
    () => null,
  );
  const run: ScheduleRun =
    outcomes === null
      ? { at, outcome: "pending", message: "Another sync was running, so this run did nothing; the next run syncs." }
      : runSummary(outcomes, at);
  const summary = scheduleSummaryOf(context.records);
  if (summary !== null) saveScheduleSummary(context.records, { ...summary, lastRun: run });

  if (entry.emailOnProblem && (run.outcome === "failed" || run.outcome === "blocked") && owner !== "") {
    // The log keeps times to the second, so this run's entries may read back as its starting second.
    const sinceStart = new Date(Math.floor(startedAt / 1000) * 1000).toISOString();
    const problems = readRecentLogEntries(context.spreadsheet, 50).filter(
      (logged) =>
        logged.startedBy === startedBy &&
        logged.at >= sinceStart &&
        (logged.outcome === "failed" || logged.outcome === "blocked"),
    );
    sendProblemEmail(
      owner,
      problemEmail({
        spreadsheetName: context.spreadsheet.getName(),
        spreadsheetUrl: context.spreadsheet.getUrl(),
        entries: problems,
      }),
    );
  }
}
