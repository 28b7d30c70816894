import type { Member } from "../../vitable/memberSchema";
import { fingerprintMember, type FingerprintKey } from "./fingerprint";

/** One member as Vitable holds them after a completed sync, without their personal data. */
export interface AcceptedMember {
  referenceId: string;
  /** "First Last", to name the person once their row is gone; empty when never known. */
  name: string;
  /** fingerprintMember of the payload Vitable accepted, or UNKNOWN_FINGERPRINT. */
  fingerprint: string;
}

/**
 * Marks a member Vitable reported but the add-on never sent (a failed removal with no earlier
 * record): it differs from every real fingerprint, so their row, if it comes back, counts as changed.
 */
export const UNKNOWN_FINGERPRINT = "";

/**
 * The last accepted roster of one group: what Vitable holds after the last completed sync
 * (submitted members minus failed adds, plus members whose removal failed). Every removal a
 * later sync would make is read from it.
 */
export interface AcceptedRoster {
  groupId: string;
  /** The sync request that produced it. */
  requestId: string;
  /** When Vitable completed that sync, ISO 8601. */
  completedAt: string;
  members: AcceptedMember[];
}

export function acceptedMemberOf(name: string, member: Member, key: FingerprintKey): AcceptedMember {
  return { referenceId: member.reference_id, name, fingerprint: fingerprintMember(member, key) };
}

/**
 * Stands for the sync request of the empty roster of a group the add-on created, so a
 * confirmation given against it never matches one given against a real sync (or none).
 */
export const CREATED_BY_ADDON = "created by the add-on";

/**
 * The record to compare with when syncing to `groupId`: a record of another group (the tab was
 * linked elsewhere since) says nothing about who this group holds, so it counts as none, unless
 * `created` says the add-on created the group and no sync to it has settled since: then the
 * group is known to hold nobody.
 */
export function lastAcceptedFor(
  accepted: AcceptedRoster | null,
  groupId: string,
  created: { groupId: string; createdAt: string } | null = null,
): AcceptedRoster | null {
  if (accepted !== null && accepted.groupId === groupId) return accepted;
  if (created === null || created.groupId !== groupId) return null;
  return { groupId, requestId: CREATED_BY_ADDON, completedAt: created.createdAt, members: [] };
}
