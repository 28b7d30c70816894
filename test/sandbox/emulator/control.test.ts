import { flatError, ID, inProcess, member, T0 } from "./support";

const SEEDED_PLANS = [
  { id: "pln_sbx_basic", name: "Basic Care" },
  { id: "pln_sbx_plus", name: "Care Plus" },
  { id: "pln_sbx_family", name: "Family Care" },
];

const SEEDED_STATE = {
  clockMs: T0,
  processingDelayMs: 1000,
  organizations: [{ id: "org_sandbox", plans: SEEDED_PLANS }],
  apiKeys: [{ key: "vit_apk_sandbox", organizationId: "org_sandbox" }],
  groups: [],
  syncRequests: [],
  unremovable: [],
  faults: [],
};

describe("control API", () => {
  describe("GET /_sandbox/state", () => {
    it("shows the seed of a new emulator", async () => {
      const reply = await inProcess().call("GET", "/_sandbox/state", { key: null });
      expect(reply.status).toBe(200);
      expect(reply.json).toEqual(SEEDED_STATE);
    });

    it("shows groups with their members and sync requests with their size, status and results", async () => {
      const emulator = inProcess();
      const group = await emulator.createGroup("Tier 1", "mol_seg_001");
      const done = await emulator.syncAndComplete(group.id, [member("EMP-001"), member("EMP-002")]);
      await emulator.sync(group.id, [member("EMP-001")]);
      const state = (await emulator.call("GET", "/_sandbox/state")).json;
      expect(state.groups).toEqual([
        {
          ...group,
          members: [
            {
              id: done.results.added_group_member_ids[0],
              reference_id: "EMP-001",
              added_at: "2026-01-15T10:30:01Z",
              record: member("EMP-001"),
            },
            {
              id: done.results.added_group_member_ids[1],
              reference_id: "EMP-002",
              added_at: "2026-01-15T10:30:01Z",
              record: member("EMP-002"),
            },
          ],
        },
      ]);
      expect(state.syncRequests).toEqual([
        {
          request_id: done.request_id,
          group_id: group.id,
          accepted_at: "2026-01-15T10:30:00Z",
          completed_at: "2026-01-15T10:30:01Z",
          status: "completed",
          dueAtMs: T0 + 1000,
          memberCount: 2,
          results: done.results,
        },
        {
          request_id: expect.stringMatching(ID.syncRequest),
          group_id: group.id,
          accepted_at: "2026-01-15T10:31:00Z",
          completed_at: null,
          status: "processing",
          dueAtMs: T0 + 61_000,
          memberCount: 1,
          results: null,
        },
      ]);
    });
  });

  it("POST /_sandbox/reset returns to the seed, start options included, but keeps the clock", async () => {
    const emulator = inProcess({ processingDelayMs: 200, apiKeys: [{ key: "vit_apk_other" }] });
    const seeded = (await emulator.call("GET", "/_sandbox/state")).json;
    const group = await emulator.createGroup("Tier 1", "mol_seg_001");
    await emulator.sync(group.id, [member("EMP-001")]);
    await emulator.call("PUT", "/_sandbox/processing-delay", { body: { processingDelayMs: 5 } });
    await emulator.call("POST", "/_sandbox/api-keys", { body: { key: "vit_apk_third" } });
    await emulator.call("PUT", "/_sandbox/organizations/org_sandbox/plans", { body: { plans: [] } });
    await emulator.call("POST", "/_sandbox/unremovable", { body: { referenceIds: ["EMP-001"] } });
    await emulator.call("POST", "/_sandbox/faults", { body: { kind: "status", path: "/v1/plans", status: 500 } });
    emulator.advance(7000);

    const reset = await emulator.call("POST", "/_sandbox/reset");
    expect(reset.status).toBe(200);
    expect(reset.json).toEqual({ ...seeded, clockMs: T0 + 7000 });
    expect(seeded.processingDelayMs).toBe(200);
    expect(seeded.apiKeys).toEqual([
      { key: "vit_apk_sandbox", organizationId: "org_sandbox" },
      { key: "vit_apk_other", organizationId: expect.stringMatching(ID.organization) },
    ]);
    expect((await emulator.call("GET", "/v1/groups")).json.data).toEqual([]);
    // IDs start over too, so runs after a reset see the same IDs.
    expect((await emulator.createGroup("Tier 1", "mol_seg_001")).id).toBe(group.id);
  });

  describe("POST /_sandbox/api-keys", () => {
    it("adds a key with a new organization holding the seeded plans", async () => {
      const emulator = inProcess();
      const reply = await emulator.call("POST", "/_sandbox/api-keys", { body: { key: "vit_apk_new" } });
      expect(reply.status).toBe(201);
      expect(reply.json).toEqual({ key: "vit_apk_new", organizationId: expect.stringMatching(ID.organization) });
      expect((await emulator.call("GET", "/v1/plans", { key: "vit_apk_new" })).json.data).toEqual(SEEDED_PLANS);
      expect((await emulator.call("GET", "/_sandbox/state")).json.organizations).toHaveLength(2);
    });

    it("creates a named organization, or joins an existing one", async () => {
      const emulator = inProcess();
      const named = await emulator.call("POST", "/_sandbox/api-keys", {
        body: { key: "vit_apk_acme", organizationId: "org_acme" },
      });
      expect(named.json).toEqual({ key: "vit_apk_acme", organizationId: "org_acme" });
      const joined = await emulator.call("POST", "/_sandbox/api-keys", {
        body: { key: "vit_apk_second", organizationId: "org_sandbox" },
      });
      expect(joined.json).toEqual({ key: "vit_apk_second", organizationId: "org_sandbox" });
      const state = (await emulator.call("GET", "/_sandbox/state")).json;
      expect(state.organizations.map((organization: { id: string }) => organization.id)).toEqual([
        "org_sandbox",
        "org_acme",
      ]);
    });

    it("accepts a key again for its organization and refuses to move it to another", async () => {
      const emulator = inProcess();
      const again = await emulator.call("POST", "/_sandbox/api-keys", { body: { key: "vit_apk_sandbox" } });
      expect(again.json).toEqual({ key: "vit_apk_sandbox", organizationId: "org_sandbox" });
      const moved = await emulator.call("POST", "/_sandbox/api-keys", {
        body: { key: "vit_apk_sandbox", organizationId: "org_other" },
      });
      expect(moved.status).toBe(409);
      expect(moved.json).toEqual({ message: "The key vit_apk_sandbox already belongs to organization org_sandbox." });
      expect((await emulator.call("GET", "/_sandbox/state")).json.apiKeys).toHaveLength(1);
    });
  });

  describe("PUT /_sandbox/organizations/{id}/plans", () => {
    it("replaces the organization's plans", async () => {
      const emulator = inProcess();
      const plans = [{ id: "pln_custom", name: "Custom" }];
      const reply = await emulator.call("PUT", "/_sandbox/organizations/org_sandbox/plans", { body: { plans } });
      expect(reply.json).toEqual({ organizationId: "org_sandbox", plans });
      expect((await emulator.call("GET", "/_sandbox/state")).json.organizations[0].plans).toEqual(plans);
    });

    it("answers 404 for an unknown organization", async () => {
      const reply = await inProcess().call("PUT", "/_sandbox/organizations/org_nobody/plans", { body: { plans: [] } });
      expect(reply.status).toBe(404);
      expect(reply.json).toEqual({ message: "There is no organization org_nobody" });
    });
  });

  it("POST and DELETE /_sandbox/unremovable mark and clear reference IDs, once each", async () => {
    const emulator = inProcess();
    await emulator.call("POST", "/_sandbox/unremovable", { body: { referenceIds: ["EMP-001", "EMP-002"] } });
    const marked = await emulator.call("POST", "/_sandbox/unremovable", {
      body: { referenceIds: ["EMP-001"], groupId: "grp_x" },
    });
    await emulator.call("POST", "/_sandbox/unremovable", { body: { referenceIds: ["EMP-001"] } });
    expect(marked.json).toEqual({
      unremovable: [
        { referenceId: "EMP-001", groupId: null },
        { referenceId: "EMP-002", groupId: null },
        { referenceId: "EMP-001", groupId: "grp_x" },
      ],
    });
    expect((await emulator.call("GET", "/_sandbox/state")).json.unremovable).toHaveLength(3);
    expect((await emulator.call("DELETE", "/_sandbox/unremovable")).json).toEqual({ unremovable: [] });
  });

  it("PUT /_sandbox/processing-delay sets the delay", async () => {
    const emulator = inProcess();
    const reply = await emulator.call("PUT", "/_sandbox/processing-delay", { body: { processingDelayMs: 0 } });
    expect(reply.json).toEqual({ processingDelayMs: 0 });
    expect((await emulator.call("GET", "/_sandbox/state")).json.processingDelayMs).toBe(0);
  });

  describe("faults", () => {
    it("stores an injected fault with its defaults, lists and clears faults", async () => {
      const emulator = inProcess();
      const injected = await emulator.call("POST", "/_sandbox/faults", {
        body: { kind: "status", path: "/v1/plans", status: 429, retryAfter: 2 },
      });
      expect(injected.status).toBe(201);
      expect(injected.json).toEqual({
        kind: "status",
        path: "/v1/plans",
        status: 429,
        retryAfter: 2,
        times: 1,
        id: "fault_1",
        remaining: 1,
      });
      await emulator.call("POST", "/_sandbox/faults", {
        body: { kind: "dropConnection", method: "POST", path: "/v1/*" },
      });
      const listed = (await emulator.call("GET", "/_sandbox/faults")).json;
      expect(listed.faults.map((fault: { id: string }) => fault.id)).toEqual(["fault_1", "fault_2"]);
      expect(listed.faults[1]).toMatchObject({ afterHandling: false, method: "POST" });
      expect((await emulator.call("DELETE", "/_sandbox/faults")).json).toEqual({ faults: [] });
      expect((await emulator.call("GET", "/v1/plans")).status).toBe(200);
    });

    it("counts a fault down as it applies", async () => {
      const emulator = inProcess();
      await emulator.call("POST", "/_sandbox/faults", {
        body: { kind: "status", path: "/v1/plans", status: 500, times: 2 },
      });
      await emulator.call("GET", "/v1/plans");
      expect((await emulator.call("GET", "/_sandbox/faults")).json.faults[0]).toMatchObject({ times: 2, remaining: 1 });
    });
  });

  describe("bad control requests", () => {
    it.each([
      ["PUT", "/_sandbox/processing-delay", { processingDelayMs: -1 }, "processingDelayMs: must be 0 or more"],
      [
        "PUT",
        "/_sandbox/processing-delay",
        { processingDelayMs: 1.5 },
        "processingDelayMs: must be a whole number of milliseconds",
      ],
      ["POST", "/_sandbox/api-keys", { key: "" }, "key: must be a non-empty key without spaces"],
      ["POST", "/_sandbox/api-keys", { key: "k", organizationId: "acme" }, "organizationId: must start with org_"],
      [
        "PUT",
        "/_sandbox/organizations/org_sandbox/plans",
        { plans: [{ id: "", name: "X" }] },
        "plans.0.id: must not be empty",
      ],
      [
        "PUT",
        "/_sandbox/organizations/org_sandbox/plans",
        {
          plans: [
            { id: "p", name: "X" },
            { id: "p", name: "Y" },
          ],
        },
        "plans: must not repeat a plan id",
      ],
      ["POST", "/_sandbox/unremovable", { referenceIds: [] }, "referenceIds: must list at least one reference ID"],
      [
        "POST",
        "/_sandbox/faults",
        { kind: "explode", path: "/v1/plans" },
        "kind: Invalid discriminator value. Expected 'status' | 'delay' | 'malformedBody' | 'dropConnection' | 'neverComplete'",
      ],
      [
        "POST",
        "/_sandbox/faults",
        { kind: "status", path: "/v1/plans", status: 204 },
        "status: must be a status that carries a body (not 204, 205 or 304)",
      ],
      [
        "POST",
        "/_sandbox/faults",
        { kind: "status", path: "/v1/plans", status: 700 },
        "status: must be between 200 and 599",
      ],
      [
        "POST",
        "/_sandbox/faults",
        { kind: "status", path: "/v1/plans", status: 429, retryAfter: "tomorrow" },
        /^retryAfter: .*must be seconds or an HTTP date such as Wed, 21 Oct 2026 07:28:00 GMT/,
      ],
      [
        "POST",
        "/_sandbox/faults",
        { kind: "malformedBody", path: "/_sandbox/state" },
        "path: must be a path under /v1 such as /v1/groups/*/members/sync, without a query",
      ],
      ["POST", "/_sandbox/faults", { kind: "malformedBody", path: "/v1/plans", times: 0 }, "times: must be 1 or more"],
      [
        "POST",
        "/_sandbox/faults",
        { kind: "delay", path: "/v1/plans" },
        "delayMs: must be a whole number of milliseconds",
      ],
    ])("%s %s %j answers 400", async (method, path, body, message) => {
      const reply = await inProcess().call(method, path, { body });
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual({ message: typeof message === "string" ? message : expect.stringMatching(message) });
    });

    it("answers 400 to a body that is not JSON", async () => {
      const reply = await inProcess().call("POST", "/_sandbox/faults", { rawBody: "kind=status" });
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual({ message: "The request body is not valid JSON" });
    });

    it("answers 405 to a wrong method and 404 to an unknown control route", async () => {
      const emulator = inProcess();
      const wrong = await emulator.call("GET", "/_sandbox/reset");
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get("Allow")).toBe("POST");
      expect(await emulator.call("GET", "/_sandbox/nothing")).toMatchObject({
        status: 404,
        json: flatError("There is no endpoint GET /_sandbox/nothing", "not_found"),
      });
    });
  });
});
