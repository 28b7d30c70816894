import { pendingSyncOf } from "../../core/state/pendingSync";
import { tabSyncRecordOf } from "../../core/state/tabSyncRecord";
import {
  POLLING_ENDS_AFTER_MS,
  SIDEBAR_CHECK_BUDGET_MS,
  firstPollAt,
  lastTimingOf,
} from "../../core/sync/pollSchedule";
import { NOTHING_TO_CHECK, STILL_PROCESSING, SYNC_ALREADY_RUNNING } from "../../messages/sync";
import type { SyncContext } from "../syncContext";
import { asOnlySync } from "./onlySync";
import { settlePending, tabNameOf } from "./settle";
import type { SyncRunResult } from "./syncResult";

/**
 * The sidebar's progress check, made every few seconds: looks at the tab's pending sync once and
 * writes its outcome back once Vitable has finished; a sync another run settled meanwhile
 * answers with how it settled, from the records.
 */
export function checkSync(context: SyncContext, sheetId: number): SyncRunResult {
  return asOnlySync(
    context,
    () => {
      const pending = pendingSyncOf(context.records, sheetId);
      if (pending === null) return settledSync(context, sheetId);
      // Until Vitable can have finished, the answer is known without asking it.
      const lastTiming = lastTimingOf(tabSyncRecordOf(context.records, sheetId).settled);
      if (context.now() < firstPollAt(Date.parse(pending.submittedAt), pending.memberCount, lastTiming)) {
        return { state: "pending", tabName: tabNameOf(context, sheetId), pending, message: STILL_PROCESSING };
      }
      const until = Math.min(context.now() + SIDEBAR_CHECK_BUDGET_MS, context.startedAt + POLLING_ENDS_AFTER_MS);
      return settlePending(context, sheetId, pending, until);
    },
    () => {
      // Another run (the menu or the schedule) holds the sync; it will finish this one.
      const pending = pendingSyncOf(context.records, sheetId);
      return pending === null
        ? { state: "failed", message: SYNC_ALREADY_RUNNING }
        : { state: "pending", tabName: tabNameOf(context, sheetId), pending, message: STILL_PROCESSING };
    },
  );
}

function settledSync(context: SyncContext, sheetId: number): SyncRunResult {
  const { settled } = tabSyncRecordOf(context.records, sheetId);
  if (settled === null) return { state: "failed", message: NOTHING_TO_CHECK };
  return settled.state === "completed"
    ? { state: "completed", sync: settled.sync, tabName: tabNameOf(context, sheetId) }
    : settled;
}
