import * as z from "zod/mini";

/** One case's result as the conformance harness (test/conformance/harness.ts) and the UAT contract report it. */
export const caseResultSchema = z.object({
  name: z.string(),
  assumption: z.string(),
  outcome: z.enum(["passed", "failed", "pending", "manual"]),
  detail: z.string(),
  notes: z.array(z.string()),
});
export type ReportedResult = z.infer<typeof caseResultSchema>;

/** What `clasp --json run-function` prints: the function's return value, or the script's error. */
const runOutputSchema = z.object({
  response: z.optional(z.unknown()),
  error: z.optional(z.object({ message: z.optional(z.string()), details: z.optional(z.unknown()) })),
});

/** The results in `clasp --json run-function runConformance`'s output; throws with Apps Script's error. */
export function parseRunOutput(stdout: string): ReportedResult[] {
  const start = stdout.indexOf("{");
  if (start < 0) throw new Error(`clasp printed no JSON:\n${stdout.trim()}`);
  const output = runOutputSchema.parse(JSON.parse(stdout.slice(start)));
  if (output.error !== undefined) {
    const details = output.error.details === undefined ? "" : `\n${JSON.stringify(output.error.details)}`;
    throw new Error(`The script failed: ${output.error.message ?? "no message"}${details}`);
  }
  return z.array(caseResultSchema).parse(output.response);
}

const OUTCOME_LABELS: Record<ReportedResult["outcome"], string> = {
  passed: "pass",
  failed: "FAIL",
  pending: "wait",
  manual: "hand",
};

/** The pass/fail table, one line per case with its detail and notes indented below, then the counts. */
export function resultsTable(results: readonly ReportedResult[]): string {
  const width = Math.max(4, ...results.map((result) => result.name.length));
  const lines = results.flatMap((result) => [
    `${OUTCOME_LABELS[result.outcome]}  ${result.name.padEnd(width)}`.trimEnd(),
    ...result.detail
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => `      ${line}`),
    ...result.notes.map((note) => `      note: ${note}`),
  ]);
  const count = (outcome: ReportedResult["outcome"]) => results.filter((result) => result.outcome === outcome).length;
  lines.push(
    `${count("passed")} passed, ${count("failed")} failed, ${count("pending")} waiting for a trigger, ${count("manual")} by hand`,
  );
  return lines.join("\n");
}
