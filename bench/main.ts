import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { measureBundle } from "./bundle";
import { describeEnvironment } from "./environment";
import { naiveSheetsCalls, runNaiveSync } from "./naive";
import {
  EXECUTION_LIMIT_S,
  NAIVE_BEST_CASE_CALL_MS,
  PESSIMISTIC_MODEL,
  TYPICAL_MODEL,
  VITABLE_PROCESSING,
} from "./projection";
import { checkTargets, formatReport, sizeRow, type BenchResults, type NaiveMeasurement } from "./report";
import { BENCH_HEADER, generateRoster } from "./roster";
import type { SizeResult } from "./sizeRun";

/**
 * `npm run bench` (after `npm run build`): measures the built add-on on tabs of 100 to 50,000
 * rows, prints the tables and writes bench/results.json. See docs/performance.md.
 */
const SIZES = [100, 1_000, 10_000, 50_000];
/** The naive script runs at these sizes; its formula gives the others. */
const NAIVE_SIZES = [100, 1_000];

const ROOT = path.resolve(__dirname, "..");
const SIZE_RUN = path.join(__dirname, "sizeRun.ts");
const RESULTS_FILE = path.join(__dirname, "results.json");

/** One size in its own process, with the garbage collector exposed for the heap figure. */
function runSizeProcess(rows: number, outFile: string): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", SIZE_RUN, String(rows), outFile], {
      cwd: ROOT,
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code !== 0) reject(new Error(`Measuring ${rows} rows failed (${signal ?? `exit code ${code}`}).`));
      else resolve(JSON.parse(readFileSync(outFile, "utf8")) as SizeResult);
    });
  });
}

/** Stops the benchmark when a run did not do what the roster says it should. */
function checkRun(result: SizeResult): void {
  const { observed } = result.flows;
  const expected = {
    invalidRows: result.invalidRows,
    membersInGroupAfterSync: result.rows - result.invalidRows - result.rejectedByVitable,
    changedInResync: result.changedRows,
    removedInResync: result.deletedRows,
  };
  if (JSON.stringify(observed) !== JSON.stringify(expected)) {
    throw new Error(
      `The ${result.rows}-row run went wrong: expected ${JSON.stringify(expected)}, saw ${JSON.stringify(observed)}.`,
    );
  }
  const sent = result.flows.sync.counts.urlFetchBytesSent;
  if (sent !== result.pipeline.sync.payloadBytes) {
    throw new Error(
      `The ${result.rows}-row sync sent ${sent} bytes, the pipeline built ${result.pipeline.sync.payloadBytes}.`,
    );
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const environment = describeEnvironment();
  const say = (message: string) => process.stderr.write(`${message}\n`);

  say("Measuring the bundle…");
  const bundle = measureBundle(path.join(ROOT, "dist"));

  const workDir = mkdtempSync(path.join(tmpdir(), "vitable-bench-"));
  const results: SizeResult[] = [];
  try {
    for (const rows of SIZES) {
      say(`Measuring ${rows.toLocaleString("en-US")} rows…`);
      const result = await runSizeProcess(rows, path.join(workDir, `${rows}.json`));
      checkRun(result);
      results.push(result);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  say("Running the naive reference…");
  const planNames = results[0]!.planNames;
  const naive: NaiveMeasurement[] = NAIVE_SIZES.map((rows) => {
    const report = runNaiveSync(generateRoster({ rows, planNames }).rows);
    const formula = naiveSheetsCalls(rows, BENCH_HEADER.length);
    if (report.counts.sheetsCalls !== formula) {
      throw new Error(
        `The naive script made ${report.counts.sheetsCalls} Sheets calls on ${rows} rows; its formula says ${formula}.`,
      );
    }
    return { rows, counts: report.counts };
  });

  const sizes = results.map((result) => sizeRow(result, BENCH_HEADER.length, naive));
  const runSeconds = (performance.now() - started) / 1_000;
  const output: BenchResults = {
    environment,
    run_seconds: Math.round(runSeconds),
    sizes,
    bundle: {
      ...bundle,
      code_js_kb: round1(bundle.code_js_kb),
      sidebar_html_kb: round1(bundle.sidebar_html_kb),
      cold_start_ms: round1(bundle.cold_start_ms),
    },
    targets: checkTargets(sizes, bundle, runSeconds),
    model: {
      typical: TYPICAL_MODEL,
      pessimistic: PESSIMISTIC_MODEL,
      naive_best_case_call_ms: NAIVE_BEST_CASE_CALL_MS,
      vitable_processing: VITABLE_PROCESSING,
      execution_limit_s: EXECUTION_LIMIT_S,
    },
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(output, null, 2)}\n`);
  process.stdout.write(`${formatReport(output)}\n\nWrote ${path.relative(ROOT, RESULTS_FILE)}.\n`);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
