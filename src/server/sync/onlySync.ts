import { activeLease, releaseLease, takeLease } from "../../core/state/syncLease";
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
    const now = context.now();
    if (activeLease(context.records, now) !== null) return busy();
    takeLease(context.records, `${context.user} ${now}`, now);
    try {
      return work();
    } finally {
      releaseLease(context.records);
      context.lock.flush();
    }
  } finally {
    context.lock.release();
  }
}
