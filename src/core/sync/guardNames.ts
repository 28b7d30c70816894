import * as z from "zod/mini";

/** The safety guards of a sync (product.md §2), by name; guards.ts says when each applies. */
export const guardSchema = z.enum([
  "rosterUnreadable",
  "noLastAccepted",
  "emptyRoster",
  "removalBrake",
  "invalidRowRemoves",
  "unidentifiedRow",
]);

export type Guard = z.infer<typeof guardSchema>;
