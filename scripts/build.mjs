// @ts-check
/**
 * Builds the Apps Script project into dist/ (or --outdir DIR):
 * - Code.js: one ES2019 IIFE bundle of src/server/main.ts (or --entry FILE, which tests
 *   use to run other modules the way Apps Script would), followed by one top-level
 *   `function` per export of that module, because Apps Script (menus, triggers,
 *   google.script.run) can only call top-level functions. Whitespace and syntax are minified
 *   to keep it under 240 KB, but names are not, so Apps Script's stack traces stay legible;
 * - appsscript.json: the manifest, copied;
 * - Sidebar.html: the sidebar (src/sidebar), its minified script and CSS inlined into one file,
 *   because HtmlService serves a project's .html files only, never separate JS or CSS;
 * - ConfirmDialog.html: the menu sync's confirmation dialog (src/dialog), built the same way, with
 *   an empty JSON script the server fills with the dialog's view (src/shared/confirmDialog.ts).
 */
import * as esbuild from "esbuild";
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MAIN_ENTRY = path.join(root, "src/server/main.ts");
const GLOBAL_NAME = "VitableRosterSync";
const SIDEBAR_ENTRY = path.join(root, "src/sidebar/main.ts");
const SIDEBAR_STYLES = path.join(root, "src/sidebar/styles.css");
const DIALOG_ENTRY = path.join(root, "src/dialog/main.ts");
const DIALOG_STYLES = path.join(root, "src/dialog/styles.css");
/** VIEW_ELEMENT_ID and VIEW_PLACEHOLDER of src/shared/confirmDialog.ts, which the server replaces. */
const DIALOG_VIEW = '<script type="application/json" id="confirm-view">/*CONFIRM_VIEW*/</script>';

/** @param {string} entry @returns {esbuild.BuildOptions} */
const common = (entry) => ({
  entryPoints: [entry],
  bundle: true,
  target: "es2019",
  platform: "neutral",
  mainFields: ["module", "main"],
  write: false,
  logLevel: "silent",
});

/**
 * The entry module's export names. esbuild only reports exports for ESM output, so a second,
 * unwritten ESM build supplies them: the list can never drift from the source.
 * @param {string} entry
 * @returns {Promise<string[]>}
 */
async function entryPointNames(entry) {
  const result = await esbuild.build({ ...common(entry), format: "esm", metafile: true, outdir: "esm" });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  if (!output) throw new Error("esbuild reported no output for the entry module");
  return [...output.exports].sort();
}

/** @param {string} name */
function topLevelStub(name) {
  return `function ${name}() {\n  return ${GLOBAL_NAME}.${name}.apply(this, arguments);\n}\n`;
}

/**
 * A page (the sidebar, the dialog) as one self-contained HTML file: a `<style>` and a `<script>`,
 * nothing loaded from elsewhere; `bodyStart` goes before the script.
 * @param {string} name @param {string} entry @param {string} stylesheet @param {string} [bodyStart]
 * @returns {Promise<string>}
 */
async function pageHtml(name, entry, stylesheet, bodyStart = "") {
  const [script, styles] = await Promise.all([
    esbuild.build({ ...common(entry), platform: "browser", format: "iife", minify: true }),
    esbuild.build({ ...common(stylesheet), minify: true }),
  ]);
  const js = script.outputFiles?.[0]?.text;
  const css = styles.outputFiles?.[0]?.text;
  if (js === undefined || css === undefined) throw new Error(`esbuild produced no ${name} script or styles`);
  if (/<\/style/i.test(css)) throw new Error(`The ${name}'s CSS contains </style, which would end its <style> early`);
  // "</script" in a string would end the <script> element early; "<\/script" is the same JS string.
  const inlineJs = js.replace(/<\/script/gi, "<\\/script");
  if (inlineJs.includes("<!--")) throw new Error(`The ${name}'s script contains <!--, which HTML parses as a comment`);
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    '<head><meta charset="utf-8"><title>Vitable Roster Sync</title><style>',
    css.trim(),
    "</style></head>",
    `<body>${bodyStart}<script>`,
    inlineJs.trim(),
    "</script></body>",
    "</html>\n",
  ].join("\n");
}

/**
 * @param {{ entry?: string; outdir?: string; inputsFile?: string }} [options] `inputsFile`: where
 *   to write the list of source files bundled into Code.js (JSON), for tests that check it
 * @returns {Promise<{ codePath: string; entryPoints: string[]; bytes: number; sidebarPath: string; sidebarBytes: number; dialogPath: string; dialogBytes: number }>}
 */
export async function build({ entry = MAIN_ENTRY, outdir = path.join(root, "dist"), inputsFile } = {}) {
  const [names, bundle, sidebar, dialog] = await Promise.all([
    entryPointNames(entry),
    esbuild.build({
      ...common(entry),
      format: "iife",
      globalName: GLOBAL_NAME,
      minifyWhitespace: true,
      minifySyntax: true,
      charset: "utf8",
      metafile: true,
    }),
    pageHtml("sidebar", SIDEBAR_ENTRY, SIDEBAR_STYLES),
    pageHtml("dialog", DIALOG_ENTRY, DIALOG_STYLES, DIALOG_VIEW),
  ]);
  const file = bundle.outputFiles?.[0];
  if (!file) throw new Error("esbuild produced no bundle");
  const code = [
    `// Vitable Roster Sync: built by scripts/build.mjs from ${path.relative(root, entry)}. Do not edit.\n`,
    file.text,
    "\n// Entry points Apps Script calls by name.\n",
    ...names.map(topLevelStub),
  ].join("");

  await mkdir(outdir, { recursive: true });
  const codePath = path.join(outdir, "Code.js");
  await writeFile(codePath, code);
  await copyFile(path.join(root, "appsscript.json"), path.join(outdir, "appsscript.json"));
  const sidebarPath = path.join(outdir, "Sidebar.html");
  await writeFile(sidebarPath, sidebar);
  const dialogPath = path.join(outdir, "ConfirmDialog.html");
  await writeFile(dialogPath, dialog);
  if (inputsFile) await writeFile(inputsFile, JSON.stringify(Object.keys(bundle.metafile.inputs)));
  return {
    codePath,
    entryPoints: names,
    bytes: Buffer.byteLength(code),
    sidebarPath,
    sidebarBytes: Buffer.byteLength(sidebar),
    dialogPath,
    dialogBytes: Buffer.byteLength(dialog),
  };
}

/** @param {string} flag */
function pathArgument(flag) {
  const i = process.argv.indexOf(flag);
  return i > 0 ? path.resolve(process.argv[i + 1] ?? "") : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build({
    entry: pathArgument("--entry"),
    outdir: pathArgument("--outdir"),
    inputsFile: pathArgument("--inputs"),
  }).then(
    ({ codePath, entryPoints, bytes, sidebarPath, sidebarBytes, dialogPath, dialogBytes }) =>
      console.log(
        `${path.relative(process.cwd(), codePath)}: ${(bytes / 1024).toFixed(1)} KB, entry points: ${entryPoints.join(", ")}\n` +
          `${path.relative(process.cwd(), sidebarPath)}: ${(sidebarBytes / 1024).toFixed(1)} KB\n` +
          `${path.relative(process.cwd(), dialogPath)}: ${(dialogBytes / 1024).toFixed(1)} KB`,
      ),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
