import { isoSeconds } from "./clock";
import { takeNeverCompleteFault } from "./faults";
import type { SyncMember } from "./memberRules";
import {
  findOrganization,
  nextId,
  type EmulatorState,
  type GroupMember,
  type StoredGroup,
  type StoredSyncRequest,
  type SyncResults,
} from "./state";

/**
 * Member sync processing (vitable-api.md §3): a request is accepted at once and completes a
 * processing delay later. Completion is computed lazily, whenever the emulator is asked
 * anything at or after a due time, so it follows a controlled clock and survives restarts.
 */

/** People whose email is at this domain already have a subscription under another organization. */
const OTHER_ORGANIZATION_EMAIL = /@other-org\.example$/i;

export const FAILURE_REASONS = {
  invalidPlan: "Invalid plan_id",
  otherOrganization:
    "This person already has an active subscription under another organization; it stays in place and they were not added to this group.",
  unremovable: "This member could not be removed from the group; their plan subscription is still active.",
} as const;

export function acceptSync(
  state: EmulatorState,
  group: StoredGroup,
  members: SyncMember[],
  nowMs: number,
): StoredSyncRequest {
  const request: StoredSyncRequest = {
    request_id: nextId(state, "syncRequest"),
    group_id: group.id,
    accepted_at: isoSeconds(nowMs),
    dueAtMs: nowMs + state.processingDelayMs,
    neverCompletes: takeNeverCompleteFault(state, group.id),
    memberCount: members.length,
    payload: members,
    completed_at: null,
    results: null,
  };
  state.syncRequests.push(request);
  return request;
}

/** Completes, in acceptance order, every request due at `nowMs`; true when any completed. */
export function settleDueSyncs(state: EmulatorState, nowMs: number): boolean {
  let settled = false;
  for (const request of state.syncRequests) {
    if (request.completed_at !== null || request.neverCompletes || request.dueAtMs > nowMs) continue;
    const group = state.groups.find((candidate) => candidate.id === request.group_id);
    if (group === undefined)
      throw new Error(`Sync request ${request.request_id} names unknown group ${request.group_id}.`);
    request.results = applyRoster(state, group, request.payload ?? [], request.dueAtMs);
    request.completed_at = isoSeconds(request.dueAtMs);
    request.payload = null;
    settled = true;
  }
  return settled;
}

/** Replaces the group's members with `roster`, keyed by reference_id, and reports what happened. */
function applyRoster(state: EmulatorState, group: StoredGroup, roster: SyncMember[], atMs: number): SyncResults {
  const plans = new Set(findOrganization(state, group.organization_id)?.plans.map((plan) => plan.id));
  const current = new Map(group.members.map((member) => [member.reference_id, member]));
  const unremovable = new Set(
    state.unremovable
      .filter((entry) => entry.groupId === null || entry.groupId === group.id)
      .map((entry) => entry.referenceId),
  );
  const results: SyncResults = { added_group_member_ids: [], removed_group_member_ids: [], failures: [] };
  const members: GroupMember[] = [];
  const inRoster = new Set<string>();

  for (const record of roster) {
    const referenceId = record.reference_id;
    inRoster.add(referenceId);
    const existing = current.get(referenceId);
    if (!plans.has(record.plan_id)) {
      results.failures.push({ reference_id: referenceId, operation: "add", reason: FAILURE_REASONS.invalidPlan });
      if (existing !== undefined) members.push(existing);
    } else if (existing !== undefined) {
      members.push({ ...existing, record });
    } else if (record.email != null && OTHER_ORGANIZATION_EMAIL.test(record.email)) {
      results.failures.push({ reference_id: referenceId, operation: "add", reason: FAILURE_REASONS.otherOrganization });
    } else {
      const id = nextId(state, "groupMember");
      results.added_group_member_ids.push(id);
      members.push({ id, reference_id: referenceId, added_at: isoSeconds(atMs), record });
    }
  }

  for (const member of group.members) {
    if (inRoster.has(member.reference_id)) continue;
    if (unremovable.has(member.reference_id)) {
      results.failures.push({
        reference_id: member.reference_id,
        operation: "remove",
        reason: FAILURE_REASONS.unremovable,
      });
      members.push(member);
    } else {
      results.removed_group_member_ids.push(member.id);
    }
  }

  group.members = members;
  return results;
}
