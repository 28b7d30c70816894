import { performance } from "node:perf_hooks";
import { getHeapStatistics } from "node:v8";
import type { SpawnedEmulator } from "../sandbox/emulator/process";
import { DEFAULT_API_KEY } from "../sandbox/emulator/state";
import { createSandboxClock } from "../sandbox/runtime/clock";
import type { ServiceCall, ServiceCallCounts } from "../sandbox/runtime/execution";
import type { AppsScriptProject } from "../sandbox/runtime/project";
import { AppsScriptRuntime } from "../sandbox/runtime/runtime";
import type { SpreadsheetModel } from "../sandbox/runtime/spreadsheet/spreadsheetModel";
import { BRIDGE, type BridgeName, type BridgeRequest, type BridgeResponse } from "../src/shared/bridge";
import { VITABLE_BASE_URLS } from "../src/vitable/environments";
import { profiled } from "./bundleCpu";
import type { GeneratedRoster, RosterEdits } from "./roster";
import { SheetTrafficMeter, type SheetTraffic } from "./sheetTraffic";
import { applyEdits, pasteRows } from "./typedTab";

/** 23 November 2026, 15:00 UTC: where the sandbox clock starts. */
export const BENCH_START = Date.UTC(2026, 10, 23, 15);
export const BENCH_TIME_ZONE = "America/New_York";
const USER = { email: "hr@example.com", locale: "en_US", timeZone: BENCH_TIME_ZONE };
const ADDON_NAME = "Vitable Roster Sync";
const MEGABYTE = 1_000_000;
/** One execution of the add-on as measured. */
export interface FlowMeasurement {
  counts: ServiceCallCounts;
  /** What the runtime's counts leave out (appendRow cells, characters). */
  traffic: SheetTraffic;
  /** Real time the execution took in this process (the bundle, the emulated services, HTTP). */
  wallMs: number;
  /** Time on the sandbox clock, which only Utilities.sleep moves here: the wait for Vitable. */
  waitMs: number;
  /** UrlFetch requests that asked about a sync's progress. */
  polls: number;
}

/** A menu sync, measured under the profiler as well: the add-on's own CPU (bench/bundleCpu.ts). */
export interface ProfiledSync extends FlowMeasurement {
  cpuMs: number;
  /** The sync's last alert: how it ended. */
  outcome: string;
  /** Whether Vitable finished it (a roster beyond UrlFetch's 50 MB cannot be sent). */
  finished: boolean;
}

/** How the alert of a sync Vitable finished begins. */
const FINISHED = "Vitable finished the sync";

/** Heap of the process during one first sync, above the heap after GC before it, MB (10^6 bytes). */
export interface HeapMeasurement {
  /** Largest heap in use at a service call, garbage included. */
  peakMb: number;
  /** Largest heap in use at a service call right after a full garbage collection: what the execution held. */
  liveMb: number;
}

export interface AddonFlows {
  validate: FlowMeasurement;
  preview: FlowMeasurement;
  sync: ProfiledSync;
  /** The sidebar opened (getSidebarState) and the tab focused (getActiveTab) after the sync. */
  sidebarOpen: FlowMeasurement;
  sidebarFocus: FlowMeasurement;
  /** Null when the first sync could not finish. */
  resync: ProfiledSync | null;
  /** The add-on's CPU over every first sync measured (the one above and the repeats), ms. */
  syncCpuMs: number[];
  heap: HeapMeasurement;
  /** What the runs reported, checked against what the roster holds. */
  observed: {
    invalidRows: number;
    membersInGroupAfterSync: number;
    changedInResync: number;
    removedInResync: number;
  };
}

/** A request asking how a member sync is going: GET …/members/sync/{request ID}. */
const POLL_PATH = /^GET .*\/members\/sync\/[^/?]+/i;

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("Run the benchmark with node --expose-gc.");
  gc();
}

/**
 * The add-on as a user meets it, on one tab: the built bundle in the Apps Script runtime against
 * the Vitable emulator (another process). Connect, create and link a group from the sidebar, then
 * Validate and Preview from the sidebar, a first Sync to Vitable from the menu (which asks nothing:
 * the add-on created the group), the sidebar opened and the tab focused, the tab edited, and a
 * second sync from the menu. Then, for the CPU and heap figures, more first syncs of the same
 * roster, each in a fresh spreadsheet.
 */
export async function runAddonFlows(options: {
  project: AppsScriptProject;
  emulator: SpawnedEmulator;
  roster: GeneratedRoster;
  edits: RosterEdits;
  /** First syncs timed in all, the main one included (their median is the CPU figure). */
  cpuRuns: number;
}): Promise<AddonFlows> {
  const { project, emulator, roster, edits } = options;
  let hook: ((call: ServiceCall) => void) | null = null;
  const runtime = new AppsScriptRuntime({
    project,
    addonName: ADDON_NAME,
    clock: createSandboxClock({ start: BENCH_START, followsRealTime: false }),
    user: USER,
    fetch: { routes: { [VITABLE_BASE_URLS.production]: emulator.url, [VITABLE_BASE_URLS.uat]: emulator.url } },
    beforeCall: (call) => hook?.(call),
  });

  /** A spreadsheet holding the roster, linked to a group the add-on created (so a first sync asks nothing). */
  function linkedSpreadsheet(name: string) {
    const spreadsheet = runtime.spreadsheets.create({ name, timeZone: BENCH_TIME_ZONE, owner: USER.email });
    const sheet = spreadsheet.activeSheet();
    pasteRows(sheet, roster.rows);
    call(spreadsheet, "connect", { apiKey: DEFAULT_API_KEY, environment: "uat", scope: "user" });
    const group = call(spreadsheet, "createGroup", { name: `Acme ${name}`, externalReferenceId: `acme-${name}` });
    call(spreadsheet, "linkTab", { sheetId: sheet.id, groupId: group.id });
    return { spreadsheet, sheet, group };
  }

  function call<N extends BridgeName>(
    spreadsheet: SpreadsheetModel,
    name: N,
    request: BridgeRequest<N>,
  ): BridgeResponse<N> {
    const result = runtime.scriptRun(spreadsheet.id, name, [request]);
    if (!result.ok) throw new Error(`${name} failed in Apps Script: ${result.error}`);
    const answer = result.value as { ok: boolean; value?: unknown; message?: string };
    if (!answer.ok) throw new Error(`${name} answered: ${answer.message ?? ""}`);
    return BRIDGE[name].response.parse(answer.value) as BridgeResponse<N>;
  }

  /** Runs one execution with its traffic counted and its polls told apart. */
  function measure<T>(spreadsheet: SpreadsheetModel, run: () => T): { value: T; measurement: FlowMeasurement } {
    const meter = new SheetTrafficMeter(runtime.spreadsheets, spreadsheet.id);
    let polls = 0;
    hook = (serviceCall) => {
      meter.beforeCall(serviceCall);
      if (serviceCall.service === "UrlFetchApp" && POLL_PATH.test(serviceCall.target ?? "")) {
        polls += 1;
      }
    };
    meter.start();
    const start = performance.now();
    let value: T;
    try {
      value = run();
    } finally {
      meter.stop();
      hook = null;
    }
    const wallMs = performance.now() - start;
    const report = runtime.history.at(-1)!;
    if (!report.ok) throw new Error(`${report.functionName} failed: ${report.error}`);
    return {
      value,
      measurement: { counts: report.counts, traffic: meter.traffic, wallMs, waitMs: report.elapsedMs, polls },
    };
  }

  function sidebarCall<N extends BridgeName>(spreadsheet: SpreadsheetModel, name: N, request: BridgeRequest<N>) {
    return measure(spreadsheet, () => call(spreadsheet, name, request));
  }

  /** Sync to Vitable from the menu; what its last alert said. */
  function menuSync(spreadsheet: SpreadsheetModel): string {
    runtime.run("syncActiveTab", { spreadsheetId: spreadsheet.id, kind: "menu" });
    const finalAlert = runtime.ui.shown.at(-1);
    return finalAlert?.type === "alert" ? finalAlert.prompt : JSON.stringify(finalAlert);
  }

  function profiledSync(spreadsheet: SpreadsheetModel): ProfiledSync {
    const { value, measurement } = measure(spreadsheet, () => profiled(() => menuSync(spreadsheet)));
    return { ...measurement, cpuMs: value.cpuMs, outcome: value.value, finished: value.value.startsWith(FINISHED) };
  }

  function finishedSync(spreadsheet: SpreadsheetModel): ProfiledSync {
    const sync = profiledSync(spreadsheet);
    if (!sync.finished) throw new Error(`The sync did not finish: ${sync.outcome}`);
    return sync;
  }

  /** A first sync with the heap sampled before every service call, before and after a full GC. */
  function heapOfSync(spreadsheet: SpreadsheetModel): HeapMeasurement {
    // Started from a clean slate: no garbage of earlier runs is collected inside this one.
    collectGarbage();
    const base = getHeapStatistics().used_heap_size;
    let peak = base;
    let live = base;
    hook = () => {
      peak = Math.max(peak, getHeapStatistics().used_heap_size);
      collectGarbage();
      live = Math.max(live, getHeapStatistics().used_heap_size);
    };
    try {
      menuSync(spreadsheet);
    } finally {
      hook = null;
    }
    return { peakMb: (peak - base) / MEGABYTE, liveMb: (live - base) / MEGABYTE };
  }

  try {
    const first = runtime.spreadsheets.create({ name: "HR roster", timeZone: BENCH_TIME_ZONE, owner: USER.email });
    const sheet = first.activeSheet();
    pasteRows(sheet, roster.rows);
    call(first, "connect", { apiKey: DEFAULT_API_KEY, environment: "uat", scope: "user" });
    const group = call(first, "createGroup", { name: "Acme benchmark", externalReferenceId: "acme-benchmark" });
    call(first, "linkTab", { sheetId: sheet.id, groupId: group.id });

    const validate = sidebarCall(first, "validateTab", { sheetId: sheet.id });
    const preview = sidebarCall(first, "previewSync", { sheetId: sheet.id });
    const sync = profiledSync(first);
    const afterSync = await emulator.control.state();
    const members = afterSync.groups.find((candidate) => candidate.id === group.id)?.members.length ?? 0;
    const sidebarOpen = sidebarCall(first, "getSidebarState", {});
    const sidebarFocus = sidebarCall(first, "getActiveTab", {});
    const observed = { invalidRows: validate.value.summary.invalid, membersInGroupAfterSync: members };

    let resync: ProfiledSync | null = null;
    let changes = { changed: 0, removed: 0 };
    const syncCpuMs = [sync.cpuMs];
    if (sync.finished) {
      applyEdits(sheet, edits.edits, edits.deletedRows);
      changes = call(first, "previewSync", { sheetId: sheet.id }).counts;
      resync = finishedSync(first);
      for (let run = 1; run < options.cpuRuns; run++) {
        syncCpuMs.push(finishedSync(linkedSpreadsheet(`cpu-${run}`).spreadsheet).cpuMs);
      }
    }
    const heap = heapOfSync(linkedSpreadsheet("heap").spreadsheet);

    return {
      validate: validate.measurement,
      preview: preview.measurement,
      sync,
      sidebarOpen: sidebarOpen.measurement,
      sidebarFocus: sidebarFocus.measurement,
      resync,
      syncCpuMs,
      heap,
      observed: { ...observed, changedInResync: changes.changed, removedInResync: changes.removed },
    };
  } finally {
    await runtime.close();
  }
}
