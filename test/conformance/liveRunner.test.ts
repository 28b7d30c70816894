import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { bundleDir } from "../../scripts/live/livePlan";
import { ROOT } from "../support/buildBundle";
import { STARTUP_TIMEOUT_MS } from "../support/startupTimeout";

/**
 * `npm run test:live` against a stand-in `clasp` on PATH: a node script that records its argv and
 * working folder, and prints what clasp 3 prints for create-script, push and run-function.
 */

const STAND_IN = `#!/usr/bin/env node
const fs = require("node:fs");
const args = process.argv.slice(2);
fs.appendFileSync(process.env.CLASP_LOG, JSON.stringify({ args, cwd: process.cwd() }) + "\\n");
if (args.includes("create-script")) {
  fs.writeFileSync(".clasp.json", JSON.stringify({ scriptId: "script-1" }));
  console.log(JSON.stringify({ scriptId: "script-1", parentId: "sheet-1", files: ["Code.js"] }, null, 2));
} else if (args.includes("push")) {
  console.log("Pushed 2 files.");
} else if (args.includes("run-function")) {
  process.stdout.write(fs.readFileSync(process.env.CLASP_RUN_OUTPUT, "utf8"));
}
`;

const RUN_OUTPUT = {
  response: [
    { name: "intl-pacific-auckland", assumption: "…", outcome: "passed", detail: "", notes: [] },
    {
      name: "values-apostrophe-in-plain-text",
      assumption: "…",
      outcome: "failed",
      detail: 'the plain-text cell: expected ["\'=1+1"], got ["=1+1"]',
      notes: ['plain text: value "=1+1"'],
    },
    {
      name: "trigger-context",
      assumption: "…",
      outcome: "pending",
      detail: "A one-off trigger fires soon.",
      notes: [],
    },
  ],
};

interface Recorded {
  args: string[];
  cwd: string;
}

function world() {
  const dir = mkdtempSync(path.join(tmpdir(), "live-runner-"));
  const clasp = path.join(dir, "clasp");
  writeFileSync(clasp, STAND_IN);
  chmodSync(clasp, 0o755);
  const output = path.join(dir, "run-output.json");
  writeFileSync(output, `Running function: runConformance\n${JSON.stringify(RUN_OUTPUT, null, 2)}\n`);
  const log = path.join(dir, "clasp.log");
  writeFileSync(log, "");
  const stateDir = path.join(dir, "state");
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/live/main.ts", "--state-dir", stateDir, ...args], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        PATH: `${dir}${path.delimiter}${process.env.PATH ?? ""}`,
        CLASP_LOG: log,
        CLASP_RUN_OUTPUT: output,
      },
    });
  const calls = (): Recorded[] =>
    readFileSync(log, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Recorded);
  return { stateDir, run, calls };
}

describe("npm run test:live", () => {
  it(
    "creates the scratch project once, pushes the bundle, runs the cases and prints their table",
    () => {
      const { stateDir, run, calls } = world();
      const bundle = bundleDir(stateDir);
      const first = run("--gcp-project", "vitable-live-checks");
      expect(calls()).toEqual([
        {
          args: [
            "--json",
            "create-script",
            "--type",
            "sheets",
            "--title",
            "Vitable Roster Sync conformance",
            "--rootDir",
            bundle,
          ],
          cwd: stateDir,
        },
        { args: ["push", "--force"], cwd: stateDir },
        {
          args: [
            "--json",
            "run-function",
            "runConformance",
            "--params",
            JSON.stringify([{ spreadsheetId: "sheet-1", spreadsheetScope: "spreadsheets" }]),
          ],
          cwd: stateDir,
        },
      ]);
      expect(first.stdout).toContain(
        [
          "pass  intl-pacific-auckland",
          "FAIL  values-apostrophe-in-plain-text",
          `      the plain-text cell: expected ["'=1+1"], got ["=1+1"]`,
          '      note: plain text: value "=1+1"',
          "wait  trigger-context",
          "      A one-off trigger fires soon.",
          "1 passed, 1 failed, 1 waiting for a trigger, 0 by hand",
        ].join("\n"),
      );
      expect(first.status).toBe(1);
      expect(JSON.parse(readFileSync(path.join(stateDir, "project.json"), "utf8"))).toEqual({
        scriptId: "script-1",
        spreadsheetId: "sheet-1",
        gcpProjectId: "vitable-live-checks",
      });
      expect(JSON.parse(readFileSync(path.join(stateDir, ".clasp.json"), "utf8"))).toEqual({
        scriptId: "script-1",
        rootDir: bundle,
        projectId: "vitable-live-checks",
      });
      const manifest = JSON.parse(readFileSync(path.join(bundle, "appsscript.json"), "utf8"));
      expect(manifest).toMatchObject({ executionApi: { access: "MYSELF" } });
      expect(manifest.urlFetchWhitelist).toBeUndefined();
      expect(readFileSync(path.join(bundle, "Code.js"), "utf8")).toMatch(/^function runConformance\(\) \{$/m);

      const second = run("--case", "trigger-context", "--current-only");
      expect(
        calls()
          .slice(3)
          .map((call) => call.args),
      ).toEqual([
        ["push", "--force"],
        [
          "--json",
          "run-function",
          "runConformance",
          "--params",
          JSON.stringify([{ only: ["trigger-context"], spreadsheetId: "sheet-1", spreadsheetScope: "currentonly" }]),
        ],
      ]);
      expect(second.status).toBe(1);
      expect(JSON.parse(readFileSync(path.join(bundle, "appsscript.json"), "utf8")).oauthScopes).toContain(
        "https://www.googleapis.com/auth/spreadsheets.currentonly",
      );
    },
    STARTUP_TIMEOUT_MS,
  );

  it(
    "--dry-run prints the commands and the cases without running clasp",
    () => {
      const { run, calls } = world();
      const result = run("--dry-run", "--case", "utilities-hmac-base64");
      expect(result.status).toBe(0);
      expect(calls()).toEqual([]);
      expect(result.stdout).toContain("clasp --json create-script --type sheets");
      expect(result.stdout).toContain("clasp push --force");
      expect(result.stdout).toContain(
        `clasp --json run-function runConformance --params '[{"only":["utilities-hmac-base64"]`,
      );
      expect(result.stdout).toContain("Cases (1):\n  utilities-hmac-base64: ");
    },
    STARTUP_TIMEOUT_MS,
  );

  it(
    "runs the copy's case in the copy's script, and refuses a case that does not exist",
    () => {
      const { stateDir, run, calls } = world();
      run("--copy-script", "copy-script-9");
      expect(calls()).toEqual([
        {
          args: [
            "--json",
            "run-function",
            "runConformance",
            "--params",
            JSON.stringify([{ only: ["copy-carries-document-properties"], inCopy: true }]),
          ],
          cwd: path.join(stateDir, "copy"),
        },
      ]);
      expect(JSON.parse(readFileSync(path.join(stateDir, "copy/.clasp.json"), "utf8"))).toEqual({
        scriptId: "copy-script-9",
      });
      const unknown = run("--case", "no-such-case");
      expect(unknown.stderr).toContain("No conformance case is named no-such-case.");
      expect(unknown.status).toBe(1);
    },
    STARTUP_TIMEOUT_MS,
  );
});
