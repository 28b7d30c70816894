import { readRecentLogEntries } from "../../appsscript/logTab";
import type { SidebarState } from "../../shared/bridge";
import type { AddonContext } from "../context";
import { connectionView } from "./connection";
import { scheduleView } from "./schedule";
import { tabView } from "./tabLinks";

const HISTORY_SHOWN = 10;

/** Everything the sidebar shows when it opens, for the tab the user is on. */
export function sidebarState(context: AddonContext): SidebarState {
  return {
    user: context.user,
    connection: connectionView(context.connection),
    tab: tabView(context, context.spreadsheet.getActiveSheet()),
    schedule: scheduleView(context),
    history: readRecentLogEntries(context.spreadsheet, HISTORY_SHOWN),
  };
}
