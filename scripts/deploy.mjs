// @ts-check
/**
 * `npm run deploy`: builds dist/ and pushes it to the Apps Script project named in .clasp.json,
 * with the clasp that package-lock.json pins (scripts/clasp.mjs).
 */
import path from "node:path";
import { build } from "./build.mjs";
import { clasp, requireScriptId, root } from "./clasp.mjs";

requireScriptId();
const { codePath, bytes } = await build();
console.log(`Built ${path.relative(root, codePath)} (${(bytes / 1024).toFixed(1)} KB); pushing with clasp…`);
clasp(["push", "--force"]);
