/**
 * How often to ask Vitable whether a sync has finished: soon at first (small rosters finish in
 * seconds), then less often, so a long sync costs few requests. No interval is documented
 * (vitable-api.md §3.3).
 */
const POLL_DELAYS_MS = [1_000, 2_000, 3_000, 5_000, 8_000];
const LONGEST_DELAY_MS = 10_000;

export function pollDelayMs(pollsSoFar: number): number {
  return POLL_DELAYS_MS[pollsSoFar] ?? LONGEST_DELAY_MS;
}

/**
 * Apps Script stops an execution after 6 minutes. Polling stops well before that, leaving time to
 * write the outcome back, and an unfinished sync stays pending for a later execution.
 */
export const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
export const POLLING_ENDS_AFTER_MS = 4.5 * 60 * 1000;
/**
 * The sidebar's Sync call waits at most this long, so the sidebar can show progress; a small
 * roster's sync usually ends within it, with one log row.
 */
export const SIDEBAR_POLL_BUDGET_MS = 20_000;
/**
 * The sidebar's progress check (checkSync) looks at Vitable once and answers: the sidebar itself
 * checks again every few seconds. No longer than the first delay, so the check never sleeps.
 */
export const SIDEBAR_CHECK_BUDGET_MS = 1_000;

/**
 * A sync Vitable has still not finished after this long is given up: its outcome is never
 * going to be written, and as long as it is pending the tab cannot sync again. Sending the
 * roster again is safe, since each sync replaces the whole roster.
 */
export const PENDING_GIVES_UP_AFTER_MS = 24 * 60 * 60 * 1000;
