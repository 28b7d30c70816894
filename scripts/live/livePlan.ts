import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The commands `npm run test:live` runs, as data: the runner executes them and `--dry-run`
 * prints them. Every clasp command runs in the state folder (`.live/` by default, git-ignored),
 * whose .clasp.json names the scratch script project. The bundle it pushes is built outside the
 * repository, where neither ESLint nor Prettier looks at it.
 */

export interface LiveOptions {
  dryRun: boolean;
  /** The cases to run (`--case NAME`, repeatable); all when empty. */
  cases: string[];
  /** The script ID of a spreadsheet's copy made with File ▸ Make a copy: runs the copy's case there. */
  copyScriptId: string | null;
  /** Push a manifest with `spreadsheets.currentonly` in place of `spreadsheets` (for the scope case). */
  currentOnly: boolean;
  /** Run again while a case waits for its trigger, up to this many times. */
  waitRounds: number;
  /** The Google Cloud project `clasp run` and `clasp logs` use, kept in project.json once given. */
  gcpProjectId: string | null;
  stateDir: string;
}

/** The scratch project, as `.live/project.json` keeps it after the first run. */
export interface LiveProject {
  scriptId: string;
  spreadsheetId: string;
  /** The Google Cloud project `clasp run` needs (Project Settings of the script). */
  gcpProjectId?: string;
}

export interface PlannedCommand {
  /** What the command is for, as the plan prints it. */
  purpose: string;
  command: string;
  args: string[];
  cwd: string;
}

export const RUNNER_FUNCTION = "runConformance";
export const CONFORMANCE_ENTRY = "test/conformance/entry.ts";
const PROJECT_TITLE = "Vitable Roster Sync conformance";
export const COPY_CASE = "copy-carries-document-properties";

/** The folder clasp pushes: one per state folder, in the system's temporary folder. */
export function bundleDir(stateDir: string): string {
  const state = createHash("sha256").update(stateDir).digest("hex").slice(0, 12);
  return path.join(tmpdir(), `vitable-live-bundle-${state}`);
}

export function projectFile(options: LiveOptions): string {
  return path.join(options.stateDir, "project.json");
}

/** The argument `clasp run-function --params` takes: a JSON array holding the run's options. */
export function runParams(options: LiveOptions, project: LiveProject | null): string {
  const runOptions = options.copyScriptId
    ? { only: [COPY_CASE], inCopy: true }
    : {
        ...(options.cases.length > 0 ? { only: options.cases } : {}),
        spreadsheetId: project?.spreadsheetId ?? "<the spreadsheet clasp creates>",
        spreadsheetScope: options.currentOnly ? "currentonly" : "spreadsheets",
      };
  return JSON.stringify([runOptions]);
}

/** Creates the scratch project on the first run, builds the conformance bundle, pushes it, runs it. */
export function livePlan(options: LiveOptions, project: LiveProject | null, root: string): PlannedCommand[] {
  const run: PlannedCommand = {
    purpose: "run every chosen case in Apps Script and print their results as JSON",
    command: "clasp",
    args: ["--json", "run-function", RUNNER_FUNCTION, "--params", runParams(options, project)],
    cwd: options.copyScriptId ? path.join(options.stateDir, "copy") : options.stateDir,
  };
  if (options.copyScriptId) return [{ ...run, purpose: "run the Make a copy case in the copy's script" }];
  const steps: PlannedCommand[] = [];
  if (project === null) {
    steps.push({
      purpose: "create the scratch spreadsheet and its bound script project (first run only)",
      command: "clasp",
      args: [
        "--json",
        "create-script",
        "--type",
        "sheets",
        "--title",
        PROJECT_TITLE,
        "--rootDir",
        bundleDir(options.stateDir),
      ],
      cwd: options.stateDir,
    });
  }
  steps.push(
    {
      purpose: "build the conformance bundle like dist/ (esbuild IIFE, top-level runner functions)",
      command: process.execPath,
      args: ["scripts/build.mjs", "--entry", CONFORMANCE_ENTRY, "--outdir", bundleDir(options.stateDir)],
      cwd: root,
    },
    {
      purpose: "push Code.js and the manifest (with executionApi) to the scratch project",
      command: "clasp",
      args: ["push", "--force"],
      cwd: options.stateDir,
    },
    run,
  );
  return steps;
}

/** A command as a shell would show it, quoting what needs quotes. */
export function commandLine(step: PlannedCommand): string {
  const quoted = [step.command, ...step.args].map((word) =>
    /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`,
  );
  return quoted.join(" ");
}
