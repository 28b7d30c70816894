import fc from "fast-check";
import type { MemberSyncResults } from "../../../src/vitable/apiSchemas";
import { UNKNOWN_FINGERPRINT, type AcceptedMember, type AcceptedRoster } from "../../../src/core/sync/acceptedRoster";
import { diffRoster } from "../../../src/core/sync/diff";
import { mapSyncResults, type CompletedSync } from "../../../src/core/sync/results";
import { GROUP_ID, KEY, accepted, acceptedOf, readyRow, roster } from "./builders";

function results(failures: MemberSyncResults["failures"] = [], added = 0, removed = 0): MemberSyncResults {
  return {
    added_group_member_ids: Array.from({ length: added }, (_, i) => `gm_${i}`),
    removed_group_member_ids: Array.from({ length: removed }, (_, i) => `gm_r${i}`),
    failures,
  };
}

function completed(
  previous: AcceptedRoster | null,
  submitted: AcceptedMember[],
  syncResults: MemberSyncResults,
): CompletedSync {
  return {
    groupId: GROUP_ID,
    requestId: "grpmsr_new",
    completedAt: "2026-02-01T09:00:00Z",
    previous,
    submitted,
    results: syncResults,
  };
}

const ids = (members: { referenceId: string }[]) => members.map((member) => member.referenceId);

describe("mapSyncResults", () => {
  it("marks new members Added, members already in the group Synced and rejected ones Failed with Vitable's reason", () => {
    const previous = accepted([acceptedOf("EMP-1")]);
    const outcome = mapSyncResults(
      completed(
        previous,
        [acceptedOf("EMP-1"), acceptedOf("EMP-2"), acceptedOf("EMP-3")],
        results([{ reference_id: "EMP-3", operation: "add", reason: "Already covered by another organization." }], 1),
      ),
    );
    expect([...outcome.sent]).toEqual([
      ["EMP-1", { status: "Synced" }],
      ["EMP-2", { status: "Added" }],
      ["EMP-3", { status: "Failed", reason: "Already covered by another organization." }],
    ]);
    expect(outcome.counts).toEqual({ added: 1, synced: 1, failed: 1, removed: 0, removalsFailed: 0 });
    expect(outcome.reportedByVitable).toEqual({ added: 1, removed: 0 });
  });

  it("records the submitted members minus failed adds as the next last accepted roster", () => {
    const submitted = [acceptedOf("EMP-1"), acceptedOf("EMP-2"), acceptedOf("EMP-3")];
    const outcome = mapSyncResults(
      completed(null, submitted, results([{ reference_id: "EMP-2", operation: "add", reason: "Invalid plan." }])),
    );
    expect(outcome.nextAccepted).toEqual({
      groupId: GROUP_ID,
      requestId: "grpmsr_new",
      completedAt: "2026-02-01T09:00:00Z",
      members: [submitted[0], submitted[2]],
    });
  });

  it("keeps the previous record of an accepted member whose add failed, so the next sync sends them again", () => {
    const before = acceptedOf("EMP-1");
    const now = acceptedOf("EMP-1", { plan_id: "pln_plus" });
    const outcome = mapSyncResults(
      completed(
        accepted([before]),
        [now],
        results([{ reference_id: "EMP-1", operation: "add", reason: "Address not deliverable." }]),
      ),
    );
    expect(outcome.sent.get("EMP-1")).toEqual({ status: "Failed", reason: "Address not deliverable." });
    expect(outcome.nextAccepted.members).toEqual([before]);
    expect(outcome.removed).toEqual([]);
    const nextDiff = diffRoster(roster([readyRow(2, "EMP-1", { plan_id: "pln_plus" })]), outcome.nextAccepted, KEY);
    expect(ids(nextDiff.changed)).toEqual(["EMP-1"]);
  });

  it("lists who was removed, and keeps members whose removal failed", () => {
    const previous = accepted(["EMP-1", "EMP-2", "EMP-3"].map((id) => acceptedOf(id)));
    const outcome = mapSyncResults(
      completed(
        previous,
        [acceptedOf("EMP-1")],
        results([{ reference_id: "EMP-3", operation: "remove", reason: "Claim in progress." }], 0, 1),
      ),
    );
    expect(ids(outcome.removed)).toEqual(["EMP-2"]);
    expect(outcome.removalsFailed).toEqual([
      { referenceId: "EMP-3", name: "First EMP-3", reason: "Claim in progress." },
    ]);
    expect(ids(outcome.nextAccepted.members)).toEqual(["EMP-1", "EMP-3"]);
    expect(outcome.nextAccepted.members[1]).toBe(previous.members[2]);
    expect(outcome.counts).toMatchObject({ removed: 1, removalsFailed: 1 });
  });

  it("keeps a member Vitable could not remove though they were never recorded, so their removal shows next time", () => {
    const outcome = mapSyncResults(
      completed(
        null,
        [acceptedOf("EMP-1")],
        results([{ reference_id: "EMP-9", operation: "remove", reason: "Claim in progress." }]),
      ),
    );
    expect(outcome.removalsFailed).toEqual([{ referenceId: "EMP-9", name: "", reason: "Claim in progress." }]);
    expect(outcome.nextAccepted.members).toEqual([
      acceptedOf("EMP-1"),
      { referenceId: "EMP-9", name: "", fingerprint: UNKNOWN_FINGERPRINT },
    ]);
    const nextDiff = diffRoster(roster([readyRow(2, "EMP-1")]), outcome.nextAccepted, KEY);
    expect(nextDiff.removed).toEqual([{ referenceId: "EMP-9", name: "", reason: { kind: "notInTab" } }]);
  });

  it("keeps an add failure for someone it did not send instead of dropping it", () => {
    const failure = { reference_id: "EMP-9", operation: "add" as const, reason: "Unknown member." };
    const outcome = mapSyncResults(completed(null, [acceptedOf("EMP-1")], results([failure])));
    expect(outcome.unexpectedFailures).toEqual([failure]);
    expect([...outcome.sent.keys()]).toEqual(["EMP-1"]);
    expect(ids(outcome.nextAccepted.members)).toEqual(["EMP-1"]);
  });

  it("uses the first reason when Vitable reports one member twice", () => {
    const outcome = mapSyncResults(
      completed(
        null,
        [acceptedOf("EMP-1")],
        results([
          { reference_id: "EMP-1", operation: "add", reason: "First reason." },
          { reference_id: "EMP-1", operation: "add", reason: "Second reason." },
        ]),
      ),
    );
    expect(outcome.sent.get("EMP-1")).toEqual({ status: "Failed", reason: "First reason." });
    expect(outcome.counts.failed).toBe(1);
  });

  it("ignores the record of another group: everyone sent is new to this one", () => {
    const otherGroup = accepted([acceptedOf("EMP-1"), acceptedOf("EMP-2")], "grp_other");
    const outcome = mapSyncResults(completed(otherGroup, [acceptedOf("EMP-1")], results()));
    expect(outcome.sent.get("EMP-1")).toEqual({ status: "Added" });
    expect(outcome.removed).toEqual([]);
  });

  it("leaves a tab that matches the result with nothing to change but what failed", () => {
    const rows = [readyRow(2, "EMP-1"), readyRow(3, "EMP-2"), readyRow(4, "EMP-3")];
    const sent = diffRoster(roster(rows), null, KEY).submitted;
    const outcome = mapSyncResults(
      completed(null, sent, results([{ reference_id: "EMP-3", operation: "add", reason: "Invalid plan." }])),
    );
    const next = diffRoster(roster(rows), outcome.nextAccepted, KEY);
    expect(ids(next.unchanged)).toEqual(["EMP-1", "EMP-2"]);
    expect(ids(next.added)).toEqual(["EMP-3"]);
    expect(next.changed).toEqual([]);
    expect(next.removed).toEqual([]);
  });

  it("holds exactly who Vitable holds: sent minus failed new adds, plus failed removals", () => {
    const id = fc.constantFrom("EMP-1", "EMP-2", "EMP-3", "EMP-4", "EMP-5", "EMP-6");
    const failure = fc.record({
      reference_id: id,
      operation: fc.constantFrom("add" as const, "remove" as const),
      reason: fc.string(),
    });
    fc.assert(
      fc.property(fc.uniqueArray(id), fc.uniqueArray(id), fc.array(failure), (previousIds, sentIds, failures) => {
        const previous = accepted(previousIds.map((referenceId) => acceptedOf(referenceId)));
        const outcome = mapSyncResults(
          completed(
            previous,
            sentIds.map((referenceId) => acceptedOf(referenceId, { plan_id: "pln_plus" })),
            results(failures),
          ),
        );
        const failedAdd = new Set(failures.filter((f) => f.operation === "add").map((f) => f.reference_id));
        const failedRemove = new Set(failures.filter((f) => f.operation === "remove").map((f) => f.reference_id));
        const expected = new Set([
          ...sentIds.filter((referenceId) => !failedAdd.has(referenceId) || previousIds.includes(referenceId)),
          ...[...failedRemove].filter((referenceId) => !sentIds.includes(referenceId)),
        ]);
        const next = ids(outcome.nextAccepted.members);
        expect(new Set(next)).toEqual(expected);
        expect(next).toHaveLength(expected.size);
        expect([...outcome.sent.keys()]).toEqual(sentIds);
        expect(ids(outcome.removed)).toEqual(
          previousIds.filter((referenceId) => !sentIds.includes(referenceId) && !failedRemove.has(referenceId)),
        );
      }),
    );
  });
});
