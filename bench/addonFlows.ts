import { performance } from "node:perf_hooks";
import type { SpawnedEmulator } from "../sandbox/emulator/process";
import { DEFAULT_API_KEY } from "../sandbox/emulator/state";
import { createSandboxClock } from "../sandbox/runtime/clock";
import type { ServiceCallCounts } from "../sandbox/runtime/execution";
import type { AppsScriptProject } from "../sandbox/runtime/project";
import { AppsScriptRuntime, type ExecutionReport } from "../sandbox/runtime/runtime";
import { BRIDGE, type BridgeName, type BridgeRequest, type BridgeResponse } from "../src/shared/bridge";
import { VITABLE_BASE_URLS } from "../src/vitable/environments";
import { applyEdits } from "./typedTab";
import type { GeneratedRoster, RosterEdits } from "./roster";

/** 23 November 2026, 15:00 UTC: where the sandbox clock starts. */
export const BENCH_START = Date.UTC(2026, 10, 23, 15);
export const BENCH_TIME_ZONE = "America/New_York";
const USER = { email: "hr@example.com", locale: "en_US", timeZone: BENCH_TIME_ZONE };
const ADDON_NAME = "Vitable Roster Sync";

/** One execution of the add-on as measured. */
export interface FlowMeasurement {
  counts: ServiceCallCounts;
  /** Real time the execution took in this process (the bundle, the emulated services, HTTP). */
  wallMs: number;
  /** Time on the sandbox clock, which only Utilities.sleep moves here: the wait for Vitable. */
  waitMs: number;
}

export interface AddonFlows {
  validate: FlowMeasurement;
  preview: FlowMeasurement;
  sync: FlowMeasurement;
  resync: FlowMeasurement;
  /** What the runs reported, checked against what the roster holds. */
  observed: {
    invalidRows: number;
    membersInGroupAfterSync: number;
    changedInResync: number;
    removedInResync: number;
  };
}

function measured(report: ExecutionReport, wallMs: number): FlowMeasurement {
  if (!report.ok) throw new Error(`${report.functionName} failed: ${report.error}`);
  return { counts: report.counts, wallMs, waitMs: report.elapsedMs };
}

function timed<T>(run: () => T): { value: T; wallMs: number } {
  const start = performance.now();
  const value = run();
  return { value, wallMs: performance.now() - start };
}

/**
 * The add-on as a user meets it, on one tab: the built bundle in the Apps Script runtime against
 * the Vitable emulator (another process). Connect, create and link a group from the sidebar, then
 * Validate and Preview from the sidebar, a first Sync to Vitable from the menu (which asks nothing:
 * the add-on created the group), the tab edited, and a second sync from the menu.
 */
export async function runAddonFlows(options: {
  project: AppsScriptProject;
  emulator: SpawnedEmulator;
  roster: GeneratedRoster;
  edits: RosterEdits;
}): Promise<AddonFlows> {
  const { project, emulator, roster, edits } = options;
  const runtime = new AppsScriptRuntime({
    project,
    addonName: ADDON_NAME,
    clock: createSandboxClock({ start: BENCH_START, followsRealTime: false }),
    user: USER,
    fetch: { routes: { [VITABLE_BASE_URLS.production]: emulator.url, [VITABLE_BASE_URLS.uat]: emulator.url } },
  });
  try {
    const spreadsheet = runtime.spreadsheets.create({
      name: "HR roster",
      timeZone: BENCH_TIME_ZONE,
      owner: USER.email,
    });
    const sheet = spreadsheet.activeSheet();
    sheet.typeRows(1, 1, roster.rows);

    function call<N extends BridgeName>(name: N, request: BridgeRequest<N>): BridgeResponse<N> {
      const result = runtime.scriptRun(spreadsheet.id, name, [request]);
      if (!result.ok) throw new Error(`${name} failed in Apps Script: ${result.error}`);
      const answer = result.value as { ok: boolean; value?: unknown; message?: string };
      if (!answer.ok) throw new Error(`${name} answered: ${answer.message ?? ""}`);
      return BRIDGE[name].response.parse(answer.value) as BridgeResponse<N>;
    }
    const lastReport = () => runtime.history.at(-1)!;
    function sidebarCall<N extends BridgeName>(name: N, request: BridgeRequest<N>) {
      const { value, wallMs } = timed(() => call(name, request));
      return { value, measurement: measured(lastReport(), wallMs) };
    }
    function menuSync(): FlowMeasurement {
      const { value: report, wallMs } = timed(() =>
        runtime.run("syncActiveTab", { spreadsheetId: spreadsheet.id, kind: "menu" }),
      );
      const finalAlert = runtime.ui.shown.at(-1);
      if (finalAlert?.type !== "alert" || !finalAlert.prompt.startsWith("Vitable finished the sync")) {
        throw new Error(`The sync did not finish: ${JSON.stringify(finalAlert)}`);
      }
      return measured(report, wallMs);
    }

    call("connect", { apiKey: DEFAULT_API_KEY, environment: "uat", scope: "user" });
    const group = call("createGroup", { name: "Acme benchmark", externalReferenceId: "acme-benchmark" });
    call("linkTab", { sheetId: sheet.id, groupId: group.id });

    const validate = sidebarCall("validateTab", { sheetId: sheet.id });
    const preview = sidebarCall("previewSync", { sheetId: sheet.id });
    const sync = menuSync();
    const afterSync = await emulator.control.state();
    const members = afterSync.groups.find((candidate) => candidate.id === group.id)?.members.length ?? 0;

    applyEdits(sheet, edits.edits, edits.deletedRows);
    const changes = call("previewSync", { sheetId: sheet.id });
    const resync = menuSync();

    return {
      validate: validate.measurement,
      preview: preview.measurement,
      sync,
      resync,
      observed: {
        invalidRows: validate.value.summary.invalid,
        membersInGroupAfterSync: members,
        changedInResync: changes.counts.changed,
        removedInResync: changes.counts.removed,
      },
    };
  } finally {
    await runtime.close();
  }
}
