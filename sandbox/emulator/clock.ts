/**
 * The emulator's "now". A request carrying `X-Sandbox-Clock: <epoch ms>` happens at that time
 * (the Apps Script sandbox sends its controllable clock this way, so processing delays follow
 * the time tests control); other requests happen at the real time. Time never goes backwards.
 */
export const SANDBOX_CLOCK_HEADER = "X-Sandbox-Clock";

const EPOCH_MILLISECONDS = /^\d{1,15}$/;

export type ClockReading = { ok: true; requestedMs: number | undefined } | { ok: false; message: string };

export function readClockHeader(value: string | undefined): ClockReading {
  if (value === undefined) return { ok: true, requestedMs: undefined };
  if (!EPOCH_MILLISECONDS.test(value.trim())) {
    return {
      ok: false,
      message: `${SANDBOX_CLOCK_HEADER} must be a whole number of milliseconds since 1970-01-01 UTC, not "${value}"`,
    };
  }
  return { ok: true, requestedMs: Number(value.trim()) };
}

/** The time of a request: the requested (or real) time, but never before the latest time seen. */
export function requestTime(latestMs: number, requestedMs: number | undefined, realMs: number): number {
  return Math.max(latestMs, requestedMs ?? realMs);
}

/** ISO 8601 UTC with second precision, as Vitable writes timestamps: `2026-01-15T10:30:00Z`. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
