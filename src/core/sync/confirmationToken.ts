import { fingerprintText } from "./fingerprint";
import type { RosterDiff } from "./diff";
import type { Guard } from "./guardNames";

/**
 * What a person's confirmation binds: the guards they were asked about, everyone the sync would
 * remove, every row it would leave out, and the last completed sync it was compared with. Any
 * difference — one more removal, a row edited into invalid, another sync finishing in between —
 * gives another token, so a confirmation given for 3 people can never remove a 4th.
 */
export function confirmationToken(guards: readonly Guard[], diff: RosterDiff): string {
  const removed = diff.removed.map((removal) => removal.referenceId).sort();
  // A left-out row without a reference ID is still bound, by its row number.
  const leftOut = [...diff.invalid, ...diff.excluded].map((row) => row.referenceId ?? `row ${row.row}`).sort();
  const canonical = JSON.stringify({
    guards: [...guards].sort(),
    removed,
    leftOut,
    since: diff.lastAccepted?.requestId ?? null,
  });
  // Two lengths before the hash make an accidental collision need equal-sized lists too.
  return `${removed.length}.${leftOut.length}.${fingerprintText(canonical)}`;
}
