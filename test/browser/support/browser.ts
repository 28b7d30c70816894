import { chromium, type Browser } from "playwright-core";
import { chromiumPath } from "./chromium";

/**
 * Chromium flags for a quiet, headless run in a container: no sandbox (tests run as root), no
 * GPU, and none of the background calls home that could log errors or slow a 2-core machine.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Starts Debian's Chromium (or CHROMIUM_PATH) with a fresh profile, which Playwright deletes on close. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}
