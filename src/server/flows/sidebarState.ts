import { allTabSyncRecords, RECENT_KEPT } from "../../core/state/tabSyncRecord";
import type { LogEntryView, SidebarState } from "../../shared/bridge";
import type { AddonContext } from "../context";
import { logEntryView } from "../views";
import { connectionView } from "./connection";
import { scheduleView } from "./schedule";
import { tabView } from "./tabLinks";

/** Everything the sidebar shows when it opens, for the tab the user is on. */
export function sidebarState(context: AddonContext): SidebarState {
  const active = context.activeSheet();
  // Known by its ID from now on, so the history names it without looking it up again.
  context.tabOf(active);
  return {
    user: context.user,
    timeZone: context.timeZone,
    connection: connectionView(context.connection),
    tab: tabView(context, active),
    schedule: scheduleView(context),
    history: recentSyncs(context),
  };
}

/**
 * The spreadsheet's latest syncs, newest first, from the records kept per tab (never read back
 * from the log tab, which users can edit), each under its tab's current name.
 */
function recentSyncs(context: AddonContext): LogEntryView[] {
  const entries = allTabSyncRecords(context.records).flatMap(({ sheetId, record }) => {
    const name = context.tab(sheetId)?.name();
    return record.recent.map((entry) => (name === undefined ? entry : { ...entry, tab: name }));
  });
  return entries
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, RECENT_KEPT)
    .map(logEntryView);
}
