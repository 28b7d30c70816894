import { createSandboxClock } from "../../sandbox/runtime/clock";
import { SCOPES } from "../../sandbox/runtime/permissions";
import { loadProject, type AppsScriptProject } from "../../sandbox/runtime/project";
import { AppsScriptRuntime } from "../../sandbox/runtime/runtime";
import { parseRunOutput } from "../../scripts/live/resultsTable";
import { buildBundle } from "../support/buildBundle";
import { STARTUP_TIMEOUT_MS } from "../support/startupTimeout";
import { ALL_CASES } from "./allCases";
import type { CaseResult, RunOptions } from "./harness";

/**
 * Every conformance case, run in the sandbox's Apps Script runtime as `npm run test:live` runs
 * them in Apps Script: the same bundle, one execution per case. A case the sandbox fails is a
 * sandbox bug, unless the case names the difference (then it must still fail here, so the mark
 * goes when the sandbox learns the behaviour).
 */

const FULL_SCOPES = Object.values(SCOPES);
const CURRENT_ONLY_SCOPES = FULL_SCOPES.filter((scope) => scope !== SCOPES.allSpreadsheets);

let project: AppsScriptProject;
beforeAll(() => {
  project = loadProject(buildBundle("test/conformance/entry.ts").dir);
}, STARTUP_TIMEOUT_MS);

function runtimeWith(oauthScopes: string[]): { runtime: AppsScriptRuntime; spreadsheetId: string } {
  const runtime = new AppsScriptRuntime({
    project: { ...project, manifest: { ...project.manifest, oauthScopes } },
    addonName: "Conformance",
    clock: createSandboxClock({ start: Date.UTC(2026, 10, 23, 15), followsRealTime: false }),
  });
  const spreadsheet = runtime.spreadsheets.create({
    name: "Conformance",
    timeZone: "America/New_York",
    owner: "hr@example.com",
  });
  return { runtime, spreadsheetId: spreadsheet.id };
}

function runCase(
  runtime: AppsScriptRuntime,
  spreadsheetId: string,
  name: string,
  options: RunOptions = {},
): CaseResult {
  const report = runtime.run("runConformance", {
    kind: "scriptRun",
    spreadsheetId,
    args: [{ ...options, only: [name] }],
  });
  if (!report.ok) throw new Error(`runConformance failed: ${report.error}`);
  const [result] = report.value as CaseResult[];
  return result!;
}

/** Runs a case to its end: a case waiting for its trigger has it fired, as the clock moves on. */
function settledResult(name: string, options: RunOptions = {}, oauthScopes = FULL_SCOPES): CaseResult {
  const { runtime, spreadsheetId } = runtimeWith(oauthScopes);
  let result = runCase(runtime, spreadsheetId, name, options);
  if (result.outcome === "pending") {
    runtime.clock.advance(2 * 60_000);
    for (const fired of runtime.fireDueTriggers()) {
      if (!fired.ok) throw new Error(`${fired.functionName} failed: ${fired.error}`);
    }
    result = runCase(runtime, spreadsheetId, name, options);
  }
  return result;
}

const ordinaryCases = ALL_CASES.filter((testCase) => testCase.name !== "copy-carries-document-properties");

describe("the conformance cases in the sandbox", () => {
  it.each(
    ordinaryCases.filter((testCase) => testCase.sandboxDifference === undefined).map((testCase) => testCase.name),
  )("%s", (name) => {
    const result = settledResult(name);
    expect({ outcome: result.outcome, detail: result.detail }).toEqual({ outcome: "passed", detail: "" });
  });

  it.each(
    ordinaryCases
      .filter((testCase) => testCase.sandboxDifference !== undefined)
      .map((testCase) => [testCase.name, testCase.sandboxDifference]),
  )("%s differs in the sandbox as documented: %s", (name) => {
    expect(settledResult(name).outcome).toBe("failed");
  });

  it("scope-open-by-id: with spreadsheets.currentonly, openById is refused", () => {
    const result = settledResult("scope-open-by-id", { spreadsheetScope: "currentonly" }, CURRENT_ONLY_SCOPES);
    expect(result).toMatchObject({ outcome: "passed", detail: "" });
    expect(result.notes.join("\n")).toMatch(/permission/i);
  });

  it("copy-carries-document-properties marks the original and asks for the copy by hand", () => {
    expect(settledResult("copy-carries-document-properties").outcome).toBe("manual");
  });

  it("trigger-context reports what the trigger saw: no document, no document lock or properties", () => {
    expect(settledResult("trigger-context").notes).toEqual([
      "active spreadsheet: false, document lock: false, document properties: false",
    ]);
  });

  it("reports results the live runner reads as they are (clasp --json prints the returned value)", () => {
    const { runtime, spreadsheetId } = runtimeWith(FULL_SCOPES);
    const report = runtime.run("runConformance", {
      kind: "scriptRun",
      spreadsheetId,
      args: [{ only: ["values-apostrophe-in-plain-text", "copy-carries-document-properties"] }],
    });
    const printed = JSON.stringify({ response: report.value }, null, 2);
    expect(parseRunOutput(printed)).toEqual(JSON.parse(JSON.stringify(report.value)));
    expect(parseRunOutput(printed).map((result) => result.outcome)).toEqual(["passed", "manual"]);
  });
});
