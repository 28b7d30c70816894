import * as z from "zod/mini";

/**
 * The highest removal brake: past it, a co-editor could switch the brake off (a limit of 10⁹
 * removals never asks). A saved brake above it reads as the default.
 */
export const MAX_BRAKE_MINIMUM = 1_000;
export const MAX_BRAKE_PERCENT = 50;

/** A tab's removal brake: removing max(minimum, ceil(percent % of the last accepted roster)) people or more needs a confirmation. */
export const removalBrakeSchema = z.object({
  minimum: z.int().check(z.gte(1), z.lte(MAX_BRAKE_MINIMUM)),
  percent: z.number().check(z.gte(0), z.lte(MAX_BRAKE_PERCENT)),
});

/** A brake as asked for, before it is checked against the bounds (the sidebar's numbers). */
export const askedBrakeSchema = z.object({ minimum: z.int(), percent: z.number() });

export type RemovalBrake = z.infer<typeof removalBrakeSchema>;

export const DEFAULT_REMOVAL_BRAKE: RemovalBrake = { minimum: 3, percent: 10 };

/** How many removals set off the brake for a last accepted roster of `acceptedCount` members. */
export function removalBrakeLimit(brake: RemovalBrake, acceptedCount: number): number {
  return Math.max(brake.minimum, Math.ceil((brake.percent * acceptedCount) / 100));
}
