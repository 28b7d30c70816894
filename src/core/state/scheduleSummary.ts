import * as z from "zod/mini";
import { frequencySchema, scheduleRunSchema } from "../schedule/frequencySchema";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/**
 * The spreadsheet's schedule as everyone who opens the sidebar sees it. The trigger itself
 * belongs to one user and only they can list it, so its summary is kept in the records.
 */
const scheduleSummarySchema = z.object({
  runsAs: z.string(),
  triggerId: z.string(),
  frequency: frequencySchema,
  emailOnProblem: z.boolean(),
  createdAt: z.string(),
  lastRun: z.nullable(scheduleRunSchema),
});
export type ScheduleSummary = z.infer<typeof scheduleSummarySchema>;

const SCHEDULE_KEY = "schedule";

export function scheduleSummaryOf(records: Records): ScheduleSummary | null {
  return readJsonRecord(records, SCHEDULE_KEY, (value) => {
    const parsed = scheduleSummarySchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
}

export function saveScheduleSummary(records: Records, summary: ScheduleSummary | null): void {
  writeJsonRecord(records, SCHEDULE_KEY, summary);
}
