/** Sentences about syncing a tab: starting, waiting for Vitable, outcomes, the schedule's runs. */

export const NOT_CONNECTED =
  "The add-on is not connected to Vitable yet. Open the sidebar (Extensions ▸ Vitable Roster Sync ▸ Open sidebar) and paste your Vitable API key.";

export const TAB_GONE = "That tab no longer exists in this spreadsheet. Pick the tab to work on and try again.";

export const SYNC_ALREADY_RUNNING =
  "A sync is already running in this spreadsheet (started from the menu, the sidebar or the schedule). Wait for it to finish, then try again.";

export const UNREADABLE_ROSTER = "The tab could not be read as a roster.";

export const STILL_PROCESSING =
  "Vitable accepted the roster and is still processing it. Rows say Pending until it finishes; the add-on writes the outcome then (open the sidebar, sync again or let the schedule run).";

export const PREVIOUS_STILL_PROCESSING =
  "The previous sync of this tab is still processing at Vitable, so a new one cannot start yet. Its rows say Pending; try again in a few minutes.";

export const NOTHING_TO_CHECK = "This tab has no sync waiting for Vitable.";

export const PENDING_LOG_DETAIL = "Vitable accepted the roster and was still processing it when this run ended.";

/** A check of a pending sync failed; Vitable may have finished anyway. */
export function checkFailed(problem: string): string {
  return `${problem} The sync itself is still recorded and will be checked again.`;
}

export function syncGone(problem: string, submittedAt: string): string {
  return `${problem} The outcome of the sync sent on ${submittedAt} cannot be read; check the group in Vitable, then sync again.`;
}

export function syncGivenUp(submittedAt: string): string {
  return `Vitable has still not finished the sync sent on ${submittedAt} after 24 hours, so the add-on stopped waiting for it. Check the group in Vitable, then sync again: sending the roster again is safe.`;
}

/** The confirmation the person gave no longer matches what the sync would do. */
export const CHANGED_SINCE_CONFIRMED =
  "The tab or the Vitable group changed after you confirmed, so nothing was sent. Check who would be removed now and confirm again.";

export const NOTHING_SENT = "Nothing was sent to Vitable.";

export function failedRowsDetail(failed: string): string {
  return `${failed} failed in Vitable; see the sidebar or the rows marked Failed.`;
}

export function deletedTabDetail(groupName: string): string {
  return `The tab linked to ${groupName} was deleted. Link another tab to the group, or remove the schedule.`;
}

export const DELETED_TAB_NAME = "(deleted tab)";

/** What a person waiting for a menu sync is told, step by step. */
export const SYNC_STEPS = {
  checking: "Checking the tab…",
  sending: (members: number) => `Sending ${members} members to Vitable…`,
  processing: "Vitable is processing the roster…",
} as const;

/** Vitable finished: "Vitable finished the sync of "Roster" to Acme: 3 added, 29 already in the group, 0 removed." */
export function syncFinished(tab: string | null, groupName: string, parts: readonly string[]): string {
  return `Vitable finished the sync of ${tab === null ? "the tab" : `"${tab}"`} to ${groupName}: ${parts.join(", ")}.`;
}

export const SCHEDULED_RUN = {
  failed: "At least one tab failed to sync; see the Vitable Sync Log tab.",
  blocked: "At least one tab was not synced because a safety check stopped it; see the Vitable Sync Log tab.",
  pending: "Vitable was still processing at least one tab; the next run finishes it.",
  completed: (tabs: string) => `${tabs} synced.`,
  noLinks: "No tab is linked to a Vitable group.",
  unchanged: "Nothing changed since the last sync; Vitable was not called.",
  busy: "Another sync was running, so this run did nothing; the next run syncs.",
} as const;

export const NOT_LINKED =
  "This tab is not linked to a Vitable group yet. In the sidebar, pick the group this tab lists, then Link.";
