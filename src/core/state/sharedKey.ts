import * as z from "zod/mini";
import { vitableEnvironmentSchema } from "../../vitable/environments";
import type { Connection } from "./connection";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/**
 * Who connected the key every editor of this spreadsheet uses, and when: kept in the records
 * (never the key itself), so every editor can see it and a scheduled run, which may not read the
 * document's properties, can tell whether the copy of the key it holds is still the connected one.
 */
export const sharedKeySchema = z.object({
  /** Names one connecting of a key: a new connect, even of the same key, gets another. */
  keyId: z.string(),
  connectedBy: z.string(),
  connectedAt: z.string(),
  environment: vitableEnvironmentSchema,
});
export type SharedKey = z.infer<typeof sharedKeySchema>;

const SHARED_KEY = "sharedKey";

export function sharedKeyOf(records: Records): SharedKey | null {
  return readJsonRecord(records, SHARED_KEY, (value) => {
    const parsed = sharedKeySchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
}

export function saveSharedKey(records: Records, key: SharedKey | null): void {
  writeJsonRecord(records, SHARED_KEY, key);
}

/**
 * Whether the schedule's copy of a shared key may be used: only while it is still the key
 * connected to the spreadsheet. Disconnecting (or connecting another key) ends a copy at once,
 * though it lives in the schedule owner's properties, which nobody else can clear. A copy made
 * before keys had IDs is not trusted either: its owner sets the schedule up again.
 */
export function usableScheduleKey(copy: Connection | null, shared: SharedKey | null): Connection | null {
  if (copy === null) return null;
  return shared !== null && copy.keyId !== undefined && copy.keyId === shared.keyId ? copy : null;
}
