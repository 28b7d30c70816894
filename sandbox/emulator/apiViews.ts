import type { StoredGroup, StoredSyncRequest } from "./state";

/** The objects of the API's responses (vitable-api.md §2), exactly as Vitable shapes them. */

export function groupView(group: StoredGroup) {
  const { id, organization_id, name, external_reference_id, created_at, updated_at } = group;
  return { id, organization_id, name, external_reference_id, created_at, updated_at };
}

export function syncReceiptView(request: StoredSyncRequest) {
  const { request_id, group_id, accepted_at } = request;
  return { request_id, group_id, accepted_at };
}

/** `completed_at` and `results` stay null while the request is processing. */
export function syncRequestView(request: StoredSyncRequest) {
  const { completed_at, results } = request;
  return { ...syncReceiptView(request), completed_at, results };
}
