import { submittedFingerprint, unchangedSinceLastAttempt } from "../../../src/core/schedule/lastAttempt";
import type { SettledSync, SyncFailure } from "../../../src/core/state/tabSyncRecord";
import { diffRoster } from "../../../src/core/sync/diff";
import { KEY, accepted, acceptedOf, nameOf, readyRow, roster } from "../sync/builders";

/** EMP-1 and EMP-2 are in the group; EMP-3 was sent too, and Vitable failed them. */
const SENT = [readyRow(2, "EMP-1"), readyRow(3, "EMP-2"), readyRow(4, "EMP-3")];
const ACCEPTED = accepted([acceptedOf("EMP-1"), acceptedOf("EMP-2")]);

function failure(referenceId: string, operation: SyncFailure["operation"] = "add"): SyncFailure {
  return { referenceId, name: nameOf(referenceId), row: null, operation, reason: "Invalid address" };
}

function settledAfter(
  sent = SENT,
  failures = [failure("EMP-3")],
  requestId = ACCEPTED.requestId,
): Extract<SettledSync, { state: "completed" }> {
  const counts = { added: 0, changed: 0, removed: 0, failed: failures.length, invalid: 0 };
  return {
    state: "completed",
    sync: {
      requestId,
      completedAt: ACCEPTED.completedAt,
      groupName: "Acme",
      counts,
      alreadyInGroup: 2,
      removalsFailed: 0,
      added: [],
      removed: [],
      failures,
    },
    submitted: submittedFingerprint(diffRoster(roster(sent), null, KEY).submitted),
  };
}

const diffOf = (rows = SENT) => diffRoster(roster(rows), ACCEPTED, KEY);

describe("unchangedSinceLastAttempt", () => {
  it("holds for the roster last sent when the only difference is the member Vitable failed", () => {
    expect(unchangedSinceLastAttempt(diffOf(), settledAfter())).toBe(true);
  });

  it("does not depend on the order of the rows", () => {
    expect(unchangedSinceLastAttempt(diffOf([...SENT].reverse()), settledAfter())).toBe(true);
  });

  it("fails for any edit of a row that is sent, the failed member's or anyone else's", () => {
    const fixed = [SENT[0]!, SENT[1]!, readyRow(4, "EMP-3", { phone: "4155550199" })];
    const edited = [readyRow(2, "EMP-1", { email: "new@acme.com" }), SENT[1]!, SENT[2]!];
    expect(unchangedSinceLastAttempt(diffOf(fixed), settledAfter())).toBe(false);
    expect(unchangedSinceLastAttempt(diffOf(edited), settledAfter())).toBe(false);
  });

  it("fails when someone is added or a row is taken out", () => {
    expect(unchangedSinceLastAttempt(diffOf([...SENT, readyRow(5, "EMP-4")]), settledAfter())).toBe(false);
    expect(unchangedSinceLastAttempt(diffOf(SENT.slice(1)), settledAfter())).toBe(false);
  });

  it("fails when a difference is not one of the last sync's failures", () => {
    expect(unchangedSinceLastAttempt(diffOf(), settledAfter(SENT, []))).toBe(false);
    expect(unchangedSinceLastAttempt(diffOf(), settledAfter(SENT, [failure("EMP-1")]))).toBe(false);
  });

  it("holds for a removal Vitable failed, when the roster is the one sent", () => {
    const withUnremovable = accepted([...ACCEPTED.members, acceptedOf("EMP-9")]);
    const sent = SENT.slice(0, 2);
    const diff = diffRoster(roster(sent), withUnremovable, KEY);
    expect(unchangedSinceLastAttempt(diff, settledAfter(sent, [failure("EMP-9", "remove")]))).toBe(true);
  });

  it("fails when the accepted roster did not come from the last sync, or nothing was recorded", () => {
    expect(unchangedSinceLastAttempt(diffOf(), settledAfter(SENT, [failure("EMP-3")], "grpmsr_other"))).toBe(false);
    expect(unchangedSinceLastAttempt(diffRoster(roster(SENT), null, KEY), settledAfter())).toBe(false);
    expect(unchangedSinceLastAttempt(diffOf(), null)).toBe(false);
    expect(unchangedSinceLastAttempt(diffOf(), { state: "failed", requestId: "grpmsr_previous", message: "" })).toBe(
      false,
    );
    const { submitted: _, ...withoutFingerprint } = settledAfter();
    expect(unchangedSinceLastAttempt(diffOf(), withoutFingerprint)).toBe(false);
  });
});
