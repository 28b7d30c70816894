import { FAILURE_REASONS } from "../../../sandbox/emulator/syncProcessing";
import {
  emulatorWithTier1Group,
  flatError,
  ID,
  inProcess,
  member,
  T0,
  T0_TIMESTAMP,
  type InProcessEmulator,
} from "./support";

/** The group's members as the control API shows them: reference ID → member ID. */
async function membersOf(emulator: InProcessEmulator, groupId: string): Promise<Record<string, string>> {
  const state = (await emulator.call("GET", "/_sandbox/state")).json;
  const group = state.groups.find((candidate: { id: string }) => candidate.id === groupId);
  return Object.fromEntries(group.members.map((m: { reference_id: string; id: string }) => [m.reference_id, m.id]));
}

describe("member sync processing", () => {
  it("answers 202 with the receipt, then null results until the processing delay has passed", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const accepted = await emulator.sync(groupId, [member("EMP-001")]);
    expect(accepted.status).toBe(202);
    expect(accepted.json).toEqual({
      data: { request_id: expect.stringMatching(ID.syncRequest), group_id: groupId, accepted_at: T0_TIMESTAMP },
    });
    const { request_id } = accepted.json.data;
    const pending = {
      data: { request_id, group_id: groupId, accepted_at: T0_TIMESTAMP, completed_at: null, results: null },
    };

    expect((await emulator.syncRequest(groupId, request_id)).json).toEqual(pending);
    emulator.advance(999);
    expect((await emulator.syncRequest(groupId, request_id)).json).toEqual(pending);
    emulator.advance(1);
    const done = await emulator.syncRequest(groupId, request_id);
    expect(done.status).toBe(200);
    expect(done.json).toEqual({
      data: {
        request_id,
        group_id: groupId,
        accepted_at: T0_TIMESTAMP,
        completed_at: "2026-01-15T10:30:01Z",
        results: {
          added_group_member_ids: [expect.stringMatching(ID.groupMember)],
          removed_group_member_ids: [],
          failures: [],
        },
      },
    });
  });

  it("completes when anything is asked at or after the due time, not only the request itself", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const accepted = await emulator.sync(groupId, [member("EMP-001")]);
    emulator.advance(1000);
    await emulator.call("GET", "/v1/plans");
    emulator.clockMs = T0; // an earlier clock cannot undo what happened
    const detail = (await emulator.syncRequest(groupId, accepted.json.data.request_id)).json.data;
    expect(detail.completed_at).toBe("2026-01-15T10:30:01Z");
  });

  it("replaces the roster: adds new reference IDs, updates present ones, removes absent ones", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const first = await emulator.syncAndComplete(groupId, [member("EMP-001"), member("EMP-002")]);
    expect(first.results.added_group_member_ids).toHaveLength(2);
    const before = await membersOf(emulator, groupId);
    expect(Object.values(before)).toEqual(first.results.added_group_member_ids);

    const moved = member("EMP-001", { address: { ...member("EMP-001").address, city: "Oakland" } });
    const second = await emulator.syncAndComplete(groupId, [moved, member("EMP-003")]);
    const after = await membersOf(emulator, groupId);
    expect(second.results).toEqual({
      added_group_member_ids: [after["EMP-003"]],
      removed_group_member_ids: [before["EMP-002"]],
      failures: [],
    });
    expect(after).toEqual({ "EMP-001": before["EMP-001"], "EMP-003": expect.stringMatching(ID.groupMember) });
    const state = (await emulator.call("GET", "/_sandbox/state")).json;
    expect(state.groups[0].members[0]).toEqual({
      id: before["EMP-001"],
      reference_id: "EMP-001",
      added_at: "2026-01-15T10:30:01Z",
      record: moved,
    });
  });

  it("gives a member who comes back a new member ID", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const first = await emulator.syncAndComplete(groupId, [member("EMP-001")]);
    const removal = await emulator.syncAndComplete(groupId, []);
    expect(removal.results.removed_group_member_ids).toEqual(first.results.added_group_member_ids);
    const back = await emulator.syncAndComplete(groupId, [member("EMP-001")]);
    expect(back.results.added_group_member_ids).toEqual([expect.stringMatching(ID.groupMember)]);
    expect(back.results.added_group_member_ids).not.toEqual(first.results.added_group_member_ids);
  });

  it("applies overlapping syncs in acceptance order, each against the members at its completion", async () => {
    const { emulator, groupId } = await emulatorWithTier1Group();
    const first = await emulator.sync(groupId, [member("EMP-001"), member("EMP-002")]);
    emulator.advance(10);
    const second = await emulator.sync(groupId, [member("EMP-002")]);
    emulator.advance(5000);
    const firstDone = (await emulator.syncRequest(groupId, first.json.data.request_id)).json.data;
    const secondDone = (await emulator.syncRequest(groupId, second.json.data.request_id)).json.data;
    expect(secondDone.results).toEqual({
      added_group_member_ids: [],
      removed_group_member_ids: [firstDone.results.added_group_member_ids[0]],
      failures: [],
    });
  });

  describe("failures", () => {
    it("refuses an unknown plan: a new member is not added, an existing one keeps their record", async () => {
      const { emulator, groupId } = await emulatorWithTier1Group();
      await emulator.syncAndComplete(groupId, [member("EMP-001")]);
      const done = await emulator.syncAndComplete(groupId, [
        member("EMP-001", { plan_id: "pln_gone", first_name: "Janet" }),
        member("EMP-002", { plan_id: "pln_gone" }),
        member("EMP-003", { plan_id: "pln_sbx_plus" }),
      ]);
      const members = await membersOf(emulator, groupId);
      expect(done.results).toEqual({
        added_group_member_ids: [members["EMP-003"]],
        removed_group_member_ids: [],
        failures: [
          { reference_id: "EMP-001", operation: "add", reason: "Invalid plan_id" },
          { reference_id: "EMP-002", operation: "add", reason: "Invalid plan_id" },
        ],
      });
      expect(Object.keys(members)).toEqual(["EMP-001", "EMP-003"]);
      const state = (await emulator.call("GET", "/_sandbox/state")).json;
      expect(state.groups[0].members[0].record).toEqual(member("EMP-001"));
    });

    it("checks plans when the sync completes, so a plan taken away meanwhile fails", async () => {
      const { emulator, groupId } = await emulatorWithTier1Group();
      const accepted = await emulator.sync(groupId, [member("EMP-001", { plan_id: "pln_sbx_family" })]);
      await emulator.call("PUT", "/_sandbox/organizations/org_sandbox/plans", {
        body: { plans: [{ id: "pln_sbx_basic", name: "Basic Care" }] },
      });
      emulator.advance(1000);
      const done = (await emulator.syncRequest(groupId, accepted.json.data.request_id)).json.data;
      expect(done.results.failures).toEqual([{ reference_id: "EMP-001", operation: "add", reason: "Invalid plan_id" }]);
    });

    it.each(["sam@other-org.example", "Sam@Other-Org.Example"])(
      "blocks %s, who is subscribed under another organization, and adds the others",
      async (email) => {
        const { emulator, groupId } = await emulatorWithTier1Group();
        const done = await emulator.syncAndComplete(groupId, [member("EMP-001"), member("EMP-002", { email })]);
        expect(done.results).toEqual({
          added_group_member_ids: [expect.stringMatching(ID.groupMember)],
          removed_group_member_ids: [],
          failures: [{ reference_id: "EMP-002", operation: "add", reason: FAILURE_REASONS.otherOrganization }],
        });
        expect(FAILURE_REASONS.otherOrganization).toMatch(/active subscription under another organization/);
        expect(Object.keys(await membersOf(emulator, groupId))).toEqual(["EMP-001"]);
      },
    );

    it("keeps members marked unremovable in their group, with a remove failure", async () => {
      const { emulator, groupId } = await emulatorWithTier1Group();
      const other = (await emulator.createGroup("Tier 2", "mol_seg_002")).id;
      await emulator.syncAndComplete(groupId, [member("EMP-001"), member("EMP-002")]);
      await emulator.syncAndComplete(other, [member("EMP-001")]);
      await emulator.call("POST", "/_sandbox/unremovable", { body: { referenceIds: ["EMP-001"], groupId } });

      const kept = await emulator.syncAndComplete(groupId, []);
      const removedFromOther = await emulator.syncAndComplete(other, []);
      expect(kept.results.failures).toEqual([
        { reference_id: "EMP-001", operation: "remove", reason: FAILURE_REASONS.unremovable },
      ]);
      expect(kept.results.removed_group_member_ids).toHaveLength(1);
      expect(Object.keys(await membersOf(emulator, groupId))).toEqual(["EMP-001"]);
      expect(removedFromOther.results.failures).toEqual([]);

      await emulator.call("DELETE", "/_sandbox/unremovable");
      const finallyRemoved = await emulator.syncAndComplete(groupId, []);
      expect(finallyRemoved.results.failures).toEqual([]);
      expect(await membersOf(emulator, groupId)).toEqual({});
    });

    it("applies an unremovable mark without a group to every group", async () => {
      const { emulator, groupId } = await emulatorWithTier1Group();
      const other = (await emulator.createGroup("Tier 2", "mol_seg_002")).id;
      await emulator.syncAndComplete(groupId, [member("EMP-001")]);
      await emulator.syncAndComplete(other, [member("EMP-001")]);
      await emulator.call("POST", "/_sandbox/unremovable", { body: { referenceIds: ["EMP-001"] } });
      for (const id of [groupId, other]) {
        expect((await emulator.syncAndComplete(id, [])).results.failures).toEqual([
          { reference_id: "EMP-001", operation: "remove", reason: FAILURE_REASONS.unremovable },
        ]);
      }
    });
  });

  describe("GET /v1/groups/{id}/members/sync/{request_id}", () => {
    it("answers 404 for an unknown request and for a request of another group", async () => {
      const { emulator, groupId } = await emulatorWithTier1Group();
      const other = (await emulator.createGroup("Tier 2", "mol_seg_002")).id;
      const requestId = (await emulator.sync(groupId, [])).json.data.request_id;

      const unknown = await emulator.syncRequest(groupId, "grpmsr_unknown");
      expect(unknown.status).toBe(404);
      expect(unknown.json).toEqual(
        flatError(`Sync request grpmsr_unknown was not found for group ${groupId}`, "not_found"),
      );
      expect((await emulator.syncRequest(other, requestId)).status).toBe(404);
    });

    it("answers 404 to another organization's key", async () => {
      const { emulator, groupId } = await emulatorWithTier1Group({ apiKeys: [{ key: "vit_apk_other" }] });
      const requestId = (await emulator.sync(groupId, [])).json.data.request_id;
      const reply = await emulator.syncRequest(groupId, requestId, "vit_apk_other");
      expect(reply.status).toBe(404);
      expect(reply.json).toEqual(flatError(`Group ${groupId} was not found`, "not_found"));
    });
  });

  describe("processing delay", () => {
    it("follows the start option", async () => {
      const { emulator, groupId } = await emulatorWithTier1Group({ processingDelayMs: 0 });
      const requestId = (await emulator.sync(groupId, [member("EMP-001")])).json.data.request_id;
      expect((await emulator.syncRequest(groupId, requestId)).json.data.completed_at).toBe(T0_TIMESTAMP);
    });

    it("changes through the control API for syncs accepted afterwards", async () => {
      const { emulator, groupId } = await emulatorWithTier1Group();
      const before = (await emulator.sync(groupId, [])).json.data.request_id;
      await emulator.call("PUT", "/_sandbox/processing-delay", { body: { processingDelayMs: 30_000 } });
      const after = (await emulator.sync(groupId, [])).json.data.request_id;
      emulator.advance(29_999);
      expect((await emulator.syncRequest(groupId, before)).json.data.completed_at).toBe("2026-01-15T10:30:01Z");
      expect((await emulator.syncRequest(groupId, after)).json.data.completed_at).toBeNull();
      emulator.advance(1);
      expect((await emulator.syncRequest(groupId, after)).json.data.completed_at).toBe("2026-01-15T10:30:30Z");
    });

    it("refuses a negative start option", () => {
      expect(() => inProcess({ processingDelayMs: -1 })).toThrow(RangeError);
    });
  });

  describe("a sync that never completes", () => {
    it("stalls the next accepted sync only, of any group or of the group named", async () => {
      const { emulator, groupId } = await emulatorWithTier1Group();
      const other = (await emulator.createGroup("Tier 2", "mol_seg_002")).id;
      await emulator.call("POST", "/_sandbox/faults", { body: { kind: "neverComplete", groupId } });
      await emulator.sync(groupId, [member("EMP-001", { phone: "bad" })]); // refused: does not use the fault up
      const unaffected = (await emulator.sync(other, [])).json.data.request_id;
      const stalled = (await emulator.sync(groupId, [member("EMP-001")])).json.data.request_id;
      const next = (await emulator.sync(groupId, [])).json.data.request_id;
      emulator.advance(365 * 86_400_000);

      expect((await emulator.syncRequest(groupId, stalled)).json.data).toMatchObject({
        completed_at: null,
        results: null,
      });
      expect((await emulator.syncRequest(other, unaffected)).json.data.completed_at).not.toBeNull();
      expect((await emulator.syncRequest(groupId, next)).json.data.completed_at).not.toBeNull();
      const state = (await emulator.call("GET", "/_sandbox/state")).json;
      expect(state.syncRequests.map((request: { status: string }) => request.status)).toEqual([
        "completed",
        "stalled",
        "completed",
      ]);
      expect(state.faults).toEqual([]);
    });
  });
});
