/**
 * Where the browser tests find Chromium, and why they are skipped when it is not there. Plain
 * CommonJS: jest.config.js and the global setup read it before any TypeScript is compiled.
 */
const { existsSync } = require("node:fs");

const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** Debian's Chromium, or the executable named by CHROMIUM_PATH. */
function chromiumPath() {
  return process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/** The line `npm test` prints when the browser tests cannot run, or null when Chromium is there. */
function chromiumMissingReason() {
  const path = chromiumPath();
  if (existsSync(path)) return null;
  const fix =
    path === DEFAULT_CHROMIUM_PATH
      ? "install it with `apt-get install -y chromium`"
      : "set CHROMIUM_PATH to a Chromium executable, or unset it to use Debian's `apt-get install -y chromium`";
  return `Browser tests skipped: Chromium was not found at ${path} (${fix}).`;
}

module.exports = { chromiumPath, chromiumMissingReason };
