import { writeFileSync } from "node:fs";
import path from "node:path";
import { getHeapStatistics } from "node:v8";
import { SANDBOX_CLOCK_HEADER } from "../sandbox/emulator/clock";
import { spawnEmulator } from "../sandbox/emulator/process";
import { DEFAULT_API_KEY } from "../sandbox/emulator/state";
import { loadProject } from "../sandbox/runtime/project";
import type { Plan } from "../src/vitable/apiSchemas";
import { BENCH_START, BENCH_TIME_ZONE, runAddonFlows, type AddonFlows } from "./addonFlows";
import {
  PIPELINE_STEPS,
  firstSyncState,
  prepareConfirmation,
  runSyncPipeline,
  type PipelineInput,
  type PipelineResult,
  type PipelineStep,
} from "./pipeline";
import { vitableProcessingMs } from "./projection";
import { editRoster, generateRoster } from "./roster";
import { median } from "./stats";
import { applyEdits, tabValues, typedSheet } from "./typedTab";

/**
 * One tab size, in a process of its own (started by bench/main.ts with --expose-gc), so that its
 * heap and CPU figures are its own: the add-on's pipeline timed in Node, then the add-on's flows
 * run in the sandbox against a Vitable emulator in another process.
 */

export interface PipelineMeasurement {
  /** Median over `runs` runs after a first one (which also warms the code up). */
  cpuMs: number;
  stepCpuMs: Record<PipelineStep, number>;
  runs: number;
  /** Largest heap used during the first run above the heap before it, MB (10^6 bytes). */
  peakHeapMb: number;
  payloadBytes: number;
  membersSent: number;
  counts: PipelineResult["counts"];
}

export interface SizeResult {
  rows: number;
  /** The organization's plan names, from which the roster was generated. */
  planNames: string[];
  invalidRows: number;
  rejectedByVitable: number;
  changedRows: number;
  deletedRows: number;
  vitableProcessingMs: number;
  pipeline: { sync: PipelineMeasurement; resync: PipelineMeasurement };
  flows: AddonFlows;
}

const MEGABYTE = 1_000_000;
const DIST = path.resolve(__dirname, "../dist");

/** More runs for small tabs, whose times are short and noisy; at least five. */
export function pipelineRuns(rows: number): number {
  return Math.min(15, Math.max(5, Math.floor(150_000 / rows)));
}

function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("Run this file with node --expose-gc.");
  gc();
}

function measurePipeline(
  input: PipelineInput,
  runs: number,
): { measurement: PipelineMeasurement; last: PipelineResult } {
  const confirmation = prepareConfirmation(input);
  collectGarbage();
  const before = getHeapStatistics().used_heap_size;
  const first = runSyncPipeline(input, confirmation);
  const peakHeapMb = (Math.max(...first.heapSamples) - before) / MEGABYTE;
  const results: PipelineResult[] = [];
  for (let run = 0; run < runs; run++) results.push(runSyncPipeline(input, confirmation));
  const stepCpuMs = Object.fromEntries(
    PIPELINE_STEPS.map((step) => [step, median(results.map((result) => result.stepCpuMs[step]))]),
  ) as Record<PipelineStep, number>;
  return {
    measurement: {
      cpuMs: median(results.map((result) => result.cpuMs)),
      stepCpuMs,
      runs,
      peakHeapMb,
      payloadBytes: first.payloadBytes,
      membersSent: first.membersSent,
      counts: first.counts,
    },
    last: first,
  };
}

/** The organization's plans, asked at the sandbox's start time: the emulator's time never goes back. */
async function fetchPlans(url: string): Promise<Plan[]> {
  const response = await fetch(`${url}/v1/plans?limit=100`, {
    headers: { Authorization: `Bearer ${DEFAULT_API_KEY}`, [SANDBOX_CLOCK_HEADER]: String(BENCH_START) },
  });
  if (!response.ok) throw new Error(`The emulator answered ${response.status} to the plan list.`);
  return ((await response.json()) as { data: Plan[] }).data;
}

export async function runSize(rows: number): Promise<SizeResult> {
  const processingMs = vitableProcessingMs(rows);
  const emulator = await spawnEmulator({ processingDelayMs: processingMs });
  try {
    const plans = await fetchPlans(emulator.url);
    const planNames = plans.map((plan) => plan.name);
    const roster = generateRoster({ rows, planNames });
    const edits = editRoster(roster, planNames);

    const tab = typedSheet(roster.rows, BENCH_TIME_ZONE);
    const editedTab = typedSheet(roster.rows, BENCH_TIME_ZONE);
    applyEdits(editedTab, edits.edits, edits.deletedRows);
    const groupId = "grp_benchmark";
    const common = { timeZone: BENCH_TIME_ZONE, startedAt: BENCH_START, groupId };
    const runs = pipelineRuns(rows);
    const sync = measurePipeline(
      { ...common, readTab: () => tabValues(tab), before: firstSyncState(plans, groupId, BENCH_START) },
      runs,
    );
    const resync = measurePipeline({ ...common, readTab: () => tabValues(editedTab), before: sync.last.after }, runs);

    const flows = await runAddonFlows({ project: loadProject(DIST), emulator, roster, edits });
    return {
      rows,
      planNames,
      invalidRows: roster.invalid.size,
      rejectedByVitable: roster.rejectedByVitable.length,
      changedRows: edits.edits.length,
      deletedRows: edits.deletedRows.length,
      vitableProcessingMs: processingMs,
      pipeline: { sync: sync.measurement, resync: resync.measurement },
      flows,
    };
  } finally {
    await emulator.close();
  }
}

if (require.main === module) {
  const [rows, outFile] = process.argv.slice(2);
  if (rows === undefined || outFile === undefined) throw new Error("Usage: sizeRun.ts ROWS OUT_FILE");
  runSize(Number(rows)).then(
    (result) => writeFileSync(outFile, JSON.stringify(result)),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    },
  );
}
