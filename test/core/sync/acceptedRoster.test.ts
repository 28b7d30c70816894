import { CREATED_BY_ADDON, lastAcceptedFor } from "../../../src/core/sync/acceptedRoster";
import { confirmationToken } from "../../../src/core/sync/confirmationToken";
import { diffRoster } from "../../../src/core/sync/diff";
import { planSync } from "../../../src/core/sync/guards";
import { DEFAULT_REMOVAL_BRAKE } from "../../../src/core/sync/removalBrake";
import { GROUP_ID, KEY, acceptedCount, readOk, readyRows, roster } from "./builders";

const CREATED = { groupId: GROUP_ID, createdAt: "2026-01-15T10:00:00.000Z", createdBy: "hr@example.com" };
const OPTIONS = { groupId: GROUP_ID, brake: DEFAULT_REMOVAL_BRAKE, fingerprintKey: KEY };

describe("lastAcceptedFor", () => {
  it("is the tab's record of the group when there is one, whatever else is known", () => {
    const record = acceptedCount(3);
    expect(lastAcceptedFor(record, GROUP_ID)).toBe(record);
    expect(lastAcceptedFor(record, GROUP_ID, CREATED)).toBe(record);
  });

  it("is none for a group created elsewhere, or a record of another group", () => {
    expect(lastAcceptedFor(null, GROUP_ID)).toBeNull();
    expect(lastAcceptedFor(acceptedCount(3), "grp_other")).toBeNull();
    expect(lastAcceptedFor(null, "grp_other", CREATED)).toBeNull();
  });

  it("is an empty roster, marked as the add-on's own, for a group the add-on created and nothing settled to", () => {
    const expected = { groupId: GROUP_ID, requestId: CREATED_BY_ADDON, completedAt: CREATED.createdAt, members: [] };
    expect(lastAcceptedFor(null, GROUP_ID, CREATED)).toEqual(expected);
    // The tab was linked to another group before: its record says nothing about the new one.
    expect(lastAcceptedFor({ ...acceptedCount(3), groupId: "grp_other" }, GROUP_ID, CREATED)).toEqual(expected);
  });
});

describe("a first sync to a group the add-on created", () => {
  const empty = lastAcceptedFor(null, GROUP_ID, CREATED);

  it("goes ahead without asking, interactive or scheduled, adding everyone", () => {
    for (const mode of ["interactive", "scheduled"] as const) {
      const plan = planSync(readOk(readyRows(4)), empty, { ...OPTIONS, mode });
      expect(plan.decision).toEqual({ kind: "proceed" });
      expect(plan.diff?.added).toHaveLength(4);
    }
  });

  it("still asks, with the typed phrase, before sending an empty roster", () => {
    const plan = planSync(readOk([]), empty, { ...OPTIONS, mode: "interactive" });
    expect(plan.decision.kind === "confirm" && plan.decision.confirmations.map((c) => c.guard)).toEqual([
      "emptyRoster",
    ]);
  });

  it("binds a confirmation to another token than one given with no record at all", () => {
    const tab = roster([]);
    expect(confirmationToken(["emptyRoster"], diffRoster(tab, empty, KEY))).not.toBe(
      confirmationToken(["emptyRoster"], diffRoster(tab, null, KEY)),
    );
  });
});
