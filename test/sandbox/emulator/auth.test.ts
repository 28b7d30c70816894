import { flatError, inProcess, UNAUTHORIZED } from "./support";

describe("API key authentication", () => {
  it.each([
    ["no Authorization header", {}],
    ["an unknown key", { Authorization: "Bearer vit_apk_unknown" }],
    ["a key without the Bearer scheme", { Authorization: "vit_apk_sandbox" }],
    ["another scheme", { Authorization: "Basic vit_apk_sandbox" }],
  ])("answers 401 with the nested body for %s", async (_, headers) => {
    const emulator = inProcess();
    for (const path of ["/v1/plans", "/v1/groups", "/v1/groups/grp_x", "/v1/groups/grp_x/members/sync/grpmsr_x"]) {
      const reply = await emulator.call("GET", path, { key: null, headers });
      expect(reply.status).toBe(401);
      expect(reply.json).toEqual(UNAUTHORIZED);
      expect(reply.headers.get("WWW-Authenticate")).toBe("Bearer");
    }
  });

  it("accepts the scheme in any case", async () => {
    const emulator = inProcess();
    const reply = await emulator.call("GET", "/v1/plans", {
      key: null,
      headers: { Authorization: "bearer vit_apk_sandbox" },
    });
    expect(reply.status).toBe(200);
  });

  it("checks the key before telling whether a route exists", async () => {
    const emulator = inProcess();
    expect((await emulator.call("GET", "/v1/nothing", { key: null })).status).toBe(401);
    expect(await emulator.call("GET", "/v1/nothing")).toMatchObject({
      status: 404,
      json: flatError("There is no endpoint GET /v1/nothing", "not_found"),
    });
  });

  it("gives each configured key its own organization, which cannot see the others' groups", async () => {
    const emulator = inProcess({ apiKeys: [{ key: "vit_apk_other" }] });
    const group = await emulator.createGroup("Tier 1", "tier-1");

    const list = await emulator.call("GET", "/v1/groups", { key: "vit_apk_other" });
    expect(list.json).toEqual({ data: [], pagination: { page: 1, limit: 20, total: 0, total_pages: 0 } });

    const path = `/v1/groups/${encodeURIComponent(group.id)}`;
    for (const [method, body] of [
      ["GET", undefined],
      ["PATCH", { name: "Taken over" }],
    ] as const) {
      const reply = await emulator.call(method, path, { key: "vit_apk_other", body });
      expect(reply.status).toBe(404);
      expect(reply.json).toEqual(flatError(`Group ${group.id} was not found`, "not_found"));
    }
    expect((await emulator.sync(group.id, [], "vit_apk_other")).status).toBe(404);
    expect((await emulator.call("GET", path)).json.data.name).toBe("Tier 1");
  });

  it("lets two keys share an organization when configured so", async () => {
    const emulator = inProcess({ apiKeys: [{ key: "vit_apk_second", organizationId: "org_sandbox" }] });
    const group = await emulator.createGroup("Tier 1", "tier-1");
    const reply = await emulator.call("GET", `/v1/groups/${encodeURIComponent(group.id)}`, { key: "vit_apk_second" });
    expect(reply.json.data).toEqual(group);
  });

  it("refuses to start with an invalid key option", () => {
    expect(() => inProcess({ apiKeys: [{ key: "has spaces" }] })).toThrow(
      "Invalid apiKeys option: 0.key: must be a non-empty key without spaces",
    );
  });
});
