import type { SettledSync } from "../state/tabSyncRecord";

/**
 * When to ask Vitable whether a sync has finished. No processing time is documented
 * (vitable-api.md §3.3), so the first question waits for about as long as Vitable took over the
 * tab's last sync, scaled down for a smaller roster; later ones come soon after, then less often,
 * so a sync slower than expected costs few requests.
 */
const POLL_DELAYS_MS = [1_000, 2_000, 3_000, 5_000, 8_000];
const LONGEST_DELAY_MS = 10_000;

/** Asking sooner than this after sending finds nothing: Vitable takes about a second even for one member. */
export const SHORTEST_PROCESSING_MS = 1_000;

/** How long Vitable took over a tab's last sync, and over how many members. */
export interface VitableTiming {
  members: number;
  processingMs: number;
}

/** The wait after each unanswered question, by how many were asked before it. */
export function pollDelayMs(pollsSoFar: number): number {
  return POLL_DELAYS_MS[pollsSoFar] ?? LONGEST_DELAY_MS;
}

/**
 * No roster's first question waits longer than 30 seconds plus 2 ms per member (the benchmark
 * assumes Vitable takes 2 s plus 1 ms per member): one sync Vitable was slow over must not hold
 * back the checks of the next, which may be quick.
 */
const SLOWEST_EXPECTED_BASE_MS = 30_000;
const SLOWEST_EXPECTED_MS_PER_MEMBER = 2;

/**
 * How long Vitable should take over `members` members. A larger roster is not scaled up: part of
 * Vitable's time does not grow with the roster, and asking early costs one request where asking
 * late keeps the person waiting.
 */
export function expectedProcessingMs(members: number, last: VitableTiming | null): number {
  if (last === null || last.members <= 0 || last.processingMs <= 0) return SHORTEST_PROCESSING_MS;
  const scaled = last.processingMs * Math.min(1, members / last.members);
  const longest = SLOWEST_EXPECTED_BASE_MS + members * SLOWEST_EXPECTED_MS_PER_MEMBER;
  return Math.max(SHORTEST_PROCESSING_MS, Math.round(Math.min(scaled, longest)));
}

/** How long Vitable took over a sync: from accepting it to completing it, both by Vitable's clock. */
export function timingOf(members: number, acceptedAt: string, completedAt: string): VitableTiming | null {
  const processingMs = Date.parse(completedAt) - Date.parse(acceptedAt);
  return Number.isSafeInteger(processingMs) && processingMs > 0 ? { members, processingMs } : null;
}

/** The timing a tab's last settled sync recorded, if it completed and recorded one. */
export function lastTimingOf(settled: SettledSync | null): VitableTiming | null {
  return settled?.state === "completed" ? (settled.timing ?? null) : null;
}

/** When (epoch ms) to first ask about a sync of `members` members sent at `submittedAt`. */
export function firstPollAt(submittedAt: number, members: number, last: VitableTiming | null): number {
  return submittedAt + expectedProcessingMs(members, last);
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
