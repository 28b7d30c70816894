import type { LogEntry } from "../core/log/logEntry";
import type { PendingSync } from "../core/state/pendingSync";
import type { FinishedSync } from "../core/state/tabSyncRecord";
import type { Removal, RowPerson } from "../core/sync/diff";
import type { Block, Confirmation, SyncDecision } from "../core/sync/guards";
import { countOf } from "../core/text/wording";
import { DELETED_TAB_NAME, FINISHED_PARTS, REMOVAL_REASONS, syncFinished } from "../messages/sync";
import type {
  BlockView,
  ConfirmationView,
  LogEntryView,
  PendingView,
  PersonView,
  PreviewView,
  RemovalView,
  SyncResultView,
} from "../shared/bridge";
import type { SyncRunResult } from "./sync/syncResult";

/**
 * The sidebar's views of domain results (src/shared/bridge.ts), made at the edge. Lists are
 * capped for the sidebar unless `detail` asks for all of them (the sandbox CLI).
 */

/** The sidebar shows this many items of a list; the counts say how many there are. */
export const SIDEBAR_LIST_LIMIT = 100;

export function capped<T>(items: readonly T[], detail: boolean): T[] {
  return detail ? [...items] : items.slice(0, SIDEBAR_LIST_LIMIT);
}

export function personView(person: RowPerson): PersonView {
  return { referenceId: person.referenceId, name: person.name, row: person.row };
}

export function removalView(removal: Removal): RemovalView {
  const { reason } = removal;
  const why =
    reason.kind === "notInTab"
      ? REMOVAL_REASONS.notInTab
      : reason.kind === "excluded"
        ? REMOVAL_REASONS.excluded(reason.row)
        : REMOVAL_REASONS.invalid(reason.row, reason.problem);
  return { referenceId: removal.referenceId, name: removal.name, reason: why };
}

export function confirmationView(confirmation: Confirmation, detail: boolean): ConfirmationView {
  return {
    guard: confirmation.guard,
    message: confirmation.message,
    people: capped(confirmation.people, detail).map(removalView),
    typedPhrase: confirmation.confirmWith.kind === "typed" ? confirmation.confirmWith.phrase : null,
  };
}

export function blockView(block: Block, detail: boolean): BlockView {
  return { guard: block.guard, message: block.message, people: capped(block.people, detail).map(removalView) };
}

export function decisionView(decision: SyncDecision, detail: boolean): PreviewView["decision"] {
  switch (decision.kind) {
    case "proceed":
      return decision;
    case "confirm":
      return {
        kind: "confirm",
        confirmations: decision.confirmations.map((c) => confirmationView(c, detail)),
        token: decision.token,
      };
    case "blocked":
      return { kind: "blocked", blocks: decision.blocks.map((b) => blockView(b, detail)) };
  }
}

export function pendingView(pending: PendingSync | null): PendingView | null {
  return pending === null
    ? null
    : { requestId: pending.requestId, submittedAt: pending.submittedAt, startedBy: pending.startedBy };
}

export function logEntryView(entry: LogEntry): LogEntryView {
  return { ...entry, counts: { ...entry.counts } };
}

/** "Vitable finished the sync of "Roster" to Acme: 3 added, 29 already in the group, 0 removed." */
export function finishedMessage(sync: FinishedSync, tabName: string | null): string {
  const parts = [
    FINISHED_PARTS.added(sync.counts.added),
    FINISHED_PARTS.alreadyInGroup(sync.alreadyInGroup),
    FINISHED_PARTS.removed(sync.counts.removed),
  ];
  const addsFailed = sync.counts.failed - sync.removalsFailed;
  if (addsFailed > 0) parts.push(FINISHED_PARTS.addsFailed(addsFailed));
  if (sync.removalsFailed > 0)
    parts.push(FINISHED_PARTS.removalsFailed(countOf(sync.removalsFailed, "removal", "removals")));
  parts.push(FINISHED_PARTS.notSent(sync.counts.invalid, sync.leftOut ?? 0));
  return syncFinished(tabName, sync.groupName, parts);
}

export function syncResultView(result: SyncRunResult, detail: boolean): SyncResultView {
  if (result.state === "failed") return result;
  // The synced tab's name, as the log names a deleted one.
  const tabName = result.tabName ?? DELETED_TAB_NAME;
  switch (result.state) {
    case "needsConfirmation":
      return {
        state: "needsConfirmation",
        tabName,
        confirmations: result.confirmations.map((confirmation) => confirmationView(confirmation, detail)),
        token: result.token,
        changedSinceConfirmed: result.changedSinceConfirmed,
      };
    case "blocked":
      return {
        state: "blocked",
        tabName,
        message: result.blocks.map((block) => block.message).join(" "),
        blocks: result.blocks.map((block) => blockView(block, detail)),
      };
    case "pending":
      return {
        state: "pending",
        tabName,
        requestId: result.pending.requestId,
        submittedAt: result.pending.submittedAt,
        message: result.message,
      };
    case "completed": {
      const { sync } = result;
      return {
        state: "completed",
        tabName,
        requestId: sync.requestId,
        completedAt: sync.completedAt,
        message: finishedMessage(sync, result.tabName),
        counts: sync.counts,
        added: capped(sync.added, detail),
        removed: capped(sync.removed, detail),
        failures: capped(sync.failures, detail),
      };
    }
  }
}
