import type { ServiceCallCounts } from "../../sandbox/runtime/execution";
import { DEFAULT_PROCESSING_DELAY_MS } from "../../sandbox/emulator/state";
import type { AddonFlows, FlowMeasurement, ProfiledSync } from "../../bench/addonFlows";
import type { BundleFigures } from "../../bench/bundle";
import { naiveSheetsCalls } from "../../bench/naive";
import {
  EXECUTION_LIMIT_S,
  NAIVE_BEST_CASE_CALL_MS,
  PESSIMISTIC_MODEL,
  TYPICAL_MODEL,
  VITABLE_PROCESSING,
  pollingWait,
  vitableProcessingMs,
} from "../../bench/projection";
import { checkTargets, formatReport, projectSync, sizeRow, type BenchResults, type SizeRow } from "../../bench/report";
import { emptyTraffic, type SheetTraffic } from "../../bench/sheetTraffic";
import type { SizeResult } from "../../bench/sizeRun";
import { TARGETS } from "../../bench/targets";

const COLUMNS = 12;

function counts(sheetsCalls: number, overrides: Partial<ServiceCallCounts> = {}): ServiceCallCounts {
  return {
    byMethod: {},
    sheetsReads: 0,
    sheetsWrites: 0,
    sheetsCalls,
    urlFetches: 3,
    sheetsCellsRead: 0,
    sheetsCellsWritten: 0,
    urlFetchBytesSent: 0,
    urlFetchBytesReceived: 0,
    ...overrides,
  };
}

function flow(sheetsCalls: number, overrides: Partial<ServiceCallCounts> = {}, traffic?: Partial<SheetTraffic>) {
  const measured: FlowMeasurement = {
    counts: counts(sheetsCalls, overrides),
    traffic: { ...emptyTraffic(), ...traffic },
    wallMs: 10,
    waitMs: DEFAULT_PROCESSING_DELAY_MS,
    polls: 1,
  };
  return measured;
}

function sync(sheetsCalls: number, cpuMs: number, overrides: Partial<ServiceCallCounts> = {}): ProfiledSync {
  return { ...flow(sheetsCalls, overrides), cpuMs, outcome: "Vitable finished the sync", finished: true };
}

interface Options {
  cpuMs?: number;
  syncCalls?: number;
  resyncCalls?: number;
  sidebarChars?: number;
  urlFetches?: number;
  /** Cells the sync moved beyond the physical minimum. */
  extraCells?: number;
}

/** A size whose flows move exactly the physical minimum of cells, plus `extraCells`. */
function result(rows: number, options: Options = {}): SizeResult {
  const cpuMs = options.cpuMs ?? rows / 50;
  const invalidRows = rows / 50;
  const tabCells = (rows + 1) * (COLUMNS + 3);
  const syncCells = {
    sheetsCellsRead: tabCells + rows,
    sheetsCellsWritten: 3 * rows + invalidRows + (options.extraCells ?? 0),
    urlFetches: options.urlFetches ?? 3,
    urlFetchBytesSent: rows * 283,
  };
  const flows: AddonFlows = {
    validate: flow(8, {
      sheetsCellsRead: (rows + 1) * COLUMNS,
      sheetsCellsWritten: 3 * rows + invalidRows,
      urlFetches: 1,
    }),
    preview: flow(6, { sheetsCellsRead: tabCells, urlFetches: 1 }),
    sync: sync(options.syncCalls ?? 20, cpuMs, syncCells),
    sidebarOpen: flow(5, {}, { charsRead: options.sidebarChars ?? 1_000 }),
    sidebarFocus: flow(2, {}, { charsRead: 100 }),
    resync: sync(options.resyncCalls ?? 20, cpuMs, {
      ...syncCells,
      sheetsCellsRead: (rows - 1) * (COLUMNS + 3) + rows - 2,
      sheetsCellsWritten: 3 * (rows - 2) + invalidRows,
    }),
    syncCpuMs: [cpuMs, cpuMs + 10, cpuMs - 10],
    heap: { peakMb: 40, liveMb: 20 },
    observed: { invalidRows, membersInGroupAfterSync: 0, changedInResync: 0, removedInResync: 0 },
  };
  return {
    rows,
    planNames: ["Basic Care"],
    invalidRows,
    rejectedByVitable: 0,
    changedRows: rows / 100,
    deletedRows: 2,
    flows,
  };
}

const BUNDLE: BundleFigures = { code_js_kb: 180.3, sidebar_html_kb: 57.7, cold_start_ms: 15, cold_start_runs: 21 };
const rowsOf = (...results: SizeResult[]): SizeRow[] => results.map((r) => sizeRow(r, COLUMNS, []));
const check = (rows: SizeRow[], name: string) => checkTargets(rows).find((target) => target.target.startsWith(name))!;

describe("sizeRow", () => {
  it("takes the naive counts from the run where the naive script ran, from its formula elsewhere", () => {
    const measured = { rows: 100, counts: counts(3_004), wallMs: 120 };
    expect(sizeRow(result(100), COLUMNS, [measured]).naive).toMatchObject({
      measured: true,
      sheets_calls: 3_004,
      sandbox_wall_ms: 120,
    });
    expect(sizeRow(result(50_000), COLUMNS, [measured]).naive).toMatchObject({
      measured: false,
      sheets_calls: naiveSheetsCalls(50_000, COLUMNS),
      sandbox_wall_ms: null,
    });
  });

  it("reports the median CPU of the first syncs, and rows per second of it", () => {
    const row = sizeRow(result(10_000, { cpuMs: 250 }), COLUMNS, []);
    expect(row).toMatchObject({ rows: 10_000, payload_bytes: 2_830_000, cpu_ms: 250, rows_per_s: 40_000 });
    expect(row.cpu_runs_ms).toEqual([250, 260, 240]);
    expect(row).toMatchObject({ live_heap_mb: 20, peak_heap_mb: 40 });
  });

  it("counts appendRow's cells among the cells moved, and sets them against the physical minimum", () => {
    const plain = sizeRow(result(1_000), COLUMNS, []).flows.sync;
    expect(plain.cells_moved).toBe(plain.physical_minimum_cells);
    const size = result(1_000);
    size.flows.sync.traffic.appendRowCells = 12;
    const appended = sizeRow(size, COLUMNS, []).flows.sync;
    expect(appended).toMatchObject({ append_row_cells: 12, cells_moved: plain.cells_moved + 12 });
  });

  it("tells how long after the emulator completed the sync the add-on noticed it", () => {
    const size = result(1_000);
    size.flows.sync.waitMs = DEFAULT_PROCESSING_DELAY_MS + 1_500;
    expect(sizeRow(size, COLUMNS, []).noticed_after_ms).toBe(1_500);
  });
});

describe("projectSync", () => {
  it("projects with and without the wait the polling schedule makes of Vitable's assumed time", () => {
    const members = 50_000;
    const projected = projectSync(flow(20, { urlFetches: 3 }), 1_000, members);
    const wait = pollingWait(vitableProcessingMs(members), members, null);
    expect(projected).toMatchObject({
      assumed_processing_s: vitableProcessingMs(members) / 1_000,
      assumed_wait_s: wait.waitMs / 1_000,
      assumed_polls: wait.polls,
    });
    // Polls beyond the one measured cost a round trip each.
    const extraPollsS = ((wait.polls - 1) * TYPICAL_MODEL.urlFetchRoundTripMs.value) / 1_000;
    expect(projected.typical.waitS).toBeCloseTo(wait.waitMs / 1_000 + extraPollsS, 1);
    expect(projected.typical.totalS).toBeCloseTo(projected.typical.withoutWaitS + projected.typical.waitS, 1);
    expect(projected.pessimistic.withoutWaitS).toBeGreaterThan(projected.typical.withoutWaitS);
  });
});

it("projects no wait for a sync that sent nothing", () => {
  const projected = projectSync(flow(20, { urlFetches: 1 }), 1_000, 0);
  expect(projected).toMatchObject({ assumed_processing_s: 0, assumed_wait_s: 0, assumed_polls: 0 });
  expect(projected.typical.waitS).toBe(0);
});

describe("checkTargets", () => {
  it("meets every target on a run within every limit", () => {
    const targets = checkTargets(rowsOf(result(100), result(50_000, { cpuMs: 1_000 })));
    expect(targets.filter((target) => !target.met)).toEqual([]);
    expect(targets.length).toBeGreaterThanOrEqual(13);
  });

  it("names the gap of a flow over its Sheets calls, and the size it is over at", () => {
    const calls = check(rowsOf(result(100), result(50_000, { resyncCalls: 23 })), "Sheets calls: re-sync");
    expect(calls).toMatchObject({ met: false });
    expect(calls.detail).toContain("23 (limit 20)");
    expect(calls.detail).toContain("over by 3");
    expect(calls.detail).toContain("50,000: 23");
  });

  it("misses the cells target by how far the cells moved are over the minimum", () => {
    const size = sizeRow(result(50_000, { extraCells: 600_000 }), COLUMNS, []);
    const cells = check([size], "Cells moved against the physical minimum: sync");
    const ratio = size.flows.sync.cells_moved / size.flows.sync.physical_minimum_cells!;
    expect(ratio).toBeGreaterThan(TARGETS.cellsOverMinimum);
    expect(cells).toMatchObject({ met: false });
    expect(cells.detail).toContain(`${ratio.toFixed(2)}×`);
  });

  it("misses the sidebar, UrlFetch and CPU targets past their limits", () => {
    const rows = rowsOf(result(50_000, { sidebarChars: 30_000, urlFetches: 12, cpuMs: 1_500 }));
    expect(check(rows, "Sidebar open/focus: characters read").met).toBe(false);
    expect(check(rows, "UrlFetch calls").met).toBe(false);
    expect(check(rows, "CPU of the 50,000-row sync")).toMatchObject({
      met: false,
      detail: expect.stringContaining("over by 400 ms"),
    });
  });

  it("checks the targets up to 50,000 rows only: larger tabs measure the payload limit", () => {
    const rows = rowsOf(result(50_000, { cpuMs: 1_000 }), result(200_000, { cpuMs: 9_000, syncCalls: 40 }));
    expect(checkTargets(rows).filter((target) => !target.met)).toEqual([]);
  });
});

it("prints one line per size in each table, and every target", () => {
  const sizes = rowsOf(result(100), result(1_000));
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
    targets: checkTargets(sizes),
    model: {
      typical: TYPICAL_MODEL,
      pessimistic: PESSIMISTIC_MODEL,
      naive_best_case_call_ms: NAIVE_BEST_CASE_CALL_MS,
      vitable_processing: VITABLE_PROCESSING,
      execution_limit_s: EXECUTION_LIMIT_S,
    },
  };
  const text = formatReport(results);
  expect(text.match(/^\| 1,000 \|/gm)).toHaveLength(4);
  expect(text.match(/^- \[(met|MISSED)\]/gm)).toHaveLength(results.targets.length);
  expect(text).toContain("dist/Code.js 180.3 KB");
  expect(text).toContain("(formula)");
});
