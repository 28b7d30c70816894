import type { ServiceCallCounts } from "../sandbox/runtime/execution";
import { DEFAULT_PROCESSING_DELAY_MS } from "../sandbox/emulator/state";
import type { FlowMeasurement, ProfiledSync } from "./addonFlows";
import type { BundleFigures } from "./bundle";
import type { Environment } from "./environment";
import { naiveCells, naiveSheetsCalls } from "./naive";
import {
  NAIVE_BEST_CASE_CALL_MS,
  PESSIMISTIC_MODEL,
  TYPICAL_MODEL,
  type VITABLE_PROCESSING,
  cellsMoved,
  pollingWait,
  projectExecution,
  vitableProcessingMs,
  type LatencyModel,
  type Projection,
} from "./projection";
import type { SizeResult } from "./sizeRun";
import { emptyTraffic } from "./sheetTraffic";
import { median } from "./stats";
import { STATUS_COLUMNS, TARGETS, atMost, atMostAtEverySize, physicalMinimumCells, type TargetCheck } from "./targets";

/** One flow of one size in bench/results.json. */
export interface FlowRow {
  sheets_calls: number;
  urlfetch_calls: number;
  /** UrlFetch requests asking how a sync is going. */
  polls: number;
  cells_read: number;
  cells_written: number;
  /** Cells appendRow wrote (the runtime's cell counts leave them out); in cells_moved. */
  append_row_cells: number;
  cells_moved: number;
  /** The fewest cells the flow could move (bench/targets.ts), null where none is defined. */
  physical_minimum_cells: number | null;
  records_chars_read: number;
  records_chars_written: number;
  /** Characters every sheet handed over. */
  chars_read: number;
  /** Real time of the execution in the sandbox (bundle, emulated services, HTTP, profiler), ms. */
  sandbox_wall_ms: number;
  /** Time slept waiting for Vitable, on the sandbox clock, ms. */
  wait_ms: number;
}

export interface SyncRow extends FlowRow {
  /** The add-on's CPU in this execution (bench/bundleCpu.ts), ms. */
  cpu_ms: number;
  /** How the sync ended (its last alert). */
  outcome: string;
  finished: boolean;
}

/** The projection of one sync, with the wait for Vitable the polling schedule makes of the assumed processing time. */
export interface ProjectedSync {
  typical: Projection;
  pessimistic: Projection;
  /** Vitable's assumed processing time for the members sent, and the add-on's wait and polls for it. */
  assumed_processing_s: number;
  assumed_wait_s: number;
  assumed_polls: number;
}

/** One tab size in bench/results.json. */
export interface SizeRow {
  rows: number;
  sheets_calls_validate: number;
  sheets_calls_sync: number;
  urlfetch_calls_sync: number;
  /** Bytes of request bodies the first sync sent (the member sync payload). */
  payload_bytes: number;
  /** The add-on's CPU over a first sync: median of `cpu_runs_ms`. */
  cpu_ms: number;
  cpu_runs_ms: number[];
  rows_per_s: number;
  /** Peak heap during a first sync above the heap before it, garbage included, MB. */
  peak_heap_mb: number;
  /** The same, each sample taken right after a full garbage collection: what the sync held. */
  live_heap_mb: number;
  /** The first sync, typical figures, with the assumed wait for Vitable. */
  projected_apps_script_s: number;
  naive_sheets_calls: number;

  flows: {
    validate: FlowRow;
    preview: FlowRow;
    sync: SyncRow;
    resync: SyncRow | null;
    sidebar_open: FlowRow;
    sidebar_focus: FlowRow;
  };
  projection: { sync: ProjectedSync; resync: ProjectedSync | null };
  /** Completion noticed this long after the emulator completed the first sync, ms. */
  noticed_after_ms: number;
  naive: {
    /** Whether the naive script ran at this size (else its counts are its formula's). */
    measured: boolean;
    sheets_calls: number;
    sandbox_wall_ms: number | null;
    projected_s: number;
    projected_s_best_case: number;
  };
  invalid_rows: number;
  rejected_by_vitable: number;
  changed_rows: number;
  deleted_rows: number;
}

export interface NaiveMeasurement {
  rows: number;
  counts: ServiceCallCounts;
  wallMs: number;
}

export interface BenchResults {
  environment: Environment;
  run_seconds: number;
  sizes: SizeRow[];
  bundle: BundleFigures;
  targets: TargetCheck[];
  model: {
    typical: LatencyModel;
    pessimistic: LatencyModel;
    naive_best_case_call_ms: typeof NAIVE_BEST_CASE_CALL_MS;
    vitable_processing: typeof VITABLE_PROCESSING;
    execution_limit_s: number;
  };
}

const MEGABYTE = 1_000_000;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The naive script's counts: measured where it ran, its exact formula elsewhere. */
function naiveCounts(rows: number, memberColumns: number, measured: readonly NaiveMeasurement[]) {
  const run = measured.find((measurement) => measurement.rows === rows);
  if (run !== undefined) return { counts: run.counts, wallMs: run.wallMs };
  const cells = naiveCells(rows, memberColumns);
  const counts: ServiceCallCounts = {
    byMethod: {},
    sheetsReads: 0,
    sheetsWrites: 0,
    sheetsCalls: naiveSheetsCalls(rows, memberColumns),
    urlFetches: 0,
    sheetsCellsRead: cells.read,
    sheetsCellsWritten: cells.written,
    urlFetchBytesSent: 0,
    urlFetchBytesReceived: 0,
  };
  return { counts, wallMs: null };
}

function flowRow(flow: FlowMeasurement, minimum: number | null): FlowRow {
  const { counts, traffic } = flow;
  return {
    sheets_calls: counts.sheetsCalls,
    urlfetch_calls: counts.urlFetches,
    polls: flow.polls,
    cells_read: counts.sheetsCellsRead,
    cells_written: counts.sheetsCellsWritten,
    append_row_cells: traffic.appendRowCells,
    cells_moved: cellsMoved(counts, traffic),
    physical_minimum_cells: minimum,
    records_chars_read: traffic.recordsCharsRead,
    records_chars_written: traffic.recordsCharsWritten,
    chars_read: traffic.charsRead,
    sandbox_wall_ms: Math.round(flow.wallMs),
    wait_ms: flow.waitMs,
  };
}

function syncRow(sync: ProfiledSync, minimum: number | null): SyncRow {
  return { ...flowRow(sync, minimum), cpu_ms: round(sync.cpuMs), outcome: sync.outcome, finished: sync.finished };
}

/**
 * A sync projected to Apps Script: its measured calls, cells, characters and CPU, and the wait
 * the add-on's polling schedule makes of Vitable's assumed processing time for `members` members
 * (the runs poll the emulator's default timing; polls beyond the measured ones cost a round
 * trip). A sync that sent nothing (`members` 0) waits for nothing.
 */
export function projectSync(sync: FlowMeasurement, cpuMs: number, members: number): ProjectedSync {
  const processingMs = members === 0 ? 0 : vitableProcessingMs(members);
  const wait = members === 0 ? { waitMs: 0, polls: 0 } : pollingWait(processingMs, members, null);
  const input = (model: LatencyModel) => ({
    counts: sync.counts,
    traffic: sync.traffic,
    cpuMs,
    waitMs: wait.waitMs + Math.max(0, wait.polls - sync.polls) * model.urlFetchRoundTripMs.value,
  });
  return {
    typical: rounded(projectExecution(input(TYPICAL_MODEL), TYPICAL_MODEL)),
    pessimistic: rounded(projectExecution(input(PESSIMISTIC_MODEL), PESSIMISTIC_MODEL)),
    assumed_processing_s: processingMs / 1_000,
    assumed_wait_s: wait.waitMs / 1_000,
    assumed_polls: wait.polls,
  };
}

export function sizeRow(result: SizeResult, memberColumns: number, naive: readonly NaiveMeasurement[]): SizeRow {
  const { flows, rows } = result;
  const invalidCells = result.invalidRows;
  const synced = { rows, columns: memberColumns + STATUS_COLUMNS, invalidCells };
  const resynced = { ...synced, rows: rows - result.deletedRows };
  const minimum = (flow: "validate" | "preview" | "sync", tab: typeof synced, measured: FlowMeasurement) =>
    physicalMinimumCells(flow, tab, measured.traffic);
  const cpuMs = median(flows.syncCpuMs);
  const sent = rows - result.invalidRows;
  const reference = naiveCounts(rows, memberColumns, naive);
  const naiveInput = { counts: reference.counts, traffic: emptyTraffic(), cpuMs: 0, waitMs: 0 };
  const projection = {
    sync: projectSync(flows.sync, cpuMs, flows.sync.finished ? sent : 0),
    resync: flows.resync === null ? null : projectSync(flows.resync, flows.resync.cpuMs, sent - result.deletedRows),
  };
  return {
    rows,
    sheets_calls_validate: flows.validate.counts.sheetsCalls,
    sheets_calls_sync: flows.sync.counts.sheetsCalls,
    urlfetch_calls_sync: flows.sync.counts.urlFetches,
    payload_bytes: flows.sync.counts.urlFetchBytesSent,
    cpu_ms: round(cpuMs),
    cpu_runs_ms: flows.syncCpuMs.map((ms) => round(ms)),
    rows_per_s: Math.round(rows / (cpuMs / 1_000)),
    peak_heap_mb: round(flows.heap.peakMb),
    live_heap_mb: round(flows.heap.liveMb),
    projected_apps_script_s: projection.sync.typical.totalS,
    naive_sheets_calls: reference.counts.sheetsCalls,
    flows: {
      validate: flowRow(flows.validate, minimum("validate", { ...synced, columns: memberColumns }, flows.validate)),
      preview: flowRow(flows.preview, minimum("preview", synced, flows.preview)),
      sync: syncRow(flows.sync, minimum("sync", synced, flows.sync)),
      resync: flows.resync === null ? null : syncRow(flows.resync, minimum("sync", resynced, flows.resync)),
      sidebar_open: flowRow(flows.sidebarOpen, null),
      sidebar_focus: flowRow(flows.sidebarFocus, null),
    },
    projection,
    noticed_after_ms: flows.sync.waitMs - DEFAULT_PROCESSING_DELAY_MS,
    naive: {
      measured: reference.wallMs !== null,
      sheets_calls: reference.counts.sheetsCalls,
      sandbox_wall_ms: reference.wallMs === null ? null : Math.round(reference.wallMs),
      projected_s: round(projectExecution(naiveInput, TYPICAL_MODEL).totalS),
      projected_s_best_case: round(
        projectExecution(naiveInput, { ...TYPICAL_MODEL, sheetsCallMs: NAIVE_BEST_CASE_CALL_MS }).totalS,
      ),
    },
    invalid_rows: result.invalidRows,
    rejected_by_vitable: result.rejectedByVitable,
    changed_rows: result.changedRows,
    deleted_rows: result.deletedRows,
  };
}

function rounded(projection: Projection): Projection {
  return Object.fromEntries(
    Object.entries(projection as unknown as Record<string, number>).map(([key, value]) => [
      key,
      round(value, key === "shareOfLimit" ? 3 : 2),
    ]),
  ) as unknown as Projection;
}

/** Cells moved over the physical minimum. */
function overMinimum(flow: FlowRow | null): number {
  if (flow === null || flow.physical_minimum_cells === null || flow.physical_minimum_cells === 0) return 0;
  return flow.cells_moved / flow.physical_minimum_cells;
}

/** Every target, checked on the sizes up to TARGETS.rows (larger ones only measure the payload limit). */
export function checkTargets(sizes: readonly SizeRow[]): TargetCheck[] {
  const checked = sizes.filter((row) => row.rows <= TARGETS.rows);
  const largest = checked.reduce((a, b) => (b.rows > a.rows ? b : a));
  const bySize = (pick: (row: SizeRow) => number | null) =>
    checked.flatMap((row) => {
      const value = pick(row);
      return value === null ? [] : [{ rows: row.rows, value }];
    });
  const calls = (flow: FlowRow | null) => (flow === null ? null : flow.sheets_calls);
  return [
    atMostAtEverySize(
      "Sheets calls: sync",
      bySize((row) => calls(row.flows.sync)),
      TARGETS.syncCalls,
      "",
    ),
    atMostAtEverySize(
      "Sheets calls: re-sync",
      bySize((row) => calls(row.flows.resync)),
      TARGETS.syncCalls,
      "",
    ),
    atMostAtEverySize(
      "Sheets calls: validate",
      bySize((row) => calls(row.flows.validate)),
      TARGETS.validateCalls,
      "",
    ),
    atMostAtEverySize(
      "Sheets calls: preview",
      bySize((row) => calls(row.flows.preview)),
      TARGETS.previewCalls,
      "",
    ),
    ...(["sync", "resync", "validate", "preview"] as const).map((flow) =>
      atMostAtEverySize(
        `Cells moved against the physical minimum: ${flow === "resync" ? "re-sync" : flow}`,
        bySize((row) => overMinimum(row.flows[flow])),
        TARGETS.cellsOverMinimum,
        "×",
        2,
      ),
    ),
    atMostAtEverySize(
      "Sidebar open/focus: Sheets calls",
      bySize((row) => Math.max(row.flows.sidebar_open.sheets_calls, row.flows.sidebar_focus.sheets_calls)),
      TARGETS.sidebarCalls,
      "",
    ),
    atMostAtEverySize(
      "Sidebar open/focus: characters read",
      bySize((row) => Math.max(row.flows.sidebar_open.chars_read, row.flows.sidebar_focus.chars_read)),
      TARGETS.sidebarReadChars,
      "",
    ),
    atMost(
      `UrlFetch calls: ${largest.rows.toLocaleString("en-US")}-row sync, emulator's default timing`,
      largest.urlfetch_calls_sync,
      TARGETS.syncUrlFetches,
      "",
    ),
    atMostAtEverySize(
      "Completion noticed after the emulator completed the sync",
      bySize((row) => row.noticed_after_ms),
      TARGETS.noticedWithinMs,
      " ms",
    ),
    atMost(
      `CPU of the ${largest.rows.toLocaleString("en-US")}-row sync on dist/Code.js (median of ${largest.cpu_runs_ms.length})`,
      largest.cpu_ms,
      TARGETS.cpuMs,
      " ms",
    ),
  ];
}

function fmt(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  return lines.join("\n");
}

const dash = "–";

/** The tables `npm run bench` prints, also pasted into docs/performance.md. */
export function formatReport(results: BenchResults): string {
  const { environment: env, sizes, bundle } = results;
  const calls = (flow: FlowRow | null) => (flow === null ? dash : fmt(flow.sheets_calls));
  const headline = table(
    [
      "Rows",
      "Sheets calls: validate / preview / sync / re-sync",
      "Sidebar open / focus: calls, KB read",
      "UrlFetch calls: sync",
      "Payload (MB)",
      "CPU (ms)",
      "Rows/s",
      "Heap (MB): live / peak",
      "Naive Sheets calls",
    ],
    sizes.map((row) => [
      fmt(row.rows),
      [row.flows.validate, row.flows.preview, row.flows.sync, row.flows.resync].map(calls).join(" / "),
      [row.flows.sidebar_open, row.flows.sidebar_focus]
        .map((flow) => `${fmt(flow.sheets_calls)}, ${fmt(flow.chars_read / 1024, 1)}`)
        .join(" / "),
      fmt(row.urlfetch_calls_sync),
      fmt(row.payload_bytes / MEGABYTE, 2),
      row.flows.sync.finished ? fmt(row.cpu_ms) : `${fmt(row.cpu_ms)} (not sent)`,
      fmt(row.rows_per_s),
      `${fmt(row.live_heap_mb)} / ${fmt(row.peak_heap_mb)}`,
      `${fmt(row.naive.sheets_calls)}${row.naive.measured ? "" : " (formula)"}`,
    ]),
  );
  const cells = table(
    [
      "Rows",
      "Cells moved: sync (minimum)",
      "Cells moved: re-sync (minimum)",
      "appendRow cells: sync",
      "Records chars read / written: sync",
      "Records chars read / written: re-sync",
    ],
    sizes.map((row) => {
      const { sync, resync } = row.flows;
      const moved = (flow: FlowRow | null) =>
        flow === null ? dash : `${fmt(flow.cells_moved)} (${fmt(flow.physical_minimum_cells ?? 0)})`;
      const chars = (flow: FlowRow | null) =>
        flow === null ? dash : `${fmt(flow.records_chars_read)} / ${fmt(flow.records_chars_written)}`;
      return [fmt(row.rows), moved(sync), moved(resync), fmt(sync.append_row_cells), chars(sync), chars(resync)];
    }),
  );
  const projected = table(
    [
      "Rows",
      "Sheets (s)",
      "Other services (s)",
      "UrlFetch (s)",
      "CPU (s)",
      "Without the wait (s): typical / pessimistic",
      "Assumed Vitable / wait (s), polls",
      "With the wait (s): typical / pessimistic",
      "Share of 6 min (pessimistic)",
    ],
    sizes.map((row) => {
      const { typical: p, pessimistic: q } = row.projection.sync;
      return [
        fmt(row.rows),
        fmt(p.sheetsS, 2),
        fmt(p.servicesS, 2),
        fmt(p.urlFetchS, 2),
        fmt(p.cpuS, 2),
        `${fmt(p.withoutWaitS, 1)} / ${fmt(q.withoutWaitS, 1)}`,
        `${fmt(row.projection.sync.assumed_processing_s, 0)} / ${fmt(row.projection.sync.assumed_wait_s, 0)}, ${fmt(row.projection.sync.assumed_polls)}`,
        `${fmt(p.totalS, 1)} / ${fmt(q.totalS, 1)}`,
        `${fmt(q.shareOfLimit * 100, 1)}%`,
      ];
    }),
  );
  const resync = table(
    [
      "Rows",
      "Changed / deleted rows",
      "UrlFetch calls: re-sync",
      "CPU re-sync (ms)",
      "Projected re-sync (s), with the wait: typical / pessimistic",
      "Sandbox wall (ms): validate / preview / sync / re-sync",
      "Naive: sandbox wall (ms) / projected (s)",
    ],
    sizes.map((row) => {
      const r = row.flows.resync;
      const p = row.projection.resync;
      return [
        fmt(row.rows),
        `${fmt(row.changed_rows)} / ${fmt(row.deleted_rows)}`,
        r === null ? dash : fmt(r.urlfetch_calls),
        r === null ? dash : fmt(r.cpu_ms),
        p === null ? dash : `${fmt(p.typical.totalS, 1)} / ${fmt(p.pessimistic.totalS, 1)}`,
        [row.flows.validate, row.flows.preview, row.flows.sync, r]
          .map((flow) => (flow === null ? dash : fmt(flow.sandbox_wall_ms)))
          .join(" / "),
        `${row.naive.sandbox_wall_ms === null ? "not run" : fmt(row.naive.sandbox_wall_ms)} / ` +
          `${fmt(row.naive.projected_s_best_case)}${dash}${fmt(row.naive.projected_s)}${row.naive.measured ? "" : " (formula)"}`,
      ];
    }),
  );
  const notSent = sizes
    .filter((row) => !row.flows.sync.finished)
    .map(
      (row) => `- ${fmt(row.rows)} rows (${fmt(row.payload_bytes / MEGABYTE, 1)} MB sent): "${row.flows.sync.outcome}"`,
    );
  const targets = results.targets.map(
    (check) => `- [${check.met ? "met" : "MISSED"}] ${check.target}: ${check.detail}`,
  );
  return [
    `Node ${env.node} on ${env.cpu} (${env.cores} cores, ${env.memoryGb} GB), ${env.os}; ${env.date}; ` +
      `load average ${env.loadAverage.join(", ")} at the start; commit ${env.commit}`,
    "",
    "First sync of a tab (menu Sync to Vitable, one execution); validate and preview from the sidebar:",
    "",
    headline,
    "",
    "Cells and characters moved:",
    "",
    cells,
    "",
    "The first sync projected to Apps Script (typical figures, then pessimistic):",
    "",
    projected,
    "",
    "Second sync after editing ~1% of rows and deleting a few:",
    "",
    resync,
    ...(notSent.length === 0 ? [] : ["", "Syncs that could not be sent:", ...notSent]),
    "",
    `Bundle: dist/Code.js ${fmt(bundle.code_js_kb, 1)} KB, dist/Sidebar.html ${fmt(bundle.sidebar_html_kb, 1)} KB, ` +
      `cold start ${fmt(bundle.cold_start_ms, 1)} ms (median of ${bundle.cold_start_runs}).`,
    "",
    "Targets:",
    ...targets,
    "",
    `Run time: ${fmt(results.run_seconds)} s.`,
  ].join("\n");
}
