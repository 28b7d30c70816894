import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import type { RuntimeSnapshot } from "../runtime/runtime";

/**
 * A session folder keeps one emulated spreadsheet and the emulated Vitable between runs, so
 * consecutive runs behave like one spreadsheet used over time:
 * - spreadsheet.json: the spreadsheet's ID, the sandbox clock, and everything the Apps Script
 *   services hold (`runtime.snapshot()`: cells, properties, triggers, …);
 * - vitable.json: the embedded emulator's data file;
 * - bundle/: the add-on as built for the latest run.
 */
export interface SessionPaths {
  spreadsheetFile: string;
  vitableDataFile: string;
  bundleDir: string;
}

export interface SavedSpreadsheet {
  spreadsheetId: string;
  /** The sandbox clock when the run ended: time in a session never goes back. */
  clockMs: number;
  runtime: RuntimeSnapshot;
}

export function sessionPaths(dir: string): SessionPaths {
  const root = path.resolve(dir);
  return {
    spreadsheetFile: path.join(root, "spreadsheet.json"),
    vitableDataFile: path.join(root, "vitable.json"),
    bundleDir: path.join(root, "bundle"),
  };
}

/** The outline of a saved spreadsheet; the runtime's snapshot inside it is the runtime's own format. */
const savedSpreadsheetSchema = z.object({
  spreadsheetId: z.string().min(1),
  clockMs: z.number().int().nonnegative(),
  runtime: z.object({
    spreadsheets: z.object({ spreadsheets: z.array(z.looseObject({ id: z.string() })) }),
    properties: z.looseObject({}),
    caches: z.looseObject({}),
    locks: z.looseObject({}),
    triggers: z.looseObject({}),
    mail: z.looseObject({}),
    ui: z.looseObject({}),
  }),
});

/** What the session folder holds, or undefined before its first run. */
export function loadSavedSpreadsheet(paths: SessionPaths): SavedSpreadsheet | undefined {
  const file = paths.spreadsheetFile;
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`The session file ${file} cannot be read (${(error as Error).message}); delete it to start over.`, {
      cause: error,
    });
  }
  const parsed = savedSpreadsheetSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`The session file ${file} does not hold a saved spreadsheet; delete it to start over.`);
  }
  const saved = parsed.data;
  if (!saved.runtime.spreadsheets.spreadsheets.some((spreadsheet) => spreadsheet.id === saved.spreadsheetId)) {
    throw new Error(`The session file ${file} has lost its spreadsheet; delete it to start over.`);
  }
  return json as SavedSpreadsheet;
}

/** Writes a temporary file and renames it over the old one, so an interrupted run never leaves half a session. */
export function saveSpreadsheet(paths: SessionPaths, saved: SavedSpreadsheet): void {
  mkdirSync(path.dirname(paths.spreadsheetFile), { recursive: true });
  const temporary = `${paths.spreadsheetFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(saved));
  renameSync(temporary, paths.spreadsheetFile);
}
