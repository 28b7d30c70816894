// @ts-check
/**
 * `npm run release [-- --notes "What changed"]`: builds dist/, pushes it, makes an immutable
 * Apps Script version named after package.json's version, and records it at the top of
 * CHANGELOG.md. The Marketplace SDK is then pointed at that version number by hand; no new
 * deployment is made, since installed triggers belong to the existing one.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "./build.mjs";
import { clasp, requireScriptId, root } from "./clasp.mjs";

const CHANGELOG = path.join(root, "CHANGELOG.md");
/** Entries go right below this line, newest first. */
const ENTRIES_MARKER = "<!-- releases -->";

const { values } = parseArgs({ options: { notes: { type: "string", default: "" } } });
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));

requireScriptId();
const { codePath, bytes } = await build();
console.log(`Built ${path.relative(root, codePath)} (${(bytes / 1024).toFixed(1)} KB); pushing with clasp…`);
clasp(["push", "--force"]);
// With --json, clasp 3 prints {"versionNumber": N}.
const created = clasp(["--json", "create-version", `v${version}`], { capture: true });
const number = JSON.parse(created.slice(Math.max(0, created.indexOf("{"))) || "{}").versionNumber;
if (typeof number !== "number") {
  console.error(`clasp did not say which version it created:\n${created}`);
  process.exit(1);
}
const changelog = readFileSync(CHANGELOG, "utf8");
if (!changelog.includes(ENTRIES_MARKER)) {
  console.error(`CHANGELOG.md has lost its ${ENTRIES_MARKER} line; add it back above the entries.`);
  process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
const entry = [
  `## ${version} (${today})`,
  "",
  `Apps Script version ${number}.`,
  ...(values.notes ? ["", values.notes] : []),
];
const at = changelog.indexOf(ENTRIES_MARKER) + ENTRIES_MARKER.length;
const older = changelog.slice(at).replace(/^\n+/, "");
writeFileSync(CHANGELOG, `${changelog.slice(0, at)}\n\n${entry.join("\n")}\n${older ? `\n${older}` : ""}`);
console.log(`Created Apps Script version ${number} (v${version}) and added it to CHANGELOG.md.`);
