import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createSandboxClock, type SandboxClock } from "../runtime/clock";
import { loadProject } from "../runtime/project";
import { AppsScriptRuntime } from "../runtime/runtime";
import type { SheetModel } from "../runtime/spreadsheet/sheetModel";
import { VITABLE_BASE_URLS } from "../../src/vitable/environments";
import { AddonClient } from "./addon";
import { DEFAULT_TIME_ZONE } from "./arguments";
import type { ExternalApi } from "./vitableApi";
import { createRosterSpreadsheet, enterRows, rosterSheet } from "./rosterTab";
import { loadSavedSpreadsheet, saveSpreadsheet, sessionPaths, type SavedSpreadsheet } from "./session";
import { openVitable } from "./vitable";

const ADDON_NAME = "Vitable Roster Sync";

const BUILD_SCRIPT = path.resolve(__dirname, "../../scripts/build.mjs");

/** The add-on running in the sandbox with the CSV in its Roster tab. */
export interface Sandbox {
  /** The runtime's clock: Apps Script's time and the emulated Vitable's. */
  clock: SandboxClock;
  addon: AddonClient;
  /** The Roster tab. */
  sheet: SheetModel;
  /** The key to connect the add-on with. */
  apiKey: string;
}

export interface SandboxOptions {
  rows: readonly (readonly string[])[];
  raw: boolean;
  timeZone: string | undefined;
  sessionDir: string | undefined;
  api: ExternalApi | undefined;
}

/**
 * Builds the add-on, starts the emulated Vitable, loads the spreadsheet (a session's, or a new
 * one), enters the rows into its Roster tab, runs `work`, then saves the session and stops
 * everything it started.
 */
export async function withSandbox<T>(options: SandboxOptions, work: (sandbox: Sandbox) => T): Promise<T> {
  const paths = options.sessionDir === undefined ? undefined : sessionPaths(options.sessionDir);
  const saved = paths === undefined ? undefined : loadSavedSpreadsheet(paths);
  const bundleDir = paths?.bundleDir ?? mkdtempSync(path.join(tmpdir(), "vitable-sandbox-"));
  try {
    await buildAddon(bundleDir);
    const vitable = await openVitable(options.api, paths?.vitableDataFile);
    try {
      const runtime = new AppsScriptRuntime({
        project: loadProject(bundleDir),
        addonName: ADDON_NAME,
        // A session's time goes on from where it stopped, even when the last run moved the clock ahead.
        clock: createSandboxClock({ start: Math.max(Date.now(), saved?.clockMs ?? 0) }),
        fetch: { routes: { [VITABLE_BASE_URLS.production]: vitable.url, [VITABLE_BASE_URLS.uat]: vitable.url } },
        ...(saved === undefined ? {} : { saved: saved.runtime }),
      });
      try {
        const sheet = loadRoster(runtime, saved, options);
        const spreadsheet = sheet.spreadsheet;
        try {
          return work({
            clock: runtime.clock,
            addon: new AddonClient(runtime, spreadsheet.id),
            sheet,
            apiKey: vitable.apiKey,
          });
        } finally {
          if (paths !== undefined) {
            const clockMs = runtime.clock.now();
            saveSpreadsheet(paths, { spreadsheetId: spreadsheet.id, clockMs, runtime: runtime.snapshot() });
          }
        }
      } finally {
        await runtime.close();
      }
    } finally {
      await vitable.close();
    }
  } finally {
    if (paths === undefined) rmSync(bundleDir, { recursive: true, force: true });
  }
}

/** The session's spreadsheet or a new one, in the asked time zone, with the rows in its Roster tab. */
function loadRoster(
  runtime: AppsScriptRuntime,
  saved: SavedSpreadsheet | undefined,
  { rows, raw, timeZone }: SandboxOptions,
): SheetModel {
  const spreadsheet =
    saved === undefined
      ? createRosterSpreadsheet(runtime.spreadsheets, {
          timeZone: timeZone ?? DEFAULT_TIME_ZONE,
          owner: runtime.user.email,
        })
      : runtime.spreadsheets.get(saved.spreadsheetId)!;
  if (timeZone !== undefined) spreadsheet.timeZone = timeZone;
  const sheet = rosterSheet(spreadsheet);
  enterRows(sheet, rows, { raw });
  return sheet;
}

/** The real build (scripts/build.mjs), as `npm run build` makes dist/, into `outdir`. */
async function buildAddon(outdir: string): Promise<void> {
  const { build } = (await import(pathToFileURL(BUILD_SCRIPT).href)) as {
    build: (options: { outdir: string }) => Promise<unknown>;
  };
  await build({ outdir });
}
