import type { SettledSync } from "../state/tabSyncRecord";
import type { AcceptedMember } from "../sync/acceptedRoster";
import type { RosterDiff } from "../sync/diff";
import { fingerprintText } from "../sync/fingerprint";

/**
 * The fingerprint of the members a sync sends, whatever order their rows are in: it stands for
 * the roster last submitted without keeping a second copy of it.
 */
export function submittedFingerprint(members: readonly AcceptedMember[]): string {
  const pairs = members.map((member) => [member.referenceId, member.fingerprint]);
  pairs.sort(([a = ""], [b = ""]) => (a < b ? -1 : a > b ? 1 : 0));
  return fingerprintText(JSON.stringify(pairs));
}

/**
 * Whether a scheduled run should leave a tab alone although it differs from the last accepted
 * roster: it would send exactly the members the last sync sent, that sync produced the accepted
 * roster, and every difference is someone Vitable failed then. Sending the same roster again
 * would only fail the same way and log it again every run; a person who fixes the rows changes
 * the roster, and a sync started by hand always sends.
 */
export function unchangedSinceLastAttempt(diff: RosterDiff, settled: SettledSync | null): boolean {
  if (settled?.state !== "completed" || settled.submitted === undefined) return false;
  if (diff.lastAccepted?.requestId !== settled.sync.requestId) return false;
  if (submittedFingerprint(diff.submitted) !== settled.submitted) return false;
  // Failures past the stored list's cap are unknown here, so such a roster is sent again.
  const failed = new Set(settled.sync.failures.map((failure) => failure.referenceId));
  return [...diff.added, ...diff.changed, ...diff.removed].every((person) => failed.has(person.referenceId));
}
