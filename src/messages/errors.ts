/**
 * What the add-on says when something other than Vitable stops it: Google's limits, or a failure
 * nobody foresaw. Such failures' own messages may quote cells, so they are never shown.
 */

/** PropertiesService refused a write: the store, shared by every spreadsheet of the user, passed 500 KB. */
export const SETTINGS_STORAGE_FULL =
  "Google's storage for this add-on's settings is full, so this change was not saved. Disconnect the add-on (and remove its schedule) in spreadsheets where you no longer use it, then try again.";

/** Apps Script's daily quotas or its 6-minute limit stopped the run. */
export const APPS_SCRIPT_LIMIT_REACHED =
  "Google Apps Script stopped the add-on because a daily quota or the time limit was reached. Try again later; nothing was half-written.";

export const UNEXPECTED_PROBLEM =
  "The add-on ran into an unexpected problem and stopped before changing anything further. Try again; if it happens again, note the time and contact your integration owner.";
