import type { AcceptedRoster } from "../sync/acceptedRoster";
import { parseAcceptedRoster, serializeAcceptedRoster } from "../sync/acceptedRosterText";
import type { Records } from "./records";

const ACCEPTED_PREFIX = "accepted:";

/**
 * The last accepted roster of a tab, or null when there is none or it is damaged: the guards
 * then treat the sync as a first one and ask before anything is sent.
 */
export function acceptedRosterOf(records: Records, sheetId: number): AcceptedRoster | null {
  const text = records.get(ACCEPTED_PREFIX + sheetId);
  if (text === null) return null;
  const parsed = parseAcceptedRoster(text);
  return parsed.ok ? parsed.roster : null;
}

export function saveAcceptedRoster(records: Records, sheetId: number, roster: AcceptedRoster | null): void {
  records.set(ACCEPTED_PREFIX + sheetId, roster === null ? null : serializeAcceptedRoster(roster));
}
