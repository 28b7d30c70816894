/**
 * `npm run test:live [-- options]`: the conformance cases of test/conformance in real Apps Script,
 * through clasp, with the same pass/fail table as the sandbox's run. See docs/live-checks.md.
 *
 *   --dry-run              print the commands and the cases, touch nothing
 *   --case NAME            run only this case (repeatable)
 *   --wait N               while a case waits for its trigger, run again up to N times, 90 s apart
 *   --current-only         push a manifest with spreadsheets.currentonly instead of spreadsheets
 *   --copy-script ID       run the Make a copy case in the copy's script project
 *   --gcp-project ID       the Google Cloud project of the script (kept in .live/project.json)
 *   --state-dir DIR        where the scratch project's files live (default .live)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import * as z from "zod/mini";
import { ALL_CASES } from "../../test/conformance/allCases";
import {
  bundleDir,
  COPY_CASE,
  commandLine,
  livePlan,
  projectFile,
  type LiveOptions,
  type LiveProject,
  type PlannedCommand,
} from "./livePlan";
import { parseRunOutput, resultsTable, type ReportedResult } from "./resultsTable";

const ROOT = path.resolve(__dirname, "../..");
const WAIT_BETWEEN_ROUNDS_MS = 90_000;
const FULL_SCOPE = "https://www.googleapis.com/auth/spreadsheets";
const CURRENT_ONLY_SCOPE = "https://www.googleapis.com/auth/spreadsheets.currentonly";
/** Only the bundle's script and manifest are pushed: the pages are the add-on's, not the suite's. */
const CLASP_IGNORE = "**/**\n!Code.js\n!appsscript.json\n";

const projectSchema = z.object({
  scriptId: z.string().check(z.minLength(1)),
  spreadsheetId: z.string().check(z.minLength(1)),
  gcpProjectId: z.optional(z.string()),
});
const createdSchema = z.object({
  scriptId: z.string().check(z.minLength(1)),
  parentId: z.string().check(z.minLength(1)),
});
const manifestSchema = z.looseObject({ oauthScopes: z.array(z.string()) });

function parseOptions(argv: string[]): LiveOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      "dry-run": { type: "boolean", default: false },
      case: { type: "string", multiple: true, default: [] },
      wait: { type: "string", default: "0" },
      "current-only": { type: "boolean", default: false },
      "copy-script": { type: "string" },
      "gcp-project": { type: "string" },
      "state-dir": { type: "string", default: ".live" },
    },
  });
  const unknown = values.case.filter((name) => !ALL_CASES.some((testCase) => testCase.name === name));
  if (unknown.length > 0) throw new Error(`No conformance case is named ${unknown.join(", ")}.`);
  const waitRounds = Number(values.wait);
  if (!Number.isInteger(waitRounds) || waitRounds < 0) throw new Error("--wait takes a whole number of rounds.");
  return {
    dryRun: values["dry-run"],
    cases: values.case,
    copyScriptId: values["copy-script"] ?? null,
    currentOnly: values["current-only"],
    waitRounds,
    gcpProjectId: values["gcp-project"] ?? null,
    stateDir: path.resolve(ROOT, values["state-dir"]),
  };
}

function readProject(options: LiveOptions): LiveProject | null {
  const file = projectFile(options);
  if (!existsSync(file)) return null;
  const project = projectSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return options.gcpProjectId === null ? project : { ...project, gcpProjectId: options.gcpProjectId };
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Runs a step; its output goes to the terminal unless `capture`, when it is returned. */
function execute(step: PlannedCommand, capture: boolean): string {
  console.log(`$ ${commandLine(step)}`);
  const result = spawnSync(step.command, step.args, {
    cwd: step.cwd,
    encoding: "utf8",
    stdio: capture ? ["inherit", "pipe", "inherit"] : "inherit",
  });
  if (result.error) throw new Error(`${step.command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${commandLine(step)} exited with ${result.status ?? result.signal}.`);
  return result.stdout ?? "";
}

/** The add-on's manifest, runnable by `clasp run` (executionApi), with the scope the run asks for. */
function writeManifest(options: LiveOptions): void {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(path.join(ROOT, "appsscript.json"), "utf8")));
  const { urlFetchWhitelist: _notCalled, ...rest } = manifest;
  const oauthScopes = manifest.oauthScopes.map((scope) =>
    options.currentOnly && scope === FULL_SCOPE ? CURRENT_ONLY_SCOPE : scope,
  );
  writeJson(path.join(bundleDir(options.stateDir), "appsscript.json"), {
    ...rest,
    oauthScopes,
    executionApi: { access: "MYSELF" },
  });
}

function printPlan(options: LiveOptions, project: LiveProject | null): void {
  console.log(`Plan (nothing is run; ${project === null ? "no scratch project yet" : `script ${project.scriptId}`}):`);
  for (const step of livePlan(options, project, ROOT)) {
    console.log(`  # ${step.purpose}\n  (cd ${path.relative(ROOT, step.cwd) || "."}) ${commandLine(step)}`);
  }
  const chosen = options.copyScriptId
    ? [COPY_CASE]
    : options.cases.length > 0
      ? options.cases
      : ALL_CASES.map((testCase) => testCase.name);
  console.log(`Cases (${chosen.length}):`);
  for (const name of chosen) {
    const testCase = ALL_CASES.find((each) => each.name === name)!;
    console.log(`  ${name}: ${testCase.assumption}`);
  }
}

function runLive(options: LiveOptions): ReportedResult[] {
  let project = readProject(options);
  mkdirSync(options.stateDir, { recursive: true });
  writeFileSync(path.join(options.stateDir, ".claspignore"), CLASP_IGNORE);
  if (options.copyScriptId) {
    writeJson(path.join(options.stateDir, "copy", ".clasp.json"), {
      scriptId: options.copyScriptId,
      ...(project?.gcpProjectId ? { projectId: project.gcpProjectId } : {}),
    });
  }
  if (project === null && !options.copyScriptId) {
    // The first run creates the project; every later step needs its IDs.
    const create = livePlan(options, null, ROOT)[0]!;
    const created = createdSchema.parse(JSON.parse(execute(create, true)));
    project = {
      scriptId: created.scriptId,
      spreadsheetId: created.parentId,
      ...(options.gcpProjectId ? { gcpProjectId: options.gcpProjectId } : {}),
    };
  }
  if (project !== null && !options.copyScriptId) {
    writeJson(projectFile(options), project);
    writeJson(path.join(options.stateDir, ".clasp.json"), {
      scriptId: project.scriptId,
      rootDir: bundleDir(options.stateDir),
      ...(project.gcpProjectId ? { projectId: project.gcpProjectId } : {}),
    });
  }
  let results: ReportedResult[] = [];
  for (const step of livePlan(options, project, ROOT)) {
    if (step.args.includes("run-function")) {
      results = parseRunOutput(execute(step, true));
    } else {
      execute(step, false);
      if (step.args.includes("--entry")) writeManifest(options);
    }
  }
  return results;
}

/** Runs again the cases that wait for their trigger, `options.waitRounds` times at most. */
function runPendingAgain(options: LiveOptions, results: ReportedResult[]): ReportedResult[] {
  let current = results;
  for (let round = 0; round < options.waitRounds; round++) {
    const pending = current.filter((result) => result.outcome === "pending").map((result) => result.name);
    if (pending.length === 0) break;
    console.log(`Waiting ${WAIT_BETWEEN_ROUNDS_MS / 1000} s for ${pending.join(", ")}…`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, WAIT_BETWEEN_ROUNDS_MS);
    const project = readProject(options);
    const step = livePlan({ ...options, cases: pending }, project, ROOT).at(-1)!;
    const again = parseRunOutput(execute(step, true));
    current = current.map((result) => again.find((each) => each.name === result.name) ?? result);
  }
  return current;
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (options.dryRun) {
    printPlan(options, readProject(options));
    return;
  }
  const results = runPendingAgain(options, runLive(options));
  console.log(resultsTable(results));
  if (results.some((result) => result.outcome === "failed")) process.exitCode = 1;
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
