import * as z from "zod/mini";
import { EXECUTION_LIMIT_MS } from "../sync/pollSchedule";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/**
 * Who is syncing this spreadsheet now. The document lock keeps two interactive syncs apart, but
 * a time-driven trigger may run without a document, and so without its lock; the lease in the
 * spreadsheet's records lets every run see the others (product.md invariant 6). It expires with
 * the longest possible execution (no run can still hold it after Apps Script's limit), so a run that died cannot block syncs for good.
 */
const leaseSchema = z.object({ holder: z.string(), until: z.number() });
export type SyncLease = z.infer<typeof leaseSchema>;

const LEASE_KEY = "lease";

export function activeLease(records: Records, now: number): SyncLease | null {
  const lease = readJsonRecord(records, LEASE_KEY, (value) => {
    const parsed = leaseSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
  return lease !== null && lease.until > now ? lease : null;
}

export function takeLease(records: Records, holder: string, now: number): void {
  writeJsonRecord(records, LEASE_KEY, { holder, until: now + EXECUTION_LIMIT_MS });
}

export function releaseLease(records: Records): void {
  records.set(LEASE_KEY, null);
}
