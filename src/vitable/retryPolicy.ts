import type { VitableError } from "./errors";

/**
 * Whether and when to try a failed Vitable request again (vitable-api.md §8), shaped for Apps
 * Script: every wait is a blocking sleep inside a 6-minute execution, so no wait may run past the
 * caller's deadline. Whether a failure may be retried at all is the error's own `retryable`
 * (src/vitable/errorFromFailure.ts sets it from the class, the status and `x-should-retry`).
 */

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** The longest wait Vitable may ask for (Retry-After); asking for more ends the retries. */
  maxServerDelayMs: number;
}

/** The Vitable SDKs' two retries; a server-requested wait up to one minute. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, maxServerDelayMs: 60_000 };

const INITIAL_BACKOFF_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const MAX_JITTER = 0.25;

/** A decimal number of seconds or milliseconds, as Retry-After and retry-after-ms carry. */
const DECIMAL = /^\s*\d+(?:\.\d+)?\s*$/;

export interface RetryQuestion {
  /** What went wrong with the attempt: its `retryable` and `retryAfterMs` decide. */
  failure: Pick<VitableError, "retryable" | "retryAfterMs">;
  /** Retries already made for this request (0 after the first attempt). */
  retriesSoFar: number;
  /** Epoch ms. */
  now: number;
  /** Epoch ms on the clock of `now`; no wait may reach it. Undefined: no time budget. */
  deadline: number | undefined;
  /** A draw in [0, 1) for the jitter. */
  random: number;
  policy: RetryPolicy;
}

export type RetryStop = "notRetryable" | "retriesExhausted" | "serverDelayTooLong" | "outOfTime";

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; stop: RetryStop };

/** Vitable's `x-should-retry` answer, which overrides what the status suggests; undefined when absent or unreadable. */
export function vitableRetryAdvice(headers: Record<string, string>): boolean | undefined {
  const advice = headers["x-should-retry"];
  if (advice === "true") return true;
  if (advice === "false") return false;
  return undefined;
}

/**
 * The wait Vitable asked for, in ms: `retry-after-ms`, else `Retry-After` as seconds, else as an
 * HTTP date relative to `now`. Undefined when absent, unreadable or already past.
 */
export function serverRequestedDelayMs(headers: Record<string, string>, now: number): number | undefined {
  const milliseconds = headers["retry-after-ms"];
  if (milliseconds !== undefined && DECIMAL.test(milliseconds)) return Math.ceil(Number(milliseconds));
  const retryAfter = headers["retry-after"];
  if (retryAfter === undefined) return undefined;
  if (DECIMAL.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
  const at = Date.parse(retryAfter);
  return Number.isNaN(at) || at <= now ? undefined : at - now;
}

/** `min(0.5 s × 2^n, 8 s) × (1 − 0.25·random)`, n = retries already made. */
export function backoffDelayMs(retriesSoFar: number, random: number): number {
  const base = Math.min(INITIAL_BACKOFF_MS * 2 ** retriesSoFar, MAX_BACKOFF_MS);
  return Math.ceil(base * (1 - MAX_JITTER * random));
}

export function decideRetry(question: RetryQuestion): RetryDecision {
  const { failure, retriesSoFar, policy, now, deadline } = question;
  if (!failure.retryable) return { retry: false, stop: "notRetryable" };
  if (retriesSoFar >= policy.maxRetries) return { retry: false, stop: "retriesExhausted" };
  const serverDelay = failure.retryAfterMs ?? undefined;
  if (serverDelay !== undefined && serverDelay > policy.maxServerDelayMs) {
    return { retry: false, stop: "serverDelayTooLong" };
  }
  const delayMs = serverDelay ?? backoffDelayMs(retriesSoFar, question.random);
  // A request may only start before the deadline, so a wait that ends on it is already too long.
  if (deadline !== undefined && now + delayMs >= deadline) return { retry: false, stop: "outOfTime" };
  return { retry: true, delayMs };
}
