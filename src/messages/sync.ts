/** Sentences about syncing a tab: starting, waiting for Vitable, outcomes, the schedule's runs. */
import { countOf } from "../core/text/wording";

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

/** `submittedAt` reads as the spreadsheet's time, with its zone: "Nov 23, 2026, 10:00 AM EST". */
export function syncGone(problem: string, submittedAt: string): string {
  return `${problem} The outcome of the sync sent on ${submittedAt} cannot be read; check the group in Vitable, then sync again.`;
}

export function syncGivenUp(submittedAt: string): string {
  return `Vitable has still not finished the sync sent on ${submittedAt} after 24 hours, so the add-on stopped waiting for it. Check the group in Vitable, then sync again: sending the roster again is safe.`;
}

/** The confirmation the person gave no longer matches what the sync would do. */
export const CHANGED_SINCE_CONFIRMED =
  "The tab or the Vitable group changed after you confirmed, so nothing was sent. Check who would be removed now and confirm again.";

export function failedRowsDetail(failed: string): string {
  return `${failed} failed in Vitable; each row marked Failed says why.`;
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

/**
 * Vitable finished: "Vitable finished the sync of "Roster" to Acme: 3 added, 29 already in the
 * group, 4 rows not sent: 3 invalid, 1 left out." Parts are FINISHED_PARTS; a null one (a count
 * of zero) is left out.
 */
export function syncFinished(tab: string | null, groupName: string, parts: readonly (string | null)[]): string {
  const said = parts.filter((part) => part !== null);
  const what = said.length === 0 ? "nothing changed" : said.join(", ");
  return `Vitable finished the sync of ${tab === null ? "the tab" : `"${tab}"`} to ${groupName}: ${what}.`;
}

export const SCHEDULED_RUN = {
  failed: "At least one tab failed to sync; see the Vitable Sync Log tab.",
  blocked: "At least one tab was not synced because a safety check stopped it; see the Vitable Sync Log tab.",
  pending: "Vitable was still processing at least one tab; the next run finishes it.",
  completed: (tabs: string) => `${tabs} synced.`,
  noLinks: "No tab is linked to a Vitable group.",
  unchanged: "Nothing changed since the last sync; Vitable was not called.",
  unchangedSinceAttempt:
    "Unchanged since the last attempt, so the roster was not sent again: Vitable refused some of its rows " +
    "last time (see the rows marked Failed). Fix them, or sync from the sidebar to send it again anyway.",
  busy: "Another sync was running, so this run did nothing; the next run syncs.",
} as const;

export const NOT_LINKED =
  "This tab is not linked to a Vitable group yet. In the sidebar, pick the group this tab lists, then Link.";

/** A row's Vitable Message at each step of a sync. */
export const PENDING_MESSAGE = "Sent to Vitable. Waiting for Vitable to finish the sync.";
export const ADDED_MESSAGE = "Added to the Vitable group by the last sync.";
export const SYNCED_MESSAGE = "In the Vitable group, confirmed by the last sync.";
export const UNKNOWN_OUTCOME_MESSAGE =
  "Sent to Vitable, but the outcome of that sync could not be read (see the Vitable Sync Log tab). Sync again.";

const REMOVED_ON = "Removed from Vitable on ";

/**
 * A row's Vitable Message once a sync removed its person while the row stayed in the tab.
 * `date` is YYYY-MM-DD in the spreadsheet's time zone; `problem` is the invalid row's message;
 * `why` says what leaves the row out: `Include is "No"`.
 */
export const REMOVED_ROW_MESSAGE = {
  invalid: (date: string, problem: string) =>
    `${REMOVED_ON}${date} because this row is invalid: ${problem} Fix the row and sync to add them again.`,
  leftOut: (date: string, why: string) => `${REMOVED_ON}${date}: this row is left out (${why}).`,
} as const;

/** Whether a row's message already tells that its person was removed. */
export function saysRemoved(message: string): boolean {
  return message.startsWith(REMOVED_ON);
}

/** Why someone in the group would leave it, beside their name in the sidebar. */
export const REMOVAL_REASONS = {
  notInTab: "Not in the tab",
  excluded: (row: number) => `Row ${row} is excluded`,
  invalid: (row: number, problem: string) => `Row ${row} is invalid: ${problem}`,
} as const;

/** A count as a part of the finished sentence, or null when it is zero: zero counts are not said. */
const counted =
  (say: (count: number) => string) =>
  (count: number): string | null =>
    count === 0 ? null : say(count);

/** The parts of "Vitable finished the sync of …: 3 added, 29 already in the group, 1 removed." */
export const FINISHED_PARTS = {
  added: counted((count) => `${count} added`),
  alreadyInGroup: counted((count) => `${count} already in the group`),
  removed: counted((count) => `${count} removed`),
  addsFailed: counted((count) => `${count} failed (see the rows marked Failed)`),
  removalsFailed: (removals: string) => `${removals} failed`,
  /** Rows the sync did not send: "4 rows not sent: 3 invalid, 1 left out". */
  notSent: (invalid: number, leftOut: number): string | null => {
    const why = [invalid > 0 ? `${invalid} invalid` : "", leftOut > 0 ? `${leftOut} left out` : ""];
    return invalid + leftOut === 0
      ? null
      : `${countOf(invalid + leftOut, "row", "rows")} not sent: ${why.filter((part) => part !== "").join(", ")}`;
  },
} as const;

/** Who a scheduled run acts as, in the log. */
export function scheduleStartedBy(owner: string): string {
  return `Schedule (${owner})`;
}

/** The menu's dialogs around a sync. */
export const MENU_SYNC = {
  confirmTitle: (addonName: string) => `${addonName}: confirm`,
  failed: (failures: string) => `Failed: ${failures}`,
  failure: (person: string, row: number | null, reason: string) => `${person}${row ? ` (row ${row})` : ""}: ${reason}`,
} as const;

/** The menu's summary of Validate this tab. */
export const MENU_VALIDATE = {
  summary: (tab: string, ready: number, invalid: number, excluded: number, blank: number) =>
    `"${tab}": ${ready} ready, ${invalid} invalid, ${excluded} excluded, ${blank} blank rows.`,
  problem: (row: number, message: string) => `Row ${row}: ${message}`,
  more: (count: number) => `…and ${count} more. The Vitable Message column lists them all.`,
} as const;

/** Who the log names when Google does not say who the user is (another domain's account). */
export const UNNAMED_USER = "a user of this spreadsheet";

/** A run that cannot check the add-on's records: the secret that signs them is not available to it. */
export const RECORDS_SECRET_MISSING =
  "The add-on can't check its records in this spreadsheet, so nothing was changed. " +
  "Open the spreadsheet and choose Extensions ▸ Vitable Roster Sync ▸ Open sidebar once, then sync again.";

/**
 * A roster whose member sync would be larger than Google lets an add-on send in one request;
 * `limitMegabytes` is that limit, `fit` how many members of this roster's average size fit in it.
 */
export function rosterTooLarge(members: number, megabytes: number, limitMegabytes: number, fit: number): string {
  return (
    `This tab's ${countOf(members, "member", "members")} make a request of ${megabytes.toFixed(1)} MB, more than the ${Math.round(limitMegabytes * 10) / 10} MB Google lets an add-on send at once, so nothing was sent. ` +
    `About ${countOf(fit, "member", "members")} of this size fit in one sync.`
  );
}
