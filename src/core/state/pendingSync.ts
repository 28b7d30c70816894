import * as z from "zod/mini";
import { CREATED_BY_ADDON, type AcceptedMember, type AcceptedRoster } from "../sync/acceptedRoster";
import { parseAcceptedRoster, serializeAcceptedRoster } from "../sync/acceptedRosterText";
import { acceptedRosterOf } from "./acceptedRosters";
import type { Records } from "./records";

/**
 * A sync Vitable accepted whose outcome is not known yet (product.md invariant 7). It is saved
 * before the first poll, with everything needed to finish it in another execution: the members
 * sent (to map the results) and the counts for the log.
 *
 * It is kept as two records: a short one (who sent what when, the counts), which the sidebar
 * reads, and the members sent, read only when the outcome is written back. The members are kept
 * as changes to the tab's last accepted roster when there is one, so a re-sync of a large tab
 * does not store the whole roster a second time.
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
  /** How many members were sent; records saved before it was counted have none. */
  memberCount: z.optional(z.int()),
  /** The members sent, in the last accepted roster's text format, in records saved before the split. */
  submitted: z.optional(z.string()),
});

/** The members sent as changes to the last accepted roster `base` (its request ID). */
const sentChangesSchema = z.object({
  base: z.string(),
  /** Members added or changed, in the last accepted roster's text format. */
  upserts: z.string(),
  removed: z.array(z.string()),
});

export interface PendingSync extends Omit<z.infer<typeof pendingRecordSchema>, "submitted" | "memberCount"> {
  memberCount: number;
  /** Read from the records on first use; throws when they cannot be read (see membersOf). */
  readonly submitted: AcceptedMember[];
}

const PENDING_PREFIX = "pending:";
const SENT_PREFIX = "sent:";

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
  const { submitted: inline, memberCount, ...header } = parsed.data;
  if (inline !== undefined) {
    const members = parseAcceptedRoster(inline);
    if (!members.ok) return null;
    return { ...header, memberCount: members.roster.members.length, submitted: members.roster.members };
  }
  let members: AcceptedMember[] | null = null;
  return {
    ...header,
    memberCount: memberCount ?? 0,
    get submitted() {
      members ??= membersOf(records, sheetId, header.groupId);
      return members;
    },
  };
}

/**
 * The members a pending sync sent. They are written with the short record, in the same write
 * (or right after it), and the last accepted roster they were written against is replaced only
 * as the pending record goes: unreadable, the records were damaged.
 */
function membersOf(records: Records, sheetId: number, groupId: string): AcceptedMember[] {
  const text = records.get(SENT_PREFIX + sheetId);
  const members = text === null ? null : parseSent(text, () => acceptedRosterOf(records, sheetId), groupId);
  if (members === null) throw new Error("The record of the members sent by the sync in flight cannot be read.");
  return members;
}

function parseSent(text: string, base: () => AcceptedRoster | null, groupId: string): AcceptedMember[] | null {
  if (!text.startsWith("{")) {
    const whole = parseAcceptedRoster(text);
    return whole.ok ? whole.roster.members : null;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const changes = sentChangesSchema.safeParse(json);
  if (!changes.success) return null;
  const upserts = parseAcceptedRoster(changes.data.upserts);
  const accepted = base();
  if (!upserts.ok || accepted === null || accepted.requestId !== changes.data.base || accepted.groupId !== groupId) {
    return null;
  }
  return applyChanges(accepted.members, upserts.roster.members, changes.data.removed);
}

/** The base's members in their order, changed ones replaced, removed ones dropped, added ones after. */
function applyChanges(
  base: readonly AcceptedMember[],
  upserts: readonly AcceptedMember[],
  removed: readonly string[],
): AcceptedMember[] {
  const gone = new Set(removed);
  const upserted = new Map(upserts.map((member) => [member.referenceId, member]));
  const members: AcceptedMember[] = [];
  for (const member of base) {
    if (gone.has(member.referenceId)) continue;
    members.push(upserted.get(member.referenceId) ?? member);
    upserted.delete(member.referenceId);
  }
  upserted.forEach((member) => members.push(member));
  return members;
}

/** Whether the tab has a pending sync, without reading the members it sent. */
export function hasPendingSync(records: Records, sheetId: number): boolean {
  return records.get(PENDING_PREFIX + sheetId) !== null;
}

/**
 * Saves a pending sync: its short record first, then the members sent, as changes to `base` (the
 * last accepted roster the sync was planned against, lastAcceptedOf) when it is the tab's saved
 * record of the group rather than the empty roster of a group the add-on created.
 */
export function savePendingSync(
  records: Records,
  sheetId: number,
  pending: PendingSync,
  base: AcceptedRoster | null,
): void {
  const { submitted, ...header } = pending;
  records.set(PENDING_PREFIX + sheetId, JSON.stringify({ ...header, memberCount: submitted.length }));
  const againstBase = base !== null && base.requestId !== CREATED_BY_ADDON && base.groupId === pending.groupId;
  records.set(SENT_PREFIX + sheetId, againstBase ? changesText(base, pending) : wholeText(pending, submitted));
}

function wholeText(pending: PendingSync, members: AcceptedMember[]): string {
  return serializeAcceptedRoster({
    groupId: pending.groupId,
    requestId: pending.requestId,
    completedAt: pending.acceptedAt,
    members,
  });
}

function changesText(base: AcceptedRoster, pending: PendingSync): string {
  const before = new Map(base.members.map((member) => [member.referenceId, member]));
  const upserts: AcceptedMember[] = [];
  for (const member of pending.submitted) {
    const was = before.get(member.referenceId);
    if (was === undefined || was.name !== member.name || was.fingerprint !== member.fingerprint) upserts.push(member);
    before.delete(member.referenceId);
  }
  return JSON.stringify({
    base: base.requestId,
    upserts: wholeText(pending, upserts),
    removed: [...before.keys()],
  });
}

export function clearPendingSync(records: Records, sheetId: number): void {
  records.set(PENDING_PREFIX + sheetId, null);
  records.set(SENT_PREFIX + sheetId, null);
}
