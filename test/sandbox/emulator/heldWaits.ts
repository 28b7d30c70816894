import type { DelayWait } from "../../../sandbox/emulator/faultResponses";

export type WaitEnd = "released" | "aborted";

/** A delay fault's wait, held until the test releases it. */
export interface HeldWait {
  /** How long the emulator was asked to wait. */
  ms: number;
  /** Ends the wait as if its time had passed. */
  release(): void;
  /** How the wait ended: released by the test, or aborted (the client went away, the emulator closed). */
  ended: Promise<WaitEnd>;
}

/**
 * Delay faults' waits for an emulator (its `delayWait` option): each one holds its request until
 * the test releases it, so that what a test checks never depends on how fast the machine is.
 */
export function heldWaits(): { wait: DelayWait; next(): Promise<HeldWait> } {
  const arrived: HeldWait[] = [];
  const takers: ((held: HeldWait) => void)[] = [];

  const wait: DelayWait = (ms, signal) =>
    new Promise<void>((resolve) => {
      let settle: (how: WaitEnd) => void = () => undefined;
      const ended = new Promise<WaitEnd>((done) => (settle = done));
      const end = (how: WaitEnd) => {
        settle(how);
        resolve();
      };
      const held: HeldWait = { ms, release: () => end("released"), ended };
      const taker = takers.shift();
      if (taker === undefined) arrived.push(held);
      else taker(held);
      if (signal.aborted) end("aborted");
      else signal.addEventListener("abort", () => end("aborted"), { once: true });
    });

  return {
    wait,
    /** The next wait a request reaches, once one does. */
    next: () => {
      const held = arrived.shift();
      return held === undefined ? new Promise((take) => takers.push(take)) : Promise.resolve(held);
    },
  };
}
