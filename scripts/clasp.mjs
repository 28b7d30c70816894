// @ts-check
/**
 * clasp as the deploy and release scripts use it: the locked devDependency in node_modules (so
 * every machine runs the same clasp 3.4.1), against the project named in .clasp.json.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CLASP_BIN = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "clasp.cmd" : "clasp");

/** Stops with a sentence saying what to do while .clasp.json has no script ID. */
export function requireScriptId() {
  const config = JSON.parse(readFileSync(path.join(root, ".clasp.json"), "utf8"));
  const scriptId = typeof config.scriptId === "string" ? config.scriptId.trim() : "";
  if (scriptId) return scriptId;
  console.error(
    [
      "Cannot deploy: .clasp.json has no scriptId yet.",
      "Create the Apps Script project once (`npx clasp create-script --type standalone --rootDir dist`),",
      "or copy the script ID from Project Settings in the Apps Script editor into .clasp.json, then try again.",
    ].join("\n"),
  );
  process.exit(1);
}

/**
 * Runs clasp in the repository; stops the script when clasp fails.
 * @param {string[]} args
 * @param {{ capture?: boolean }} [options] capture: return clasp's output instead of showing it
 * @returns {string}
 */
export function clasp(args, { capture = false } = {}) {
  const result = spawnSync(CLASP_BIN, args, {
    cwd: root,
    encoding: "utf8",
    stdio: capture ? ["inherit", "pipe", "inherit"] : "inherit",
  });
  if (result.error) {
    console.error(`clasp could not start (${result.error.message}); run npm install first.`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
  return result.stdout ?? "";
}
