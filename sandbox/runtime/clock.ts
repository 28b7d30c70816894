/**
 * The sandbox's clock. Apps Script time is what the add-on sees through `new Date()`,
 * `Utilities.sleep` and execution limits; here tests control it: `advance` moves it on without
 * waiting, so a test can cross the 6-minute limit in milliseconds.
 */
export interface SandboxClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Moves the clock forward (Utilities.sleep, a test standing in for slow work). */
  advance(ms: number): void;
}

export interface SandboxClockOptions {
  /** Where the clock starts; the real time by default. */
  start?: number;
  /**
   * Whether real time passing also moves the clock (true by default, so work and network time
   * count against execution limits as in Apps Script). Tests that compare timestamps turn it off.
   */
  followsRealTime?: boolean;
}

export function createSandboxClock({
  start = Date.now(),
  followsRealTime = true,
}: SandboxClockOptions = {}): SandboxClock {
  const realStart = Date.now();
  let advanced = 0;
  return {
    now: () => start + advanced + (followsRealTime ? Date.now() - realStart : 0),
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`The sandbox clock only moves forward, not by ${ms} ms.`);
      advanced += ms;
    },
  };
}
