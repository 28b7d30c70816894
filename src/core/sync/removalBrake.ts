import * as z from "zod/mini";

/** A tab's removal brake: removing max(minimum, ceil(percent % of the last accepted roster)) people or more needs a confirmation. */
export const removalBrakeSchema = z.object({
  minimum: z.int().check(z.gte(1)),
  percent: z.number().check(z.gte(0), z.lte(100)),
});

export type RemovalBrake = z.infer<typeof removalBrakeSchema>;

export const DEFAULT_REMOVAL_BRAKE: RemovalBrake = { minimum: 3, percent: 10 };

/** How many removals set off the brake for a last accepted roster of `acceptedCount` members. */
export function removalBrakeLimit(brake: RemovalBrake, acceptedCount: number): number {
  return Math.max(brake.minimum, Math.ceil((brake.percent * acceptedCount) / 100));
}
