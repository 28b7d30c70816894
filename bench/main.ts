import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
import { TARGETS } from "./targets";
import { BENCH_HEADER, generateRoster } from "./roster";
import type { SizeResult } from "./sizeRun";

/**
 * `npm run bench` (after `npm run build`): measures the built add-on on tabs of 100 to 200,000
 * rows (the targets are checked up to 50,000; the larger tabs measure UrlFetch's 50 MB limit),
 * prints the tables and every target, met or with its gap, and writes bench/results.json.
 * See docs/performance.md.
 */
const SIZES = [100, 1_000, 10_000, 50_000, 100_000, 200_000];
/**
 * The naive script runs at a size when, by the time it took at the size below, it finishes in
 * under this; its exact formula gives the others.
 */
const NAIVE_RUN_LIMIT_MS = 60_000;

const ROOT = path.resolve(__dirname, "..");
const SIZE_RUN = path.join(__dirname, "sizeRun.ts");
const RESULTS_FILE = path.join(__dirname, "results.json");

/** One size in its own process, with the garbage collector exposed for the heap figure. */
function runSizeProcess(rows: number, outFile: string, dist: string): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", SIZE_RUN, String(rows), outFile, dist], {
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
  const { observed, sync } = result.flows;
  if (!sync.finished) {
    if (result.rows <= TARGETS.rows) throw new Error(`The ${result.rows}-row sync did not finish: ${sync.outcome}`);
    return;
  }
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
}

/** The naive script, measured at each size it finishes in under a minute, by the time the size below took. */
function runNaive(planNames: readonly string[]): NaiveMeasurement[] {
  const measured: NaiveMeasurement[] = [];
  for (const rows of SIZES) {
    const previous = measured.at(-1);
    if (previous !== undefined && (previous.wallMs * rows) / previous.rows > NAIVE_RUN_LIMIT_MS) break;
    const start = performance.now();
    const report = runNaiveSync(generateRoster({ rows, planNames }).rows);
    const wallMs = performance.now() - start;
    const formula = naiveSheetsCalls(rows, BENCH_HEADER.length);
    if (report.counts.sheetsCalls !== formula) {
      throw new Error(
        `The naive script made ${report.counts.sheetsCalls} Sheets calls on ${rows} rows; its formula says ${formula}.`,
      );
    }
    measured.push({ rows, counts: report.counts, wallMs });
  }
  return measured;
}

async function main(): Promise<void> {
  const started = performance.now();
  const environment = describeEnvironment();
  const say = (message: string) => process.stderr.write(`${message}\n`);

  const workDir = mkdtempSync(path.join(tmpdir(), "vitable-bench-"));
  // Every size measures this copy of the build, whatever happens to dist/ meanwhile.
  const dist = path.join(workDir, "dist");
  cpSync(path.join(ROOT, "dist"), dist, { recursive: true });
  say("Measuring the bundle…");
  const bundle = measureBundle(dist);

  const results: SizeResult[] = [];
  try {
    for (const rows of SIZES) {
      say(`Measuring ${rows.toLocaleString("en-US")} rows…`);
      const result = await runSizeProcess(rows, path.join(workDir, `${rows}.json`), dist);
      checkRun(result);
      results.push(result);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  say("Running the naive reference…");
  const naive = runNaive(results[0]!.planNames);

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
    targets: checkTargets(sizes),
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
