/** What the Vitable Sync Log tab says around its rows, one row per sync. */

/** The header of each column, left to right as core/log/logRows lays a row out. */
export const LOG_COLUMN_HEADERS = {
  time: "Time",
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
