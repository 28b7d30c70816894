import * as z from "zod/mini";
import { lastAcceptedFor, type AcceptedRoster } from "../sync/acceptedRoster";
import { acceptedRosterOf } from "./acceptedRosters";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/**
 * A group the add-on created. Until a sync to it settles, the add-on knows the group holds
 * nobody, so its first sync removes no one and has nothing to ask about.
 */
const createdGroupSchema = z.object({ groupId: z.string(), createdAt: z.string(), createdBy: z.string() });
export type CreatedGroup = z.infer<typeof createdGroupSchema>;

const CREATED_PREFIX = "created:";

export function createdGroupOf(records: Records, groupId: string): CreatedGroup | null {
  return readJsonRecord(records, CREATED_PREFIX + groupId, (value) => {
    const parsed = createdGroupSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
}

export function saveCreatedGroup(records: Records, group: CreatedGroup): void {
  writeJsonRecord(records, CREATED_PREFIX + group.groupId, group);
}

/** When a sync to the group settles, however it ended: from then on only a last accepted roster can say who it holds. */
export function forgetCreatedGroup(records: Records, groupId: string): void {
  records.set(CREATED_PREFIX + groupId, null);
}

/**
 * What a sync of the tab to `groupId` is compared with. Every sync, preview and validation reads
 * it here, so they agree on who the group holds and on what a confirmation binds.
 */
export function lastAcceptedOf(records: Records, sheetId: number, groupId: string): AcceptedRoster | null {
  return lastAcceptedFor(acceptedRosterOf(records, sheetId), groupId, createdGroupOf(records, groupId));
}
