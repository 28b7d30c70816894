import { hasPendingSync } from "../../core/state/pendingSync";
import { latestOutcome, tabSyncRecordOf } from "../../core/state/tabSyncRecord";
import type { ActiveTabView } from "../../shared/bridge";
import type { AddonContext } from "../context";

/**
 * A text that changes exactly when a sync of the tab starts (its pending record appears),
 * settles, is blocked or fails (an outcome is recorded), whoever ran it: the records are where
 * the sidebar, the menu and the schedule all leave these. A sync settles before another of the
 * tab starts, recording an outcome, so whether one is pending is enough to tell syncs apart.
 */
export function syncMarker(context: AddonContext, sheetId: number): string {
  const latest = latestOutcome(tabSyncRecordOf(context.records, sheetId));
  const pending = hasPendingSync(context.records, sheetId) ? "pending" : "idle";
  return latest === null ? pending : `${pending} ${latest.outcome} ${latest.at} ${latest.requestId}`;
}

/** The tab on screen, for the sidebar to poll: its name and the records only, never its cells. */
export function activeTab(context: AddonContext): ActiveTabView {
  const tab = context.tabOf(context.activeSheet());
  return { sheetId: tab.sheetId, name: tab.name(), syncMarker: syncMarker(context, tab.sheetId) };
}
