import * as z from "zod/mini";
import { logEntrySchema, syncCountsSchema, type LogEntry } from "../log/logEntry";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/** Someone a finished sync added or removed; `row` is the row holding them then, if any. */
const syncedPersonSchema = z.object({ referenceId: z.string(), name: z.string(), row: z.nullable(z.int()) });
export type SyncedPerson = z.infer<typeof syncedPersonSchema>;

const syncFailureSchema = z.object({
  referenceId: z.string(),
  name: z.string(),
  row: z.nullable(z.int()),
  operation: z.enum(["add", "remove"]),
  /** Vitable's reason. */
  reason: z.string(),
});
export type SyncFailure = z.infer<typeof syncFailureSchema>;

/** A sync Vitable finished, as the add-on wrote it back. */
export const finishedSyncSchema = z.object({
  requestId: z.string(),
  completedAt: z.string(),
  groupName: z.string(),
  counts: syncCountsSchema,
  /** Members sent who were in the group already. */
  alreadyInGroup: z.int(),
  /** Removals Vitable could not make (also counted in `counts.failed`). */
  removalsFailed: z.int(),
  /** Rows not sent because they are left out on purpose; syncs recorded before it was counted have none. */
  leftOut: z.optional(z.int()),
  added: z.array(syncedPersonSchema),
  removed: z.array(syncedPersonSchema),
  failures: z.array(syncFailureSchema),
});
export type FinishedSync = z.infer<typeof finishedSyncSchema>;

/** How a pending sync ended: finished by Vitable, or given up because its outcome cannot be read. */
const settledSyncSchema = z.union([
  z.object({
    state: z.literal("completed"),
    sync: finishedSyncSchema,
    /**
     * submittedFingerprint of the members sent, so a scheduled run can tell the same roster
     * from a changed one (core/schedule/lastAttempt.ts). Records saved before it have none.
     */
    submitted: z.optional(z.string()),
    /**
     * How long Vitable took (accepted to completed) over how many members, so the next sync asks
     * about its outcome around when it should be done (core/sync/pollSchedule.ts). Records saved
     * before it have none.
     */
    timing: z.optional(z.object({ members: z.int(), processingMs: z.int() })),
  }),
  z.object({ state: z.literal("failed"), requestId: z.string(), message: z.string() }),
]);
export type SettledSync = z.infer<typeof settledSyncSchema>;

/**
 * What the add-on keeps about a tab's syncs, by sheet ID (a rename keeps it): its latest logged
 * outcomes (the sidebar's "Last sync" and history; the log tab, which users can edit, is never
 * read back), and the latest pending sync that settled, with the log row its outcome was written
 * to, so a run stopped part-way rewrites that row instead of adding one.
 *
 * The settled sync (with its lists of people) and its log row are kept together in a record of
 * their own, which the sidebar never reads: they are read from it when first used, and written
 * before the outcomes, so a run stopped between the two finds the row its outcome was given.
 */
export interface TabSyncRecord {
  /** Newest first, at most RECENT_KEPT. */
  recent: LogEntry[];
  settled: SettledSync | null;
  logRow: number | null;
}

/** The outcomes; records saved before the settled sync was kept apart hold it, and its row, too. */
const storedOutcomesSchema = z.object({
  recent: z.array(logEntrySchema),
  settled: z.optional(z.nullable(settledSyncSchema)),
  logRow: z.optional(z.nullable(z.int())),
});

const storedSettledSchema = z.object({ settled: z.nullable(settledSyncSchema), logRow: z.nullable(z.int()) });
type StoredSettled = z.infer<typeof storedSettledSchema>;

/** The sidebar's history shows 10 syncs of the spreadsheet; a tab never needs more kept. */
export const RECENT_KEPT = 10;

const PREFIX = "syncs:";
const SETTLED_PREFIX = "settled:";
const NONE_SETTLED: StoredSettled = { settled: null, logRow: null };

/** Every tab's sync record, with its sheet ID. */
export function allTabSyncRecords(records: Records): { sheetId: number; record: TabSyncRecord }[] {
  return records.keys(PREFIX).map((key) => {
    const sheetId = Number(key.slice(PREFIX.length));
    return { sheetId, record: tabSyncRecordOf(records, sheetId) };
  });
}

export function tabSyncRecordOf(records: Records, sheetId: number): TabSyncRecord {
  const stored = readJsonRecord(records, PREFIX + sheetId, (value) => {
    const parsed = storedOutcomesSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
  const recent = stored?.recent ?? [];
  if (stored?.settled !== undefined && stored.logRow !== undefined) {
    return { recent, settled: stored.settled, logRow: stored.logRow };
  }
  let settled: StoredSettled | null = null;
  const read = () => (settled ??= settledOf(records, sheetId));
  return {
    recent,
    get settled() {
      return read().settled;
    },
    get logRow() {
      return read().logRow;
    },
  };
}

function settledOf(records: Records, sheetId: number): StoredSettled {
  const stored = readJsonRecord(records, SETTLED_PREFIX + sheetId, (value) => {
    const parsed = storedSettledSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
  return stored ?? NONE_SETTLED;
}

/** Saves the record: the settled sync and its log row first, and only when they changed. */
export function saveTabSyncRecord(records: Records, sheetId: number, record: TabSyncRecord): void {
  const { settled, logRow } = record;
  const text = settled === null && logRow === null ? null : JSON.stringify({ settled, logRow });
  if (records.get(SETTLED_PREFIX + sheetId) !== text) records.set(SETTLED_PREFIX + sheetId, text);
  writeJsonRecord(records, PREFIX + sheetId, { recent: record.recent });
}

/** The record with `entry` as its newest outcome; an entry written again (a resumed run) is not doubled. */
export function withRecent(record: TabSyncRecord, entry: LogEntry): TabSyncRecord {
  const others = record.recent.filter(
    (kept) => !(kept.at === entry.at && kept.requestId === entry.requestId && kept.outcome === entry.outcome),
  );
  return { ...record, recent: [entry, ...others].slice(0, RECENT_KEPT) };
}

/** The tab's latest sync that reached an outcome (not one still pending). */
export function latestOutcome(record: TabSyncRecord): LogEntry | null {
  return record.recent.find((entry) => entry.outcome !== "pending") ?? null;
}

/** The request ID of a settled sync. */
export function settledRequestId(settled: SettledSync): string {
  return settled.state === "completed" ? settled.sync.requestId : settled.requestId;
}
