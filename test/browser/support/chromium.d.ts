/** Debian's Chromium, or the executable named by CHROMIUM_PATH. */
export function chromiumPath(): string;
/** The line `npm test` prints when the browser tests cannot run, or null when Chromium is there. */
export function chromiumMissingReason(): string | null;
