import type { SandboxClock } from "../../runtime/clock";

/**
 * The preview's clock: the real time, and waiting really waits. `Utilities.sleep` and waiting for
 * a lock move the sandbox clock through `advance`; here that blocks the thread for as long, so a
 * person watches a sync go from Pending to Added at Apps Script's pace. Only for a worker thread:
 * it blocks whatever thread calls it.
 */
export function createRealTimeClock(): SandboxClock {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  return {
    now: () => Date.now(),
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`The sandbox clock only moves forward, not by ${ms} ms.`);
      // Nothing ever notifies the sleeper: the wait always runs its whole time.
      Atomics.wait(sleeper, 0, 0, ms);
    },
  };
}
