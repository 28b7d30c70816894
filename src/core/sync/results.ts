import type { MemberSyncFailure, MemberSyncResults } from "../../vitable/apiSchemas";
import { UNKNOWN_FINGERPRINT, lastAcceptedFor, type AcceptedMember, type AcceptedRoster } from "./acceptedRoster";
import type { SyncedStatus } from "./sheetStatus";

/** A completed sync request, with what the add-on had recorded when it submitted it. */
export interface CompletedSync {
  groupId: string;
  requestId: string;
  /** Vitable's `completed_at`. */
  completedAt: string;
  /** The last accepted roster when the sync was submitted. */
  previous: AcceptedRoster | null;
  /** The members sent, as RosterDiff.submitted recorded them. */
  submitted: AcceptedMember[];
  results: MemberSyncResults;
}

/**
 * The outcome of one sent member. Added means new since the last accepted roster; without one,
 * everyone sent counts as added, since nothing shows who the group held before.
 */
export type SentMemberOutcome =
  { status: Exclude<SyncedStatus, "Failed"> } | { status: Extract<SyncedStatus, "Failed">; reason: string };

export interface RemovalFailure {
  referenceId: string;
  /** From the last accepted roster; empty when the person was never in it. */
  name: string;
  reason: string;
}

export interface SyncOutcome {
  /** By reference ID, for every member sent: write-back matches rows by reference ID. */
  sent: Map<string, SentMemberOutcome>;
  /** People of the last accepted roster whom this sync removed. */
  removed: AcceptedMember[];
  /** Removals Vitable could not make: these people are still in the group. */
  removalsFailed: RemovalFailure[];
  /** `add` failures for reference IDs this sync did not send, kept so that no outcome is lost. */
  unexpectedFailures: MemberSyncFailure[];
  /** Counted from the lists above, so they agree with the sheet. */
  counts: { added: number; synced: number; failed: number; removed: number; removalsFailed: number };
  /** The lengths of Vitable's own ID lists; they can differ from `counts` when there was no last accepted roster. */
  reportedByVitable: { added: number; removed: number };
  /** The new last accepted roster: members sent minus failed adds, plus members whose removal failed. */
  nextAccepted: AcceptedRoster;
}

/**
 * Reads a completed sync's results. A failed `add` of someone already in the last accepted
 * roster leaves them in the group with their previous record (Vitable may have failed only the
 * update), so the next diff shows them as changed and sends them again.
 */
export function mapSyncResults(sync: CompletedSync): SyncOutcome {
  const previous = lastAcceptedFor(sync.previous, sync.groupId);
  const previousById = new Map<string, AcceptedMember>();
  for (const member of previous?.members ?? []) previousById.set(member.referenceId, member);
  const submittedIds = new Set<string>();
  for (const member of sync.submitted) submittedIds.add(member.referenceId);

  const addFailures = new Map<string, string>();
  const removeFailures = new Map<string, string>();
  const unexpectedFailures: MemberSyncFailure[] = [];
  for (const failure of sync.results.failures) {
    if (failure.operation === "remove") {
      if (!removeFailures.has(failure.reference_id)) removeFailures.set(failure.reference_id, failure.reason);
    } else if (!submittedIds.has(failure.reference_id)) {
      unexpectedFailures.push(failure);
    } else if (!addFailures.has(failure.reference_id)) {
      addFailures.set(failure.reference_id, failure.reason);
    }
  }

  const sent = new Map<string, SentMemberOutcome>();
  const nextMembers: AcceptedMember[] = [];
  const counts = { added: 0, synced: 0, failed: 0, removed: 0, removalsFailed: 0 };
  for (const member of sync.submitted) {
    const before = previousById.get(member.referenceId);
    const failure = addFailures.get(member.referenceId);
    if (failure !== undefined) {
      sent.set(member.referenceId, { status: "Failed", reason: failure });
      counts.failed++;
      if (before !== undefined) nextMembers.push(before);
    } else {
      sent.set(member.referenceId, { status: before === undefined ? "Added" : "Synced" });
      if (before === undefined) counts.added++;
      else counts.synced++;
      nextMembers.push(member);
    }
  }

  const removed: AcceptedMember[] = [];
  for (const member of previous?.members ?? []) {
    if (submittedIds.has(member.referenceId)) continue;
    if (removeFailures.has(member.referenceId)) nextMembers.push(member);
    else removed.push(member);
  }

  const removalsFailed: RemovalFailure[] = [];
  removeFailures.forEach((reason, referenceId) => {
    const before = previousById.get(referenceId);
    removalsFailed.push({ referenceId, name: before?.name ?? "", reason });
    // Still in the group though never recorded: keep them, so the next diff shows their removal.
    if (before === undefined && !submittedIds.has(referenceId)) {
      nextMembers.push({ referenceId, name: "", fingerprint: UNKNOWN_FINGERPRINT });
    }
  });
  counts.removed = removed.length;
  counts.removalsFailed = removalsFailed.length;

  return {
    sent,
    removed,
    removalsFailed,
    unexpectedFailures,
    counts,
    reportedByVitable: {
      added: sync.results.added_group_member_ids.length,
      removed: sync.results.removed_group_member_ids.length,
    },
    nextAccepted: {
      groupId: sync.groupId,
      requestId: sync.requestId,
      completedAt: sync.completedAt,
      members: nextMembers,
    },
  };
}
