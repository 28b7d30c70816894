// @ts-check
/**
 * `npm run deploy`: builds dist/ and pushes it to the Apps Script project named in .clasp.json.
 * clasp is fetched at its pinned version on demand: it needs a Google login and the network,
 * which only a person deploying has, so it stays out of the install every test run pays for.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "./build.mjs";

const CLASP = "@google/clasp@3.4.1";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** @returns {string} the script ID, or "" when none is set yet */
function scriptId() {
  const config = JSON.parse(readFileSync(path.join(root, ".clasp.json"), "utf8"));
  return typeof config.scriptId === "string" ? config.scriptId.trim() : "";
}

if (!scriptId()) {
  console.error(
    [
      "Cannot deploy: .clasp.json has no scriptId yet.",
      "Create the Apps Script project once (for example `npx " +
        CLASP +
        " create-script --type standalone --rootDir dist`),",
      "or copy the script ID from Project Settings in the Apps Script editor into .clasp.json, then run `npm run deploy` again.",
    ].join("\n"),
  );
  process.exit(1);
}

const { codePath, bytes } = await build();
console.log(`Built ${path.relative(root, codePath)} (${(bytes / 1024).toFixed(1)} KB); pushing with clasp…`);
const push = spawnSync("npx", ["--yes", CLASP, "push", "--force"], { cwd: root, stdio: "inherit" });
process.exit(push.status ?? 1);
