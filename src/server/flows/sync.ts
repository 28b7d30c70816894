import { appendLogEntries } from "../../appsscript/logTab";
import { acceptedRosterOf } from "../../core/state/acceptedRosters";
import { savePendingSync, pendingSyncOf, type PendingSync } from "../../core/state/pendingSync";
import { tabLinkOf, type TabLink } from "../../core/state/tabLink";
import { planSync, type Confirmation, type SyncMode } from "../../core/sync/guards";
import { readStatusCells, submittedStatusCells } from "../../core/sync/rowStatuses";
import { POLLING_ENDS_AFTER_MS } from "../../core/sync/pollSchedule";
import type { SyncResultView } from "../../shared/bridge";
import { logEntry, NO_COUNTS } from "./logEntry";
import { AddonError, userMessageOf } from "../addonError";
import type { AddonContext } from "../context";
import { blockView, confirmationView } from "../views";
import { pollPendingSync, type Progress } from "./pendingSync";
import { readTab, writeRowStatuses, plansFor } from "./readTab";
import { linkedGroupOf } from "./tabLinks";
import { asOnlySync, SYNC_ALREADY_RUNNING } from "./syncLock";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SyncOptions {
  mode: SyncMode;
  /** Who started it, for the log: the user's email or "Schedule (owner)". */
  startedBy: string;
  /** Asks the person running an interactive sync; true when every confirmation is given. */
  approve(confirmations: readonly Confirmation[]): boolean;
  /** How long this execution may wait for Vitable before leaving the sync pending. */
  pollBudgetMs: number;
  /** Whole lists in the answer instead of the sidebar's first items. */
  detail: boolean;
  progress: Progress;
}

/** A sync that could not start, as the log and the caller see it. */
function failed(
  context: AddonContext,
  sheet: Sheet,
  link: TabLink | null,
  options: SyncOptions,
  error: unknown,
): SyncResultView {
  const message = userMessageOf(error);
  if (!(error instanceof AddonError)) {
    appendLogEntries(context.spreadsheet, [
      logEntry(sheet, link?.groupName ?? "", { startedBy: options.startedBy, outcome: "failed", detail: message }),
    ]);
  }
  return { state: "failed", message };
}

/**
 * Sync (product.md §5): validate → guards → confirm → submit → record the pending sync →
 * poll → write back → update the last accepted roster → log. One sync per spreadsheet at a time.
 */
export function syncTab(context: AddonContext, sheet: Sheet, options: SyncOptions): SyncResultView {
  return asOnlySync(
    context,
    () => {
      const link = tabLinkOf(context.records, sheet.getSheetId());
      try {
        return syncLockedTab(context, sheet, options);
      } catch (error) {
        return failed(context, sheet, link, options, error);
      }
    },
    () => ({ state: "failed", message: SYNC_ALREADY_RUNNING }),
  );
}

function pollUntil(context: AddonContext, options: SyncOptions): number {
  return Math.min(Date.now() + options.pollBudgetMs, context.startedAt + POLLING_ENDS_AFTER_MS);
}

/** A sync of one tab, for a caller already holding the spreadsheet's sync lease. */
export function syncLockedTab(context: AddonContext, sheet: Sheet, options: SyncOptions): SyncResultView {
  const sheetId = sheet.getSheetId();
  const link = linkedGroupOf(context, sheetId);

  // A sync still processing goes first: its outcome must not be lost, and two syncs of one
  // group in flight could finish in either order.
  const earlier = pendingSyncOf(context.records, sheetId);
  if (earlier !== null) {
    const result = pollPendingSync(context, sheetId, earlier, pollUntil(context, options), options);
    if (result.state === "pending") {
      return {
        ...result,
        message:
          "The previous sync of this tab is still processing at Vitable, so a new one cannot start yet. Its rows say Pending; try again in a few minutes.",
      };
    }
  }

  options.progress("Checking the tab…");
  const reading = readTab(context, sheet, plansFor(context));
  const accepted = acceptedRosterOf(context.records, sheetId);
  const plan = planSync(reading.read, accepted, {
    groupId: link.groupId,
    mode: options.mode,
    brake: reading.settings.brake,
  });
  const { diff, decision } = plan;
  const roster = reading.read.ok ? reading.read.roster : null;

  const unchanged = new Set(diff?.unchanged.map((person) => person.referenceId) ?? []);
  const writeReadStatuses = () => {
    if (roster) writeRowStatuses(reading, roster, readStatusCells(reading.values, roster, unchanged));
  };

  if (decision.kind === "blocked") {
    writeReadStatuses();
    const message = decision.blocks.map((block) => block.message).join(" ");
    appendLogEntries(context.spreadsheet, [
      logEntry(sheet, link.groupName, {
        startedBy: options.startedBy,
        outcome: "blocked",
        detail: message,
        counts: { ...NO_COUNTS, invalid: diff?.invalid.length ?? 0 },
      }),
    ]);
    return { state: "blocked", message, blocks: decision.blocks.map((block) => blockView(block, options.detail)) };
  }
  if (decision.kind === "confirm" && !options.approve(decision.confirmations)) {
    writeReadStatuses();
    return {
      state: "needsConfirmation",
      confirmations: decision.confirmations.map((confirmation) => confirmationView(confirmation, options.detail)),
    };
  }
  if (roster === null || diff === null) throw new AddonError("The tab could not be read as a roster.");

  options.progress(`Sending ${roster.members.length} members to Vitable…`);
  const receipt = context
    .client()
    .submitMemberSync(
      link.groupId,
      { members: roster.members },
      { deadline: context.startedAt + POLLING_ENDS_AFTER_MS },
    );
  const pending: PendingSync = {
    groupId: link.groupId,
    groupName: link.groupName,
    requestId: receipt.request_id,
    acceptedAt: receipt.accepted_at,
    submittedAt: new Date().toISOString(),
    startedBy: options.startedBy,
    counts: {
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      invalid: diff.invalid.length,
    },
    submitted: diff.submitted,
  };
  // Recorded before the first poll: whatever happens next, a later execution can finish it.
  savePendingSync(context.records, sheetId, pending);
  writeRowStatuses(reading, roster, submittedStatusCells(reading.values, roster));

  const result = pollPendingSync(context, sheetId, pending, pollUntil(context, options), options);
  if (result.state === "pending") {
    appendLogEntries(context.spreadsheet, [
      // Looked up again: the tab may have been deleted while Vitable processed the roster.
      logEntry(context.spreadsheet.getSheetById(sheetId), link.groupName, {
        startedBy: options.startedBy,
        outcome: "pending",
        detail: "Vitable accepted the roster and was still processing it when this run ended.",
        requestId: pending.requestId,
        counts: { ...NO_COUNTS, ...pending.counts },
      }),
    ]);
  }
  return result;
}
