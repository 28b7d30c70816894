import * as z from "zod/mini";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/**
 * Who is syncing this spreadsheet now. The document lock keeps two interactive syncs apart, but
 * a time-driven trigger may run without a document, and so without its lock; the lease in the
 * spreadsheet's records lets every run see the others (product.md invariant 6). It expires with
 * the longest possible execution, so a run that died cannot block syncs for good.
 */
const leaseSchema = z.object({ holder: z.string(), until: z.number() });
export type SyncLease = z.infer<typeof leaseSchema>;

const LEASE_KEY = "lease";

/** Apps Script's execution limit: no run can still hold a lease after this. */
export const LEASE_DURATION_MS = 6 * 60 * 1000;

export function activeLease(records: Records, now: number): SyncLease | null {
  const lease = readJsonRecord(records, LEASE_KEY, (value) => {
    const parsed = leaseSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
  return lease !== null && lease.until > now ? lease : null;
}

export function takeLease(records: Records, holder: string, now: number): void {
  writeJsonRecord(records, LEASE_KEY, { holder, until: now + LEASE_DURATION_MS });
}

export function releaseLease(records: Records): void {
  records.set(LEASE_KEY, null);
}
