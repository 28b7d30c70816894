import type { ServiceCallCounts } from "../../sandbox/runtime/execution";
import type { BundleFigures } from "../../bench/bundle";
import { naiveSheetsCalls } from "../../bench/naive";
import { PIPELINE_STEPS, type PipelineStep } from "../../bench/pipeline";
import {
  EXECUTION_LIMIT_S,
  NAIVE_BEST_CASE_CALL_MS,
  PESSIMISTIC_MODEL,
  TYPICAL_MODEL,
  VITABLE_PROCESSING,
} from "../../bench/projection";
import { checkTargets, formatReport, sizeRow, type BenchResults, type SizeRow } from "../../bench/report";
import type { FlowMeasurement } from "../../bench/addonFlows";
import type { PipelineMeasurement, SizeResult } from "../../bench/sizeRun";

const COLUMNS = 12;

function counts(sheetsCalls: number, overrides: Partial<ServiceCallCounts> = {}): ServiceCallCounts {
  return {
    byMethod: {},
    sheetsReads: 0,
    sheetsWrites: 0,
    sheetsCalls,
    urlFetches: 5,
    sheetsCellsRead: 0,
    sheetsCellsWritten: 0,
    urlFetchBytesSent: 0,
    urlFetchBytesReceived: 0,
    ...overrides,
  };
}

function flow(sheetsCalls: number, overrides: Partial<ServiceCallCounts> = {}): FlowMeasurement {
  return { counts: counts(sheetsCalls, overrides), wallMs: 10, waitMs: 3_000 };
}

function pipeline(cpuMs: number): PipelineMeasurement {
  const stepCpuMs = Object.fromEntries(PIPELINE_STEPS.map((step) => [step, cpuMs / PIPELINE_STEPS.length])) as Record<
    PipelineStep,
    number
  >;
  return {
    cpuMs,
    stepCpuMs,
    runs: 5,
    peakHeapMb: 12,
    payloadBytes: 0,
    membersSent: 0,
    counts: { added: 0, changed: 0, removed: 0, invalid: 0, failed: 0 },
  };
}

function result(rows: number, options: { resyncCalls?: number; cpuMs?: number } = {}): SizeResult {
  const cpuMs = options.cpuMs ?? rows / 40;
  return {
    rows,
    planNames: ["Basic Care"],
    invalidRows: rows / 50,
    rejectedByVitable: 0,
    changedRows: rows / 100,
    deletedRows: 2,
    vitableProcessingMs: 2_000 + rows,
    pipeline: { sync: pipeline(cpuMs), resync: pipeline(cpuMs) },
    flows: {
      validate: flow(29),
      preview: flow(13),
      sync: flow(58, { urlFetchBytesSent: rows * 283 }),
      resync: flow(options.resyncCalls ?? 50),
      observed: { invalidRows: 0, membersInGroupAfterSync: 0, changedInResync: 0, removedInResync: 0 },
    },
  };
}

const BUNDLE: BundleFigures = { code_js_kb: 180.3, sidebar_html_kb: 57.7, cold_start_ms: 15, cold_start_runs: 21 };

describe("sizeRow", () => {
  it("takes the naive counts from the run where the naive script ran, from its formula elsewhere", () => {
    const measured = { rows: 100, counts: counts(3_004) };
    expect(sizeRow(result(100), COLUMNS, [measured])).toMatchObject({
      naive_sheets_calls: 3_004,
      naive_measured: true,
    });
    expect(sizeRow(result(50_000), COLUMNS, [measured])).toMatchObject({
      naive_sheets_calls: naiveSheetsCalls(50_000, COLUMNS),
      naive_measured: false,
    });
  });

  it("reports the bytes the sync sent, and rows per second of the add-on's own CPU", () => {
    const row = sizeRow(result(10_000, { cpuMs: 250 }), COLUMNS, []);
    expect(row).toMatchObject({ rows: 10_000, payload_bytes: 2_830_000, cpu_ms: 250, rows_per_s: 40_000 });
    expect(row.sheets_calls_sync).toBe(58);
    expect(row.poll_wait_s).toBe(3);
  });
});

describe("checkTargets", () => {
  const rowsOf = (...results: SizeResult[]): SizeRow[] => results.map((r) => sizeRow(r, COLUMNS, []));

  it("meets every target on a run whose calls are constant, CPU small and bundle small", () => {
    const targets = checkTargets(rowsOf(result(100), result(50_000, { cpuMs: 1_200 })), BUNDLE, 60);
    expect(targets.map((target) => target.met)).toEqual([true, true, true, true, true]);
  });

  it("says which flow's Sheets calls change with the size, and at which sizes", () => {
    const [constant] = checkTargets(rowsOf(result(100), result(50_000, { resyncCalls: 51 })), BUNDLE, 60);
    expect(constant).toMatchObject({ met: false });
    expect(constant!.detail).toContain("re-sync 50 (100 rows), 51 (50,000 rows)");
  });

  it("misses the CPU, bundle and run-time targets past their limits", () => {
    const targets = checkTargets(
      rowsOf(result(100), result(50_000, { cpuMs: 2_500 })),
      { ...BUNDLE, code_js_kb: 201 },
      700,
    );
    expect(targets.slice(2).map((target) => target.met)).toEqual([false, false, false]);
  });
});

it("prints one line per size in each table, and every target", () => {
  const sizes = [sizeRow(result(100), COLUMNS, []), sizeRow(result(1_000), COLUMNS, [])];
  const results: BenchResults = {
    environment: {
      node: "v20",
      cpu: "CPU",
      cores: 2,
      memoryGb: 8,
      os: "Linux",
      date: "2026-11-23",
      loadAverage: [0.5, 0.4, 0.3],
      commit: "abc",
    },
    run_seconds: 60,
    sizes,
    bundle: BUNDLE,
    targets: checkTargets(sizes, BUNDLE, 60),
    model: {
      typical: TYPICAL_MODEL,
      pessimistic: PESSIMISTIC_MODEL,
      naive_best_case_call_ms: NAIVE_BEST_CASE_CALL_MS,
      vitable_processing: VITABLE_PROCESSING,
      execution_limit_s: EXECUTION_LIMIT_S,
    },
  };
  const text = formatReport(results);
  expect(text.match(/^\| 1,000 \|/gm)).toHaveLength(3);
  expect(text.match(/^- \[(met|MISSED)\]/gm)).toHaveLength(5);
  expect(text).toContain("dist/Code.js 180.3 KB");
});
