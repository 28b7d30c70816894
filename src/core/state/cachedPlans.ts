import * as z from "zod/mini";
import { planSchema, type Plan } from "../../vitable/apiSchemas";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/**
 * The organization's plans as last fetched. A scheduled run reads its tabs with them to tell
 * whether anything changed before it calls Vitable at all.
 */
const cachedPlansSchema = z.object({ fetchedAt: z.string(), plans: z.array(planSchema) });

const PLANS_KEY = "plans";

export function cachedPlans(records: Records): Plan[] | null {
  return readJsonRecord(records, PLANS_KEY, (value) => {
    const parsed = cachedPlansSchema.safeParse(value);
    return parsed.success ? parsed.data.plans : null;
  });
}

/** Saves the plans when they differ from the saved ones, so an unchanged list costs no write. */
export function rememberPlans(records: Records, plans: readonly Plan[], fetchedAt: string): void {
  const saved = cachedPlans(records);
  if (saved !== null && JSON.stringify(saved) === JSON.stringify(plans)) return;
  writeJsonRecord(records, PLANS_KEY, { fetchedAt, plans });
}
