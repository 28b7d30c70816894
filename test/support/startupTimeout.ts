/**
 * jest's timeout for a `beforeAll` that builds the bundle or starts the emulator's process. These
 * take a second or two on a quiet machine, but far longer on a loaded one (CI has 2 cores and runs
 * test files side by side), where jest's 5 s default failed them spuriously. It is given to those
 * hooks only, rather than as jest's testTimeout, so that a test that hangs still fails in 5 s.
 */
export const STARTUP_TIMEOUT_MS = 120_000;
