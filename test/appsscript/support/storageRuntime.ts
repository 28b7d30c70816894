import { createSandboxClock } from "../../../sandbox/runtime/clock";
import { SCOPES } from "../../../sandbox/runtime/permissions";
import { loadProject, type AppsScriptProject } from "../../../sandbox/runtime/project";
import { AppsScriptRuntime, type ExecutionReport } from "../../../sandbox/runtime/runtime";
import type { SpreadsheetModel } from "../../../sandbox/runtime/spreadsheet/spreadsheetModel";
import { buildBundle } from "../../support/buildBundle";

export const OWNER = "hr@example.com";

/** The storage fixture, built once per test file by the real build. */
export function buildStorageProject(): AppsScriptProject {
  const project = loadProject(buildBundle("test/appsscript/fixtures/storageEntry.ts").dir);
  // Every scope, so these tests do not depend on the add-on's manifest of the day.
  return { ...project, manifest: { ...project.manifest, oauthScopes: Object.values(SCOPES) } };
}

export interface StorageWorld {
  runtime: AppsScriptRuntime;
  spreadsheet: SpreadsheetModel;
  /** Runs a fixture function as a sidebar call would, with the spreadsheet open; fails the test on an error. */
  run(functionName: string, ...args: unknown[]): ExecutionReport;
}

export function storageWorld(project: AppsScriptProject): StorageWorld {
  const runtime = new AppsScriptRuntime({
    project,
    addonName: "Vitable Roster Sync",
    clock: createSandboxClock({ start: Date.UTC(2026, 10, 23, 15), followsRealTime: false }),
  });
  const spreadsheet = runtime.spreadsheets.create({ name: "HR", timeZone: "America/New_York", owner: OWNER });
  spreadsheet.activeSheet().name = "Roster";
  return {
    runtime,
    spreadsheet,
    run(functionName, ...args) {
      const report = runtime.run(functionName, { kind: "scriptRun", spreadsheetId: spreadsheet.id, args });
      if (!report.ok) throw new Error(`${functionName} failed: ${report.error}`);
      return report;
    },
  };
}
