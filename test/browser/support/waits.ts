/** How long a browser test waits for something the preview does in the background, e.g. a sync. */
export const SLOW_MS = 30_000;

/**
 * Runs `check` until it stops throwing, every 100 ms, and returns what it returned; after
 * `timeoutMs` it throws the last failure. For what Playwright's own auto-waits cannot express:
 * a cell's text, a count in a panel.
 */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = SLOW_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
