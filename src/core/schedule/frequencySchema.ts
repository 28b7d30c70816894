import * as z from "zod/mini";

/** How often a schedule runs, in the spreadsheet's time zone. */
export const frequencySchema = z.union([
  z.object({
    kind: z.literal("hours"),
    every: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(6), z.literal(8), z.literal(12)]),
  }),
  z.object({ kind: z.literal("daily"), hour: z.int().check(z.gte(0), z.lte(23)) }),
  z.object({
    kind: z.literal("weekly"),
    day: z.enum(["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]),
    hour: z.int().check(z.gte(0), z.lte(23)),
  }),
]);
export type Frequency = z.infer<typeof frequencySchema>;

/** How a scheduled run ended, as the schedule's summary keeps it. */
export const scheduleRunSchema = z.object({
  at: z.string(),
  outcome: z.enum(["completed", "blocked", "failed", "pending", "unchanged"]),
  message: z.string(),
});
export type ScheduleRun = z.infer<typeof scheduleRunSchema>;
