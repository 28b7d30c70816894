import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod";

/** The parts of appsscript.json the runtime obeys. */
const manifestSchema = z.object({
  timeZone: z.string(),
  oauthScopes: z.array(z.string()).default([]),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** A built Apps Script project, as `clasp push` would upload it. */
export interface AppsScriptProject {
  /** The script files' code, concatenated in push order (we push one file, Code.js). */
  code: string;
  manifest: Manifest;
  /** HTML files by name without the extension, as HtmlService.createHtmlOutputFromFile finds them. */
  htmlFiles: ReadonlyMap<string, string>;
}

/** Reads a build output folder (dist/ by default): Code.js, appsscript.json and every .html file. */
export function loadProject(dir: string): AppsScriptProject {
  const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
  const htmlFiles = new Map<string, string>();
  for (const file of readdirSync(dir)) {
    if (file.endsWith(".html")) htmlFiles.set(file.slice(0, -".html".length), read(file));
  }
  return { code: read("Code.js"), manifest: manifestSchema.parse(JSON.parse(read("appsscript.json"))), htmlFiles };
}
