/**
 * A small test harness that runs in Apps Script itself as well as in the sandbox's runtime, so
 * one set of cases checks both against the same expectations. No jest here: the cases are bundled
 * into an Apps Script project (scripts/live) and run by `clasp run`. Cases are synchronous, as
 * every Apps Script service call is, and the Apps Script API does not wait for a promise.
 */

import { CaseFailure, createAssertions, messageOf, type Assertions } from "./assertions";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What a run is told by whoever started it (the live runner's flags, or the jest test). */
export interface RunOptions {
  /** Names of the cases to run; all when empty or absent. */
  only?: string[];
  /** The spreadsheet the cases use, when the execution has no active one. */
  spreadsheetId?: string;
  /** The manifest's spreadsheet scope in this project: the full scope or `currentonly`. */
  spreadsheetScope?: "spreadsheets" | "currentonly";
  /** Set when the run happens in the script of a spreadsheet made with File ▸ Make a copy. */
  inCopy?: boolean;
}

export type Outcome = "passed" | "failed" | "pending" | "manual";

export interface CaseResult {
  name: string;
  assumption: string;
  outcome: Outcome;
  /** Why it failed, what it waits for, or the steps a person takes. */
  detail: string;
  /** What the case saw, worth reading even when it passed. */
  notes: string[];
}

export interface CaseContext extends Omit<Assertions, "throws"> {
  readonly options: RunOptions;
  /** The spreadsheet the run uses. */
  readonly spreadsheet: Spreadsheet;
  /** A new sheet for this case alone, deleted when the case ends. */
  scratchSheet(): Sheet;
  /** Runs `action` and returns the message of what it threw; fails when it throws nothing. */
  throws(action: () => unknown, what: string): string;
  /** Ends the case as waiting for something that happens between two runs (a trigger firing). */
  pending(reason: string): never;
  /** Ends the case as a step a person takes by hand. */
  manual(steps: string): never;
}

export interface ConformanceCase {
  name: string;
  /** The assumption of the add-on that the case checks, in a sentence. */
  assumption: string;
  body: (t: CaseContext) => void;
  /** Why the sandbox's runtime is known to differ here: the sandbox is expected to fail the case. */
  sandboxDifference?: string;
}

export function defineCase(
  name: string,
  assumption: string,
  body: (t: CaseContext) => void,
  marks: { sandboxDifference?: string } = {},
): ConformanceCase {
  return { name, assumption, body, ...marks };
}

class CaseStop extends Error {
  constructor(
    readonly outcome: "pending" | "manual",
    message: string,
  ) {
    super(message);
  }
}

function activeSpreadsheet(options: RunOptions): Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet() as Spreadsheet | null;
  if (active !== null) return active;
  if (options.spreadsheetId === undefined) throw new Error("No active spreadsheet and no spreadsheetId given.");
  return SpreadsheetApp.openById(options.spreadsheetId);
}

function runCase(testCase: ConformanceCase, options: RunOptions, spreadsheet: Spreadsheet): CaseResult {
  const notes: string[] = [];
  const scratch: Sheet[] = [];
  const checks = createAssertions(notes);
  const context: CaseContext = {
    ...checks,
    options,
    spreadsheet,
    scratchSheet() {
      const name = `${testCase.name} ${scratch.length + 1} ${Date.now()}`.slice(0, 90);
      const sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
      scratch.push(sheet);
      return sheet;
    },
    throws: (action, what) => messageOf(checks.throws(action, what)),
    pending(reason) {
      throw new CaseStop("pending", reason);
    },
    manual(steps) {
      throw new CaseStop("manual", steps);
    },
  };
  const result = (outcome: Outcome, detail: string): CaseResult => ({
    name: testCase.name,
    assumption: testCase.assumption,
    outcome,
    detail,
    notes,
  });
  try {
    testCase.body(context);
    return result("passed", "");
  } catch (thrown) {
    if (thrown instanceof CaseStop) return result(thrown.outcome, thrown.message);
    // An exception the case did not expect fails it with the service's own sentence.
    const prefix = thrown instanceof CaseFailure ? "" : "unexpected exception: ";
    return result("failed", prefix + messageOf(thrown));
  } finally {
    for (const sheet of scratch) {
      try {
        spreadsheet.deleteSheet(sheet);
      } catch (thrown) {
        notes.push(`could not delete the scratch sheet: ${messageOf(thrown)}`);
      }
    }
  }
}

/** Runs the cases `options.only` names (all when none), in order, and reports each. */
export function runCases(cases: readonly ConformanceCase[], options: RunOptions = {}): CaseResult[] {
  const only = options.only ?? [];
  const unknown = only.filter((name) => !cases.some((testCase) => testCase.name === name));
  if (unknown.length > 0) throw new Error(`No conformance case is named ${unknown.join(", ")}.`);
  const chosen = only.length === 0 ? cases : cases.filter((testCase) => only.includes(testCase.name));
  const spreadsheet = activeSpreadsheet(options);
  return chosen.map((testCase) => runCase(testCase, options, spreadsheet));
}
