import * as z from "zod/mini";

/** Counts of one sync, as the log and the tab's last sync keep them. */
export const syncCountsSchema = z.object({
  added: z.int(),
  changed: z.int(),
  removed: z.int(),
  failed: z.int(),
  invalid: z.int(),
});
export type SyncCounts = z.infer<typeof syncCountsSchema>;

export const NO_COUNTS: SyncCounts = { added: 0, changed: 0, removed: 0, failed: 0, invalid: 0 };

/** What a sync came to; "setting" marks a row about a change to a safeguard or a shared key instead. */
export const logOutcomeSchema = z.enum(["completed", "blocked", "failed", "pending", "setting"]);
export type LogOutcome = z.infer<typeof logOutcomeSchema>;

/**
 * One row of the Vitable Sync Log tab: what a sync did, or a setting someone changed (with zero
 * counts and no request ID). `detail` never names a member.
 */
export const logEntrySchema = z.object({
  /** ISO 8601. */
  at: z.string(),
  tab: z.string(),
  group: z.string(),
  /** The user's email, or "Schedule (owner@example.com)". */
  startedBy: z.string(),
  counts: syncCountsSchema,
  requestId: z.string(),
  outcome: logOutcomeSchema,
  detail: z.string(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;

/** A change to a safeguard or a shared key, as a log row: who made it and what it was, at `at`. */
export function settingEntry(change: { at: string; tab: string; group: string; by: string; detail: string }): LogEntry {
  return {
    at: change.at,
    tab: change.tab,
    group: change.group,
    startedBy: change.by,
    counts: NO_COUNTS,
    requestId: "",
    outcome: "setting",
    detail: change.detail,
  };
}
