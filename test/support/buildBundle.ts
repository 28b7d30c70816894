import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

export interface BuiltBundle {
  dir: string;
  code: string;
  manifest: unknown;
  /** The source files bundled into Code.js, relative to the repository root. */
  inputs: string[];
}

/**
 * Runs the real build (scripts/build.mjs) into a fresh temporary folder, of the add-on or of
 * another entry module (a path from the repository root).
 */
export function buildBundle(entry?: string): BuiltBundle {
  const dir = mkdtempSync(path.join(tmpdir(), "vitable-bundle-"));
  // Beside the project, not in it: Apps Script must never receive the list.
  const inputsFile = `${dir}-inputs.json`;
  const entryArguments = entry === undefined ? [] : ["--entry", path.join(ROOT, entry)];
  execFileSync(
    process.execPath,
    [path.join(ROOT, "scripts/build.mjs"), "--outdir", dir, "--inputs", inputsFile, ...entryArguments],
    { stdio: "pipe" },
  );
  return {
    inputs: JSON.parse(readFileSync(inputsFile, "utf8")) as string[],
    dir,
    code: readFileSync(path.join(dir, "Code.js"), "utf8"),
    manifest: JSON.parse(readFileSync(path.join(dir, "appsscript.json"), "utf8")),
  };
}
