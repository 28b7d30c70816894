import { noPlansYet, notAPlan, planNameShared } from "../../../messages/roster";
import { cleanText, type FilledCell } from "../cells";
import type { Plan } from "../../../vitable/apiSchemas";
import { listInWords, shortened } from "../../text/wording";
import { type FieldReader, readText } from "./reading";

function planKey(text: string): string {
  return cleanText(text).toLowerCase();
}

/**
 * Reads a Plan cell against the organization's plans: a plan ID or a plan name, in any case,
 * becomes the plan ID. IDs are matched before names, so a plan named like another plan's ID
 * cannot take its place; a name shared by several plans is refused rather than guessed.
 */
export function createPlanReader(plans: readonly Plan[]): FieldReader {
  const idsByKey = new Map<string, string>();
  const idsByName = new Map<string, string[]>();
  for (const plan of plans) {
    idsByKey.set(planKey(plan.id), plan.id);
    const sameName = idsByName.get(planKey(plan.name)) ?? [];
    if (!sameName.includes(plan.id)) sameName.push(plan.id);
    idsByName.set(planKey(plan.name), sameName);
  }
  const planNames = listInWords(Array.from(new Set(plans.map((plan) => `"${plan.name}"`))), "or");
  const unknownPlan = (typed: string) =>
    plans.length === 0 ? noPlansYet(shortened(typed)) : notAPlan(shortened(typed), planNames);

  return (cell: FilledCell) => {
    const reading = readText(cell);
    if (!reading.ok) return reading;
    const key = planKey(reading.value);
    const id = idsByKey.get(key);
    if (id !== undefined) return { ok: true, value: id };
    const ids = idsByName.get(key) ?? [];
    if (ids.length === 1) return { ok: true, value: ids[0] as string };
    if (ids.length > 1) {
      return { ok: false, problem: planNameShared(shortened(reading.value), listInWords(ids)) };
    }
    return { ok: false, problem: unknownPlan(reading.value) };
  };
}
