/**
 * The conformance project's entry module: scripts/build.mjs --entry bundles it like the add-on,
 * and each export becomes a top-level function Apps Script (and `clasp run`) can call.
 */
import { ALL_CASES } from "./allCases";
import { probeTriggerContext } from "./cases/context";
import { runCases, type CaseResult, type RunOptions } from "./harness";

/** Runs the cases and returns their results as plain JSON, which `clasp run` prints. */
export function runConformance(options: RunOptions = {}): CaseResult[] {
  return runCases(ALL_CASES, options);
}

/** The one-off trigger of the trigger-context case. */
export function conformanceTriggerProbe(event: GoogleAppsScript.Events.TimeDriven): void {
  probeTriggerContext(event);
}

/** The schedule's handler, which the trigger cases name; the conformance project never syncs. */
export function runScheduledSync(): void {}
