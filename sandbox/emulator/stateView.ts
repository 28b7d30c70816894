import { groupView } from "./apiViews";
import type { EmulatorState, StoredSyncRequest } from "./state";

/**
 * What `GET /_sandbox/state` shows: everything the emulated Vitable holds, with API objects in
 * their API shape. Sync payloads are summed up by their size.
 */

export type SyncRequestStatus = "processing" | "completed" | "stalled";

function syncRequestStatus(request: StoredSyncRequest): SyncRequestStatus {
  if (request.completed_at !== null) return "completed";
  return request.neverCompletes ? "stalled" : "processing";
}

export function describeState(state: EmulatorState) {
  return {
    clockMs: state.clockMs,
    processingDelayMs: state.processingDelayMs,
    organizations: state.organizations,
    apiKeys: state.apiKeys,
    groups: state.groups.map((group) => ({ ...groupView(group), members: group.members })),
    syncRequests: state.syncRequests.map((request) => ({
      request_id: request.request_id,
      group_id: request.group_id,
      accepted_at: request.accepted_at,
      completed_at: request.completed_at,
      status: syncRequestStatus(request),
      dueAtMs: request.dueAtMs,
      memberCount: request.memberCount,
      results: request.results,
    })),
    unremovable: state.unremovable,
    faults: state.faults,
  };
}

export type EmulatorStateView = ReturnType<typeof describeState>;
