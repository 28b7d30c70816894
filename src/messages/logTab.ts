/** What the Vitable Sync Log tab says around its rows, one row per sync or setting changed. */

/** The Time column's header: Sheets shows the times in the spreadsheet's time zone, named here. */
export function logTimeHeader(timeZone: string): string {
  return `Time (${timeZone})`;
}

/** The header of each other column, left to right as core/log/logRows lays a row out after Time. */
export const LOG_COLUMN_HEADERS = {
  tab: "Tab",
  group: "Group",
  startedBy: "Started by",
  added: "Added",
  changed: "Changed",
  removed: "Removed",
  failed: "Failed",
  invalid: "Invalid",
  requestId: "Request ID",
  outcome: "Outcome",
  detail: "Details",
} as const;

/** Shown by the warning-only protection of the tab when someone edits it. */
export const LOG_PROTECTION_NOTE = "Vitable Roster Sync writes one row here per sync and per safeguard changed.";

/**
 * The Details of a row about a changed setting. A key shared with every editor is named by its
 * environment only: no part of a key is ever written to the log.
 */
export const SETTING_CHANGES = {
  sharedKeyConnected: (environment: string) =>
    `Connected a Vitable key (${environment}) for everyone who edits this spreadsheet.`,
  sharedKeyReplaced: (environment: string) =>
    `Replaced the Vitable key everyone who edits this spreadsheet uses with another one (${environment}).`,
  sharedKeyDisconnected: "Disconnected the Vitable key everyone who edits this spreadsheet used.",
  removalLimit: (from: string, to: string) => `Changed the removal limit of this tab from ${from} to ${to}.`,
} as const;
