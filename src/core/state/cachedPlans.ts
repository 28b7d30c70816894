import * as z from "zod/mini";
import type { ReadRosterResult } from "../roster/model";
import { planSchema, type Plan } from "../../vitable/apiSchemas";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/**
 * The organization's plans as last fetched. A scheduled run reads its tabs with them to tell
 * whether anything changed before it calls Vitable at all, and a validation or a preview soon
 * after another reads its tab with them instead of asking Vitable again.
 */
const cachedPlansSchema = z.object({ fetchedAt: z.string(), plans: z.array(planSchema) });
type SavedPlans = z.infer<typeof cachedPlansSchema>;

const PLANS_KEY = "plans";

/**
 * Plans fetched this recently stand for Vitable's list: validating and previewing one after
 * another ask Vitable for it once. Plans change rarely (an administrator adds one), and a
 * tab naming a plan the list lacks makes the sync ask again (plansInDoubt).
 */
export const PLANS_STAY_FRESH_MS = 5 * 60 * 1000;

function savedPlans(records: Records): SavedPlans | null {
  return readJsonRecord(records, PLANS_KEY, (value) => {
    const parsed = cachedPlansSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
}

export function cachedPlans(records: Records): Plan[] | null {
  return savedPlans(records)?.plans ?? null;
}

/** The saved plans if they were fetched less than PLANS_STAY_FRESH_MS before `now` (epoch ms). */
export function recentPlans(records: Records, now: number): Plan[] | null {
  const saved = savedPlans(records);
  if (saved === null) return null;
  const age = now - Date.parse(saved.fetchedAt);
  return age >= 0 && age < PLANS_STAY_FRESH_MS ? saved.plans : null;
}

/** Whether two plan lists are the same, in the same order. */
export function samePlans(a: readonly Plan[], b: readonly Plan[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Whether a tab read with saved plans names a plan they lack, which a fresh list might hold. */
export function plansInDoubt(read: ReadRosterResult): boolean {
  return read.ok && read.roster.rows.some((row) => row.errors.some((error) => error.field === "plan_id"));
}

/**
 * Saves the plans when they differ from the saved ones, or when the saved fetch is half-way to
 * going stale, so an unchanged list costs a write at most every few minutes.
 */
export function rememberPlans(records: Records, plans: readonly Plan[], fetchedAt: string): void {
  const saved = savedPlans(records);
  const age = saved === null ? Infinity : Date.parse(fetchedAt) - Date.parse(saved.fetchedAt);
  if (saved !== null && samePlans(saved.plans, plans) && age >= 0 && age < PLANS_STAY_FRESH_MS / 2) return;
  writeJsonRecord(records, PLANS_KEY, { fetchedAt, plans });
}
