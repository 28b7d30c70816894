import * as z from "zod/mini";
import type { AcceptedMember } from "../sync/acceptedRoster";
import { parseAcceptedRoster, serializeAcceptedRoster } from "../sync/acceptedRosterText";
import type { Records } from "./records";

/**
 * A sync Vitable accepted whose outcome is not known yet (product.md invariant 7). It is saved
 * before the first poll, with everything needed to finish it in another execution: the members
 * sent (to map the results) and the counts for the log.
 */
const pendingRecordSchema = z.object({
  groupId: z.string(),
  groupName: z.string(),
  requestId: z.string(),
  acceptedAt: z.string(),
  submittedAt: z.string(),
  startedBy: z.string(),
  counts: z.object({ added: z.int(), changed: z.int(), removed: z.int(), invalid: z.int() }),
  /** Rows left out on purpose, not sent; records saved before it was counted have none. */
  excluded: z.optional(z.int()),
  /** The members sent, in the last accepted roster's text format. */
  submitted: z.string(),
});

export interface PendingSync extends Omit<z.infer<typeof pendingRecordSchema>, "submitted"> {
  submitted: AcceptedMember[];
}

const PENDING_PREFIX = "pending:";

export function pendingSyncOf(records: Records, sheetId: number): PendingSync | null {
  const text = records.get(PENDING_PREFIX + sheetId);
  if (text === null) return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = pendingRecordSchema.safeParse(json);
  if (!parsed.success) return null;
  const submitted = parseAcceptedRoster(parsed.data.submitted);
  if (!submitted.ok) return null;
  return { ...parsed.data, submitted: submitted.roster.members };
}

/** Whether the tab has a pending sync, without reading the members it sent. */
export function hasPendingSync(records: Records, sheetId: number): boolean {
  return records.get(PENDING_PREFIX + sheetId) !== null;
}

export function savePendingSync(records: Records, sheetId: number, pending: PendingSync): void {
  const submitted = serializeAcceptedRoster({
    groupId: pending.groupId,
    requestId: pending.requestId,
    completedAt: pending.acceptedAt,
    members: pending.submitted,
  });
  records.set(PENDING_PREFIX + sheetId, JSON.stringify({ ...pending, submitted }));
}

export function clearPendingSync(records: Records, sheetId: number): void {
  records.set(PENDING_PREFIX + sheetId, null);
}
