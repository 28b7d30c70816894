import { unchangedSinceLastAttempt } from "../../core/schedule/lastAttempt";
import { cachedPlans } from "../../core/state/cachedPlans";
import { lastAcceptedOf } from "../../core/state/createdGroups";
import { pendingSyncOf, savePendingSync, type PendingSync } from "../../core/state/pendingSync";
import { flushRecords, type Records } from "../../core/state/records";
import { tabLinkOf, type TabLink } from "../../core/state/tabLink";
import { tabSyncRecordOf } from "../../core/state/tabSyncRecord";
import { changesVitable, diffRoster } from "../../core/sync/diff";
import { planSync, type Confirmation, type SyncMode, type SyncPlan } from "../../core/sync/guards";
import { POLLING_ENDS_AFTER_MS, firstPollAt, lastTimingOf } from "../../core/sync/pollSchedule";
import { readStatusCells, submittedStatusCells, type HeldStatuses } from "../../core/sync/rowStatuses";
import { matchesTypedPhrase } from "../../core/sync/typedPhrase";
import {
  NOT_LINKED,
  PENDING_LOG_DETAIL,
  PREVIOUS_STILL_PROCESSING,
  rosterTooLarge,
  SYNC_ALREADY_RUNNING,
  TAB_GONE,
  UNREADABLE_ROSTER,
} from "../../messages/sync";
import { AddonError, loggedMessageOf, userMessageOf } from "../addonError";
import type { RosterTab, SyncContext } from "../syncContext";
import { asOnlySync } from "./onlySync";
import { oversizedSync, POST_BODY_LIMIT_BYTES } from "./requestSize";
import { logEntryOf, logOutcome } from "./outcomeLog";
import { settlePending } from "./settle";
import type { GivenConfirmation, ScheduledTabResult, SyncResultOf, SyncRunResult } from "./syncResult";
import { holdStatuses, plansFor, readTab, readValues, writeRowStatuses, type TabReading } from "./tabReading";

const MEGABYTE = 1024 * 1024;

/** A step a person waiting for the sync can be told about. */
export type SyncStep = { kind: "checking" } | { kind: "sending"; members: number } | { kind: "processing" };

export interface SyncRequest<M extends SyncMode = SyncMode> {
  /**
   * A scheduled run never asks (guards block), leaves a tab that matches its last accepted roster
   * (or its last attempt, see readForSync) alone without calling Vitable, and reports a pending
   * sync it settled as its outcome.
   */
  mode: M;
  /** Who started it, for the log: the user's email or "Schedule (owner)". */
  startedBy: string;
  /** What the person confirmed; null until they have been asked. */
  confirmation: GivenConfirmation | null;
  /** How long this execution may wait for Vitable before leaving the sync pending. */
  pollBudgetMs: number;
  /** The largest request body that can be sent; UrlFetchApp's limit unless a test sets a smaller one. */
  bodyLimitBytes?: number;
  onStep(step: SyncStep): void;
}

/**
 * One sync of one tab, the only way any entry (sidebar, menu, schedule, CLI) syncs:
 * settle a pending sync → read the tab → plan (guards) → confirm → submit → record the pending
 * sync → poll → write back → record → log. One sync per spreadsheet at a time.
 */
export function runSync<M extends SyncMode>(
  context: SyncContext,
  sheetId: number,
  request: SyncRequest<M>,
): SyncResultOf<M> {
  return asOnlySync<SyncResultOf<M>>(
    context,
    () => syncHeldTab(context, sheetId, request),
    () => ({ state: "failed", message: SYNC_ALREADY_RUNNING }),
  );
}

/** A sync of one tab, for a caller already holding the spreadsheet's sync lease. Never throws. */
export function syncHeldTab<M extends SyncMode>(
  context: SyncContext,
  sheetId: number,
  request: SyncRequest<M>,
): SyncResultOf<M> {
  const tab = context.tab(sheetId);
  const link = tabLinkOf(context.records, sheetId);
  try {
    if (tab === null) throw new AddonError(TAB_GONE);
    if (link === null) throw new AddonError(NOT_LINKED);
    // Only the scheduled mode reads "unchanged" (readForSync), which SyncResultOf allows for it alone.
    return syncLinkedTab(context, tab, link, request) as SyncResultOf<M>;
  } catch (error) {
    const message = userMessageOf(error);
    // The add-on's own sentences are answers to the person, not events worth a log row.
    if (!(error instanceof AddonError)) {
      logOutcome(
        context,
        tab === null ? null : sheetId,
        logEntryOf(context, tab, link?.groupName ?? "", {
          startedBy: request.startedBy,
          outcome: "failed",
          detail: loggedMessageOf(error),
        }),
      );
    }
    return { state: "failed", message };
  }
}

function pollUntil(context: SyncContext, budgetMs: number): number {
  return Math.min(context.now() + budgetMs, context.startedAt + POLLING_ENDS_AFTER_MS);
}

function syncLinkedTab(context: SyncContext, tab: RosterTab, link: TabLink, request: SyncRequest): ScheduledTabResult {
  const sheetId = tab.sheetId;
  // A sync still processing goes first: its outcome must not be lost, and two syncs of one
  // group in flight could finish in either order.
  const earlier = pendingSyncOf(context.records, sheetId);
  const scheduled = request.mode === "scheduled";
  let settledNow: SyncRunResult | null = null;
  if (earlier !== null) {
    request.onStep({ kind: "processing" });
    settledNow = settlePending(context, sheetId, earlier, pollUntil(context, request.pollBudgetMs));
    if (settledNow.state === "pending") return { ...settledNow, message: PREVIOUS_STILL_PROCESSING };
    // A scheduled run reports a settled sync as its outcome for the tab rather than starting another on top.
    if (scheduled && settledNow.state === "failed") return settledNow;
  }

  const sent = sendRoster(context, tab, link, request);
  if (sent.state === "sent") return awaitOutcome(context, sheetId, link, request, sent);
  // A tab found unchanged reports the earlier sync settled now, if there was one.
  return sent.state === "unchanged" || sent.state === "unchangedSinceAttempt" ? (settledNow ?? sent) : sent;
}

/** A sync sent and recorded, its rows' statuses held until Vitable has finished. */
interface SentSync {
  state: "sent";
  pending: PendingSync;
  held: HeldStatuses | null;
}

/**
 * Reads and checks the tab and, when nothing stops it, sends the roster and records the sync as
 * pending. What it read (the tab, the roster, the request's JSON: tens of megabytes at 50,000
 * rows) is let go when it returns, before the wait for Vitable.
 */
function sendRoster(
  context: SyncContext,
  tab: RosterTab,
  link: TabLink,
  request: SyncRequest,
): ScheduledTabResult | SentSync {
  const sheetId = tab.sheetId;
  const scheduled = request.mode === "scheduled";
  request.onStep({ kind: "checking" });
  const reading = readForSync(context, tab, link, scheduled);
  if (typeof reading === "string") return { state: reading };
  const plan = planSync(reading.read, lastAcceptedOf(context.records, sheetId, link.groupId), {
    groupId: link.groupId,
    mode: request.mode,
    brake: reading.settings.brake,
    fingerprintKey: context.fingerprintKey,
  });
  const { diff, decision } = plan;
  const roster = reading.read.ok ? reading.read.roster : null;

  if (decision.kind === "blocked") {
    writeReadStatuses(context.records, reading, plan);
    const message = decision.blocks.map((block) => block.message).join(" ");
    logOutcome(
      context,
      sheetId,
      logEntryOf(context, tab, link.groupName, {
        startedBy: request.startedBy,
        outcome: "blocked",
        detail: message,
        counts: { added: 0, changed: 0, removed: 0, failed: 0, invalid: diff?.invalid.length ?? 0 },
      }),
    );
    return { state: "blocked", tabName: tab.name(), blocks: decision.blocks };
  }
  if (decision.kind === "confirm" && !confirms(request.confirmation, decision.token, decision.confirmations)) {
    writeReadStatuses(context.records, reading, plan);
    return {
      state: "needsConfirmation",
      tabName: tab.name(),
      confirmations: decision.confirmations,
      token: decision.token,
      changedSinceConfirmed: request.confirmation !== null && request.confirmation.token !== decision.token,
    };
  }
  if (roster === null || diff === null) throw new AddonError(UNREADABLE_ROSTER);
  const limitBytes = request.bodyLimitBytes ?? POST_BODY_LIMIT_BYTES;
  // One object for the size check and the request, so its JSON is written once.
  const sync = { members: roster.members };
  const oversized = oversizedSync(sync, limitBytes);
  if (oversized !== null) {
    // UrlFetchApp would refuse the request: nothing is sent or written but the refusal.
    const message = rosterTooLarge(
      roster.members.length,
      oversized.bodyBytes / MEGABYTE,
      limitBytes / MEGABYTE,
      oversized.membersThatFit,
    );
    const entry = logEntryOf(context, tab, link.groupName, {
      startedBy: request.startedBy,
      outcome: "failed",
      detail: message,
    });
    logOutcome(context, sheetId, entry);
    return { state: "failed", message };
  }

  request.onStep({ kind: "sending", members: roster.members.length });
  const receipt = context
    .vitable()
    .submitMemberSync(link.groupId, sync, { deadline: context.startedAt + POLLING_ENDS_AFTER_MS });
  const pending: PendingSync = {
    groupId: link.groupId,
    groupName: link.groupName,
    requestId: receipt.request_id,
    acceptedAt: receipt.accepted_at,
    submittedAt: new Date(context.now()).toISOString(),
    startedBy: request.startedBy,
    counts: {
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      invalid: diff.invalid.length,
    },
    excluded: diff.excluded.length,
    memberCount: diff.submitted.length,
    submitted: diff.submitted,
  };
  // Recorded before the first poll: whatever happens next, a later execution can finish it.
  savePendingSync(context.records, sheetId, pending, diff.lastAccepted);
  flushRecords(context.records);
  // Rows say Pending only if the sync is left pending: otherwise their statuses are written once, with the outcome.
  const held = holdStatuses(context.records, reading, roster, submittedStatusCells(reading.values, roster));
  return { state: "sent", pending, held };
}

/** Waits for Vitable to finish a sync just sent, and settles it, or leaves it pending. */
function awaitOutcome(
  context: SyncContext,
  sheetId: number,
  link: TabLink,
  request: SyncRequest,
  { pending, held }: SentSync,
): SyncRunResult {
  request.onStep({ kind: "processing" });
  const until = pollUntil(context, request.pollBudgetMs);
  // Vitable cannot have finished before about the time it took last time: asking sooner costs requests.
  const lastTiming = lastTimingOf(tabSyncRecordOf(context.records, sheetId).settled);
  const askAt = firstPollAt(Date.parse(pending.submittedAt), pending.memberCount, lastTiming);
  context.sleep(Math.max(0, Math.min(askAt, until) - context.now()));
  const result = settlePending(context, sheetId, pending, until, held);
  if (result.state === "pending") {
    logOutcome(
      context,
      sheetId,
      // Looked up again: the tab may have been deleted while Vitable processed the roster.
      logEntryOf(context, context.tab(sheetId), link.groupName, {
        startedBy: request.startedBy,
        outcome: "pending",
        detail: PENDING_LOG_DETAIL,
        requestId: pending.requestId,
        counts: { ...pending.counts, failed: 0 },
      }),
    );
  }
  return result;
}

/**
 * Reads the tab once. With `skipUnchanged`, it is first judged with the plans saved at the last
 * sync, so a tab that matches its last accepted roster, or the roster last sent when only the
 * members Vitable failed then differ (unchangedSinceLastAttempt), costs no call to Vitable; any
 * doubt (no record, a plan name the saved plans lack) counts as changed, and the same values are
 * then validated against fresh plans.
 */
function readForSync(
  context: SyncContext,
  tab: RosterTab,
  link: TabLink,
  skipUnchanged: boolean,
): TabReading | "unchanged" | "unchangedSinceAttempt" {
  const saved = skipUnchanged ? cachedPlans(context.records) : null;
  const accepted = lastAcceptedOf(context.records, tab.sheetId, link.groupId);
  if (saved === null || accepted === null) return readTab(context, tab, plansFor(context));
  const reading = readTab(context, tab, saved);
  if (reading.read.ok) {
    const diff = diffRoster(reading.read.roster, accepted, context.fingerprintKey);
    if (!changesVitable(diff)) return "unchanged";
    if (unchangedSinceLastAttempt(diff, tabSyncRecordOf(context.records, tab.sheetId).settled)) {
      return "unchangedSinceAttempt";
    }
  }
  return readValues(context, tab, reading.values, plansFor(context));
}

/** Statuses of a sync that stops before sending: each row's validation outcome. */
function writeReadStatuses(records: Records, reading: TabReading, plan: SyncPlan): void {
  if (!reading.read.ok) return;
  const unchanged = new Set(plan.diff?.unchanged.map((person) => person.referenceId) ?? []);
  const { roster } = reading.read;
  writeRowStatuses(records, reading, roster, readStatusCells(reading.values, roster, unchanged));
}

/** A confirmation counts only for exactly the removals it was given for, with any phrase typed. */
function confirms(given: GivenConfirmation | null, token: string, confirmations: readonly Confirmation[]): boolean {
  if (given === null || given.token !== token) return false;
  return confirmations.every(
    ({ confirmWith }) =>
      confirmWith.kind === "button" || matchesTypedPhrase(confirmWith.phrase, given.typedPhrase ?? ""),
  );
}
