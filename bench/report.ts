import type { ServiceCallCounts } from "../sandbox/runtime/execution";
import type { BundleFigures } from "./bundle";
import type { Environment } from "./environment";
import { naiveCells, naiveSheetsCalls } from "./naive";
import type { PipelineStep } from "./pipeline";
import {
  EXECUTION_LIMIT_S,
  NAIVE_BEST_CASE_CALL_MS,
  PESSIMISTIC_MODEL,
  TYPICAL_MODEL,
  type VITABLE_PROCESSING,
  projectExecution,
  type Projection,
} from "./projection";
import type { SizeResult } from "./sizeRun";

/** One tab size in bench/results.json. Field names are the published format; keep them. */
export interface SizeRow {
  rows: number;
  sheets_calls_validate: number;
  sheets_calls_sync: number;
  urlfetch_calls_sync: number;
  /** Bytes of request bodies the sync sent (the member sync payload). */
  payload_bytes: number;
  /** The add-on's own CPU in the first sync, ms (median). */
  cpu_ms: number;
  rows_per_s: number;
  peak_heap_mb: number;
  /** The first sync, typical figures. */
  projected_apps_script_s: number;
  naive_sheets_calls: number;

  projected_apps_script_s_pessimistic: number;
  projection_sync: { typical: Projection; pessimistic: Projection };
  naive_measured: boolean;
  naive_projected_s: number;
  naive_projected_s_best_case: number;
  sheets_calls_preview: number;
  sheets_cells_sync: { read: number; written: number };
  urlfetch_bytes_received_sync: number;
  /** `cpu_ms` split at the sync pipeline's steps (bench/pipeline.ts), medians. */
  cpu_ms_by_step: Record<PipelineStep, number>;
  cpu_runs: number;
  poll_wait_s: number;
  vitable_processing_s: number;
  resync: {
    sheets_calls: number;
    urlfetch_calls: number;
    payload_bytes: number;
    cpu_ms: number;
    cpu_ms_by_step: Record<PipelineStep, number>;
    projected_apps_script_s: number;
    projected_apps_script_s_pessimistic: number;
    changed_rows: number;
    deleted_rows: number;
  };
  /** Real time of each execution in the sandbox (bundle, emulated services and HTTP together), ms. */
  sandbox_wall_ms: { validate: number; preview: number; sync: number; resync: number };
  invalid_rows: number;
  rejected_by_vitable: number;
}

export interface NaiveMeasurement {
  rows: number;
  counts: ServiceCallCounts;
}

export interface TargetCheck {
  target: string;
  met: boolean;
  detail: string;
}

export interface BenchResults {
  environment: Environment;
  run_seconds: number;
  sizes: SizeRow[];
  bundle: BundleFigures;
  targets: TargetCheck[];
  model: {
    typical: typeof TYPICAL_MODEL;
    pessimistic: typeof PESSIMISTIC_MODEL;
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
  if (run !== undefined) return { counts: run.counts, measured: true };
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
  return { counts, measured: false };
}

export function sizeRow(result: SizeResult, memberColumns: number, naive: readonly NaiveMeasurement[]): SizeRow {
  const { flows, pipeline } = result;
  const syncInput = { counts: flows.sync.counts, cpuMs: pipeline.sync.cpuMs, waitMs: flows.sync.waitMs };
  const resyncInput = { counts: flows.resync.counts, cpuMs: pipeline.resync.cpuMs, waitMs: flows.resync.waitMs };
  const typical = projectExecution(syncInput, TYPICAL_MODEL);
  const pessimistic = projectExecution(syncInput, PESSIMISTIC_MODEL);
  const reference = naiveCounts(result.rows, memberColumns, naive);
  const naiveInput = { counts: reference.counts, cpuMs: 0, waitMs: 0 };
  return {
    rows: result.rows,
    sheets_calls_validate: flows.validate.counts.sheetsCalls,
    sheets_calls_sync: flows.sync.counts.sheetsCalls,
    urlfetch_calls_sync: flows.sync.counts.urlFetches,
    payload_bytes: flows.sync.counts.urlFetchBytesSent,
    cpu_ms: round(pipeline.sync.cpuMs),
    rows_per_s: Math.round(result.rows / (pipeline.sync.cpuMs / 1_000)),
    peak_heap_mb: round(Math.max(pipeline.sync.peakHeapMb, pipeline.resync.peakHeapMb)),
    projected_apps_script_s: round(typical.totalS),
    naive_sheets_calls: reference.counts.sheetsCalls,

    projected_apps_script_s_pessimistic: round(pessimistic.totalS),
    projection_sync: { typical: rounded(typical), pessimistic: rounded(pessimistic) },
    naive_measured: reference.measured,
    naive_projected_s: round(projectExecution(naiveInput, TYPICAL_MODEL).totalS),
    naive_projected_s_best_case: round(
      projectExecution(naiveInput, { ...TYPICAL_MODEL, sheetsCallMs: NAIVE_BEST_CASE_CALL_MS }).totalS,
    ),
    sheets_calls_preview: flows.preview.counts.sheetsCalls,
    sheets_cells_sync: { read: flows.sync.counts.sheetsCellsRead, written: flows.sync.counts.sheetsCellsWritten },
    urlfetch_bytes_received_sync: flows.sync.counts.urlFetchBytesReceived,
    cpu_ms_by_step: roundedSteps(pipeline.sync.stepCpuMs),
    cpu_runs: pipeline.sync.runs,
    poll_wait_s: flows.sync.waitMs / 1_000,
    vitable_processing_s: result.vitableProcessingMs / 1_000,
    resync: {
      sheets_calls: flows.resync.counts.sheetsCalls,
      urlfetch_calls: flows.resync.counts.urlFetches,
      payload_bytes: flows.resync.counts.urlFetchBytesSent,
      cpu_ms: round(pipeline.resync.cpuMs),
      cpu_ms_by_step: roundedSteps(pipeline.resync.stepCpuMs),
      projected_apps_script_s: round(projectExecution(resyncInput, TYPICAL_MODEL).totalS),
      projected_apps_script_s_pessimistic: round(projectExecution(resyncInput, PESSIMISTIC_MODEL).totalS),
      changed_rows: result.changedRows,
      deleted_rows: result.deletedRows,
    },
    sandbox_wall_ms: {
      validate: Math.round(flows.validate.wallMs),
      preview: Math.round(flows.preview.wallMs),
      sync: Math.round(flows.sync.wallMs),
      resync: Math.round(flows.resync.wallMs),
    },
    invalid_rows: result.invalidRows,
    rejected_by_vitable: result.rejectedByVitable,
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

function roundedSteps(steps: Record<PipelineStep, number>): Record<PipelineStep, number> {
  return Object.fromEntries(Object.entries(steps).map(([step, ms]) => [step, round(ms)])) as Record<
    PipelineStep,
    number
  >;
}

/** The targets of docs/performance.md, checked against this run. */
export function checkTargets(sizes: readonly SizeRow[], bundle: BundleFigures, runSeconds: number): TargetCheck[] {
  const largest = sizes.reduce((a, b) => (b.rows > a.rows ? b : a));
  const constant = (pick: (row: SizeRow) => number) => new Set(sizes.map(pick)).size === 1;
  const flows: [string, (row: SizeRow) => number][] = [
    ["validate", (row) => row.sheets_calls_validate],
    ["preview", (row) => row.sheets_calls_preview],
    ["sync", (row) => row.sheets_calls_sync],
    ["re-sync", (row) => row.resync.sheets_calls],
  ];
  const largestCpu = Math.max(largest.cpu_ms, largest.resync.cpu_ms);
  const pessimistic = Math.max(
    largest.projected_apps_script_s_pessimistic,
    largest.resync.projected_apps_script_s_pessimistic,
  );
  const typical = Math.max(largest.projected_apps_script_s, largest.resync.projected_apps_script_s);
  return [
    {
      target: "Sheets calls per flow constant in the row count",
      met: flows.every(([, pick]) => constant(pick)),
      detail: flows.map(([name, pick]) => `${name} ${callsBySize(sizes, pick)}`).join(", "),
    },
    {
      target: `A ${fmt(largest.rows)}-row sync projected well inside one ${EXECUTION_LIMIT_S / 60}-minute execution`,
      met: typical <= EXECUTION_LIMIT_S / 2 && pessimistic < EXECUTION_LIMIT_S,
      detail: `typical ${fmt(typical, 1)} s (at most half the limit), pessimistic ${fmt(pessimistic, 1)} s (under the limit)`,
    },
    {
      target: `The add-on's own CPU on ${fmt(largest.rows)} rows under 2 s here`,
      met: largestCpu < 2_000,
      detail: `sync ${fmt(largest.cpu_ms)} ms, re-sync ${fmt(largest.resync.cpu_ms)} ms`,
    },
    {
      target: "dist/Code.js under 200 KB",
      met: bundle.code_js_kb < 200,
      detail: `${fmt(bundle.code_js_kb, 1)} KB`,
    },
    {
      target: "npm run bench under 10 minutes",
      met: runSeconds < 600,
      detail: `${fmt(runSeconds)} s`,
    },
  ];
}

/** "29", or "50 (100, 1,000 rows), 51 (10,000, 50,000 rows)" when the count changes with the size. */
function callsBySize(sizes: readonly SizeRow[], pick: (row: SizeRow) => number): string {
  const bySize = new Map<number, number[]>();
  for (const row of sizes) bySize.set(pick(row), [...(bySize.get(pick(row)) ?? []), row.rows]);
  if (bySize.size === 1) return fmt([...bySize.keys()][0]!);
  return [...bySize].map(([calls, rows]) => `${fmt(calls)} (${rows.map((n) => fmt(n)).join(", ")} rows)`).join(", ");
}

function fmt(value: number, digits = 0): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`);
  return lines.join("\n");
}

/** The tables `npm run bench` prints, also pasted into docs/performance.md. */
export function formatReport(results: BenchResults): string {
  const { environment: env, sizes, bundle } = results;
  const headline = table(
    [
      "Rows",
      "Sheets calls: validate",
      "Sheets calls: sync",
      "UrlFetch calls: sync",
      "Payload (MB)",
      "CPU (ms)",
      "Rows/s",
      "Peak heap (MB)",
      "Projected sync (s): typical / pessimistic",
      "Naive Sheets calls",
      "Naive projected (s)",
    ],
    sizes.map((row) => [
      fmt(row.rows),
      fmt(row.sheets_calls_validate),
      fmt(row.sheets_calls_sync),
      fmt(row.urlfetch_calls_sync),
      fmt(row.payload_bytes / MEGABYTE, 2),
      fmt(row.cpu_ms),
      fmt(row.rows_per_s),
      fmt(row.peak_heap_mb),
      `${fmt(row.projected_apps_script_s, 1)} / ${fmt(row.projected_apps_script_s_pessimistic, 1)}`,
      `${fmt(row.naive_sheets_calls)}${row.naive_measured ? "" : " (formula)"}`,
      `${fmt(row.naive_projected_s_best_case)}–${fmt(row.naive_projected_s)}`,
    ]),
  );
  const breakdown = table(
    [
      "Rows",
      "Sheets (s)",
      "Other services (s)",
      "UrlFetch (s)",
      "CPU (s)",
      "Wait for Vitable (s)",
      "Total (s)",
      "Share of 6 min",
    ],
    sizes.map((row) => {
      const p = row.projection_sync.typical;
      return [
        fmt(row.rows),
        fmt(p.sheetsS, 2),
        fmt(p.servicesS, 2),
        fmt(p.urlFetchS, 2),
        fmt(p.cpuS, 2),
        fmt(p.waitS, 0),
        fmt(p.totalS, 1),
        `${fmt(p.shareOfLimit * 100, 1)}%`,
      ];
    }),
  );
  const resync = table(
    [
      "Rows",
      "Changed / deleted rows",
      "Sheets calls: preview",
      "Sheets calls: re-sync",
      "UrlFetch calls: re-sync",
      "CPU re-sync (ms)",
      "Projected re-sync (s): typical / pessimistic",
      "Sandbox wall (ms): validate / preview / sync / re-sync",
    ],
    sizes.map((row) => [
      fmt(row.rows),
      `${fmt(row.resync.changed_rows)} / ${fmt(row.resync.deleted_rows)}`,
      fmt(row.sheets_calls_preview),
      fmt(row.resync.sheets_calls),
      fmt(row.resync.urlfetch_calls),
      fmt(row.resync.cpu_ms),
      `${fmt(row.resync.projected_apps_script_s, 1)} / ${fmt(row.resync.projected_apps_script_s_pessimistic, 1)}`,
      [row.sandbox_wall_ms.validate, row.sandbox_wall_ms.preview, row.sandbox_wall_ms.sync, row.sandbox_wall_ms.resync]
        .map((ms) => fmt(ms))
        .join(" / "),
    ]),
  );
  const targets = results.targets.map(
    (check) => `- [${check.met ? "met" : "MISSED"}] ${check.target}: ${check.detail}`,
  );
  return [
    `Node ${env.node} on ${env.cpu} (${env.cores} cores, ${env.memoryGb} GB), ${env.os}; ${env.date}; ` +
      `load average ${env.loadAverage.join(", ")} at the start; commit ${env.commit}`,
    "",
    "First sync of a tab (menu Sync to Vitable, one execution), validate from the sidebar:",
    "",
    headline,
    "",
    "Where the projected time of the first sync goes (typical figures):",
    "",
    breakdown,
    "",
    "Second sync after editing ~1% of rows and deleting a few:",
    "",
    resync,
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
