/** What the Vitable Sync Log tab says around its rows, one row per sync. */

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
export const LOG_PROTECTION_NOTE = "Vitable Roster Sync writes one row here per sync.";
