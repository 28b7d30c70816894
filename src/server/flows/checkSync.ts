import { lastResultOf } from "../../core/state/lastResult";
import { pendingSyncOf } from "../../core/state/pendingSync";
import { POLLING_ENDS_AFTER_MS, SIDEBAR_POLL_BUDGET_MS } from "../../core/sync/pollSchedule";
import type { SyncResultView } from "../../shared/bridge";
import type { AddonContext } from "../context";
import { pollPendingSync, STILL_PROCESSING } from "./pendingSync";
import { asOnlySync, SYNC_ALREADY_RUNNING } from "./syncLock";

const NOTHING_TO_CHECK = "This tab has no sync waiting for Vitable.";

/**
 * The sidebar's progress check: polls the tab's pending sync for a few seconds and writes its
 * outcome back once Vitable has finished; a sync another run finished meanwhile answers with
 * that run's result.
 */
export function checkSync(context: AddonContext, sheetId: number, detail: boolean): SyncResultView {
  const settled = (): SyncResultView =>
    lastResultOf(context.records, sheetId) ?? { state: "failed", message: NOTHING_TO_CHECK };
  return asOnlySync(
    context,
    () => {
      const pending = pendingSyncOf(context.records, sheetId);
      if (pending === null) return settled();
      const until = Math.min(Date.now() + SIDEBAR_POLL_BUDGET_MS, context.startedAt + POLLING_ENDS_AFTER_MS);
      return pollPendingSync(context, sheetId, pending, until, { detail, progress: () => undefined });
    },
    () => {
      // Another run (the menu or the schedule) holds the sync; it will finish this one.
      const pending = pendingSyncOf(context.records, sheetId);
      return pending === null
        ? { state: "failed", message: SYNC_ALREADY_RUNNING }
        : {
            state: "pending",
            requestId: pending.requestId,
            submittedAt: pending.submittedAt,
            message: STILL_PROCESSING,
          };
    },
  );
}
