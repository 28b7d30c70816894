import { activeLease, releaseLease, takeLease } from "../../core/state/syncLease";
import { flushRecords, inBatch } from "../../core/state/records";
import type { SyncContext } from "../syncContext";

/** How long a click waits for another run to let go: a moment, not a queue. */
const LOCK_WAIT_MS = 2_000;

/**
 * Runs `work` as the spreadsheet's only sync (product.md invariant 6), or returns `busy()`.
 * The document lock makes checking and taking the lease atomic between users; the lease covers
 * scheduled runs, which may get no document lock.
 */
export function asOnlySync<T>(context: SyncContext, work: () => T, busy: () => T): T {
  if (!context.lock.tryLock(LOCK_WAIT_MS)) return busy();
  try {
    // The records this run sets are written together at the points a later run must find them.
    return inBatch(context.records, () => {
      const now = context.now();
      if (activeLease(context.records, now) !== null) return busy();
      takeLease(context.records, `${context.user} ${now}`, now);
      flushRecords(context.records);
      try {
        return work();
      } finally {
        releaseLease(context.records);
      }
    });
  } finally {
    context.lock.flush();
    context.lock.release();
  }
}
