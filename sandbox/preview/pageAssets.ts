import path from "node:path";
import * as esbuild from "esbuild";

/** The page (plain TypeScript and CSS under page/), bundled when the server starts. */

const PAGE_DIR = path.join(__dirname, "page");
export const SCRIPT_PATH = "/app.js";
export const STYLES_PATH = "/app.css";
/** `google.script.run` for the sidebar and dialogs, loaded before the page's own script. */
export const GOOGLE_SCRIPT_PATH = "/google-script.js";

export interface PageAssets {
  html: string;
  script: string;
  styles: string;
  googleScript: string;
}

async function bundle(entry: string): Promise<string> {
  const result = await esbuild.build({
    entryPoints: [path.join(PAGE_DIR, entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error(`esbuild produced nothing for ${entry}.`);
  return output.text;
}

const PAGE_HTML = [
  "<!DOCTYPE html>",
  '<html lang="en">',
  "<head>",
  '<meta charset="utf-8">',
  "<title>Vitable Roster Sync preview</title>",
  // No favicon request: a 404 would show as an error in the browser's console.
  '<link rel="icon" href="data:,">',
  `<link rel="stylesheet" href="${STYLES_PATH}">`,
  "</head>",
  "<body>",
  `<script src="${SCRIPT_PATH}"></script>`,
  "</body>",
  "</html>",
  "",
].join("\n");

export async function buildPageAssets(): Promise<PageAssets> {
  const [script, styles, googleScript] = await Promise.all([
    bundle("main.ts"),
    bundle("styles.css"),
    bundle("googleScript.ts"),
  ]);
  return { html: PAGE_HTML, script, styles, googleScript };
}

const HEAD_START = /<head(\s[^>]*)?>/i;
const HTML_START = /<html(\s[^>]*)?>/i;
const DOCTYPE = /^\s*<!doctype[^>]*>/i;

/**
 * A sidebar's or dialog's HTML as the script gave it, with `google.script.run` loaded first: a
 * script at the start of the head runs before any script of the page's own.
 */
export function withGoogleScript(content: string): string {
  const tag = `<script src="${GOOGLE_SCRIPT_PATH}"></script>`;
  for (const opening of [HEAD_START, HTML_START, DOCTYPE]) {
    const match = opening.exec(content);
    if (match !== null) {
      const end = match.index + match[0].length;
      return content.slice(0, end) + tag + content.slice(end);
    }
  }
  return tag + content;
}
