import { writeFileSync } from "node:fs";
import path from "node:path";
import { SANDBOX_CLOCK_HEADER } from "../sandbox/emulator/clock";
import { spawnEmulator } from "../sandbox/emulator/process";
import { DEFAULT_API_KEY } from "../sandbox/emulator/state";
import { loadProject } from "../sandbox/runtime/project";
import type { Plan } from "../src/vitable/apiSchemas";
import { BENCH_START, runAddonFlows, type AddonFlows } from "./addonFlows";
import { editRoster, generateRoster } from "./roster";

/**
 * One tab size, in a process of its own (started by bench/main.ts with --expose-gc), so that its
 * heap and CPU figures are its own: the add-on's flows run from dist/ in the sandbox's Apps
 * Script runtime against a Vitable emulator in another process, in the emulator's default timing.
 */
export interface SizeResult {
  rows: number;
  /** The organization's plan names, from which the roster was generated. */
  planNames: string[];
  invalidRows: number;
  rejectedByVitable: number;
  changedRows: number;
  deletedRows: number;
  flows: AddonFlows;
}

const DIST = path.resolve(__dirname, "../dist");

/** First syncs measured for the CPU figure: more where they are quick; one at the largest sizes. */
export function cpuRuns(rows: number): number {
  if (rows > 50_000) return 1;
  return rows >= 10_000 ? 3 : 5;
}

/** The organization's plans, asked at the sandbox's start time: the emulator's time never goes back. */
async function fetchPlans(url: string): Promise<Plan[]> {
  const response = await fetch(`${url}/v1/plans?limit=100`, {
    headers: { Authorization: `Bearer ${DEFAULT_API_KEY}`, [SANDBOX_CLOCK_HEADER]: String(BENCH_START) },
  });
  if (!response.ok) throw new Error(`The emulator answered ${response.status} to the plan list.`);
  return ((await response.json()) as { data: Plan[] }).data;
}

/** `dist` is the built add-on to measure: bench/main.ts hands each size the same copy. */
export async function runSize(rows: number, dist = DIST): Promise<SizeResult> {
  const emulator = await spawnEmulator({});
  try {
    const plans = await fetchPlans(emulator.url);
    const planNames = plans.map((plan) => plan.name);
    const roster = generateRoster({ rows, planNames });
    const edits = editRoster(roster, planNames);
    const flows = await runAddonFlows({ project: loadProject(dist), emulator, roster, edits, cpuRuns: cpuRuns(rows) });
    return {
      rows,
      planNames,
      invalidRows: roster.invalid.size,
      rejectedByVitable: roster.rejectedByVitable.length,
      changedRows: edits.edits.length,
      deletedRows: edits.deletedRows.length,
      flows,
    };
  } finally {
    await emulator.close();
  }
}

if (require.main === module) {
  const [rows, outFile, dist] = process.argv.slice(2);
  if (rows === undefined || outFile === undefined) throw new Error("Usage: sizeRun.ts ROWS OUT_FILE [DIST_DIR]");
  runSize(Number(rows), dist).then(
    (result) => writeFileSync(outFile, JSON.stringify(result)),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = 1;
    },
  );
}
