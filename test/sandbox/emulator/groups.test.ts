import fc from "fast-check";
import { paginate } from "../../../sandbox/emulator/pagination";
import { flatError, ID, inProcess, ORGANIZATION_ID, T0_TIMESTAMP, type InProcessEmulator } from "./support";

function groupPath(id: string): string {
  return `/v1/groups/${encodeURIComponent(id)}`;
}

describe("POST /v1/groups", () => {
  it("creates a group and answers 201 with the whole group object", async () => {
    const reply = await inProcess().call("POST", "/v1/groups", {
      body: { name: "Tier 1", external_reference_id: "mol_seg_001" },
    });
    expect(reply.status).toBe(201);
    expect(reply.json).toEqual({
      data: {
        id: expect.stringMatching(ID.group),
        organization_id: ORGANIZATION_ID,
        name: "Tier 1",
        external_reference_id: "mol_seg_001",
        created_at: T0_TIMESTAMP,
        updated_at: T0_TIMESTAMP,
      },
    });
  });

  it("accepts 255 characters and ignores unknown fields", async () => {
    const long = "x".repeat(255);
    const reply = await inProcess().call("POST", "/v1/groups", {
      body: { name: long, external_reference_id: long, colour: "blue" },
    });
    expect(reply.status).toBe(201);
    expect(reply.json.data).not.toHaveProperty("colour");
  });

  it.each([
    ["name is required", { external_reference_id: "r" }],
    ["name is required", { name: null, external_reference_id: "r" }],
    ["name must be between 1 and 255 characters", { name: "", external_reference_id: "r" }],
    ["name must be between 1 and 255 characters", { name: "x".repeat(256), external_reference_id: "r" }],
    ["name must be a string", { name: 7, external_reference_id: "r" }],
    ["external_reference_id is required", { name: "Tier 1" }],
    ["external_reference_id must be between 1 and 255 characters", { name: "Tier 1", external_reference_id: "" }],
    ["name is required (and 1 more problem)", {}],
    ["The request body must be a JSON object", []],
    ["The request body must be a JSON object", "Tier 1"],
  ])("answers 400: %s", async (message, body) => {
    const reply = await inProcess().call("POST", "/v1/groups", { body });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(flatError(message, "validation_error"));
  });

  it.each(["", "{", "name=Tier"])("refuses the malformed JSON %j with 400", async (rawBody) => {
    const reply = await inProcess().call("POST", "/v1/groups", { rawBody });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(flatError("The request body is not valid JSON", "invalid_json"));
  });

  it("answers 409 to an external reference ID already used in the organization, and only there", async () => {
    const emulator = inProcess({ apiKeys: [{ key: "vit_apk_other" }] });
    await emulator.createGroup("Tier 1", "mol_seg_001");
    const duplicate = await emulator.call("POST", "/v1/groups", {
      body: { name: "Another", external_reference_id: "mol_seg_001" },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.json).toEqual(
      flatError(
        'A group with external_reference_id "mol_seg_001" already exists in this organization',
        "duplicate_external_reference_id",
      ),
    );
    await expect(emulator.createGroup("Tier 1", "mol_seg_001", "vit_apk_other")).resolves.toMatchObject({
      external_reference_id: "mol_seg_001",
    });
  });

  it("hands out distinct IDs that need encoding in paths, and finds groups by them", async () => {
    const emulator = inProcess();
    const ids: string[] = [];
    for (let index = 0; index < 6; index += 1) ids.push((await emulator.createGroup(`G${index}`, `g${index}`)).id);
    expect(new Set(ids).size).toBe(6);
    expect(ids.some((id) => id.includes("/"))).toBe(true);
    expect(ids.some((id) => id.includes("+"))).toBe(true);
    for (const id of ids) expect((await emulator.call("GET", groupPath(id))).json.data.id).toBe(id);
  });
});

describe("GET /v1/groups", () => {
  async function withGroups(count: number): Promise<InProcessEmulator> {
    const emulator = inProcess();
    for (let index = 1; index <= count; index += 1) await emulator.createGroup(`Group ${index}`, `ref-${index}`);
    return emulator;
  }

  it.each([
    ["", 1, 20, ["Group 1", "Group 20"], 3],
    ["?page=2", 2, 20, ["Group 21", "Group 40"], 3],
    ["?page=3", 3, 20, ["Group 41", "Group 45"], 3],
    ["?page=4", 4, 20, [], 3],
    ["?page=2147483647", 2147483647, 20, [], 3],
    ["?limit=100", 1, 100, ["Group 1", "Group 45"], 1],
    ["?limit=1&page=45", 45, 1, ["Group 45", "Group 45"], 45],
    ["?limit=7&page=7", 7, 7, ["Group 43", "Group 45"], 7],
  ])("pages 45 groups in creation order for %j", async (query, page, limit, [first, last], totalPages) => {
    const reply = await (await withGroups(45)).call("GET", `/v1/groups${query}`);
    expect(reply.status).toBe(200);
    expect(reply.json.pagination).toEqual({ page, limit, total: 45, total_pages: totalPages });
    const names = reply.json.data.map((group: { name: string }) => group.name);
    expect([names[0], names[names.length - 1]]).toEqual(first === undefined ? [undefined, undefined] : [first, last]);
  });

  it("lists whole group objects", async () => {
    const emulator = await withGroups(1);
    expect((await emulator.call("GET", "/v1/groups")).json).toEqual({
      data: [
        {
          id: expect.stringMatching(ID.group),
          organization_id: ORGANIZATION_ID,
          name: "Group 1",
          external_reference_id: "ref-1",
          created_at: T0_TIMESTAMP,
          updated_at: T0_TIMESTAMP,
        },
      ],
      pagination: { page: 1, limit: 20, total: 1, total_pages: 1 },
    });
  });

  it("ignores parameters it does not document, such as a filter by external reference ID", async () => {
    const reply = await (await withGroups(2)).call("GET", "/v1/groups?external_reference_id=ref-2");
    expect(reply.json.data).toHaveLength(2);
  });

  it.each([
    ["page=0", "page must be a whole number from 1 to 2147483647"],
    ["page=-1", "page must be a whole number from 1 to 2147483647"],
    ["page=1.5", "page must be a whole number from 1 to 2147483647"],
    ["page=abc", "page must be a whole number from 1 to 2147483647"],
    ["page=", "page must be a whole number from 1 to 2147483647"],
    ["page=2147483648", "page must be a whole number from 1 to 2147483647"],
    ["limit=0", "limit must be a whole number from 1 to 100"],
    ["limit=101", "limit must be a whole number from 1 to 100"],
    ["limit=2.0", "limit must be a whole number from 1 to 100"],
  ])("refuses %s with 400", async (query, message) => {
    const reply = await inProcess().call("GET", `/v1/groups?${query}`);
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(flatError(message, "validation_error"));
  });

  it("pages any list without losing or repeating an item", () => {
    fc.assert(
      fc.property(fc.nat(250), fc.integer({ min: 1, max: 100 }), (count, limit) => {
        const items = Array.from({ length: count }, (_, index) => index);
        const { pagination } = paginate(items, { page: 1, limit });
        expect(pagination.total_pages).toBe(Math.ceil(count / limit));
        const seen: number[] = [];
        for (let page = 1; page <= pagination.total_pages + 1; page += 1) {
          const { data } = paginate(items, { page, limit });
          expect(data.length).toBe(page <= pagination.total_pages ? Math.min(limit, count - (page - 1) * limit) : 0);
          seen.push(...data);
        }
        expect(seen).toEqual(items);
      }),
    );
  });
});

describe("GET /v1/groups/{id}", () => {
  it("answers the group in the data envelope", async () => {
    const emulator = inProcess();
    const group = await emulator.createGroup("Tier 1", "mol_seg_001");
    const reply = await emulator.call("GET", groupPath(group.id));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ data: group });
  });

  it("answers 404 for an unknown group", async () => {
    const reply = await inProcess().call("GET", "/v1/groups/grp_unknown");
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual(flatError("Group grp_unknown was not found", "not_found"));
  });

  it("answers 405 to DELETE: groups cannot be deleted", async () => {
    const reply = await inProcess().call("DELETE", "/v1/groups/grp_unknown");
    expect(reply.status).toBe(405);
    expect(reply.headers.get("Allow")).toBe("GET, PATCH");
  });
});

describe("PATCH /v1/groups/{id}", () => {
  async function tier1(): Promise<{ emulator: InProcessEmulator; group: { id: string } }> {
    const emulator = inProcess();
    const group = await emulator.createGroup("Tier 1", "mol_seg_001");
    emulator.advance(86_400_000);
    return { emulator, group };
  }

  it.each([
    [{ name: "Tier 1 (renamed)" }, { name: "Tier 1 (renamed)", external_reference_id: "mol_seg_001" }],
    [{ external_reference_id: "mol_seg_001_v2" }, { name: "Tier 1", external_reference_id: "mol_seg_001_v2" }],
    [
      { name: "Tier 1 (renamed)", external_reference_id: "mol_seg_001_v2" },
      { name: "Tier 1 (renamed)", external_reference_id: "mol_seg_001_v2" },
    ],
    [
      { name: null, external_reference_id: "mol_seg_001_v2" },
      { name: "Tier 1", external_reference_id: "mol_seg_001_v2" },
    ],
  ])("applies %j and moves updated_at only", async (body, expected) => {
    const { emulator, group } = await tier1();
    const reply = await emulator.call("PATCH", groupPath(group.id), { body });
    expect(reply.status).toBe(200);
    const updated = {
      data: {
        id: group.id,
        organization_id: ORGANIZATION_ID,
        ...expected,
        created_at: T0_TIMESTAMP,
        updated_at: "2026-01-16T10:30:00Z",
      },
    };
    expect(reply.json).toEqual(updated);
    expect((await emulator.call("GET", groupPath(group.id))).json).toEqual(updated);
  });

  it.each([[{}], [{ name: null, external_reference_id: null }], [{ name: "Tier 1" }]])(
    "leaves the group and its updated_at alone for %j",
    async (body) => {
      const { emulator, group } = await tier1();
      const reply = await emulator.call("PATCH", groupPath(group.id), { body });
      expect(reply.json.data).toMatchObject({ name: "Tier 1", updated_at: T0_TIMESTAMP });
    },
  );

  it("keeps the group's own external reference ID and refuses another group's with 409", async () => {
    const { emulator, group } = await tier1();
    await emulator.createGroup("Tier 2", "mol_seg_002");
    expect(
      (await emulator.call("PATCH", groupPath(group.id), { body: { external_reference_id: "mol_seg_001" } })).status,
    ).toBe(200);
    const clash = await emulator.call("PATCH", groupPath(group.id), { body: { external_reference_id: "mol_seg_002" } });
    expect(clash.status).toBe(409);
    expect(clash.json).toEqual(
      flatError(
        'A group with external_reference_id "mol_seg_002" already exists in this organization',
        "duplicate_external_reference_id",
      ),
    );
  });

  it.each([
    ["name must be between 1 and 255 characters", { name: "" }],
    ["external_reference_id must be between 1 and 255 characters", { external_reference_id: "x".repeat(256) }],
    ["name must be a string", { name: 3 }],
  ])("refuses a change with 400: %s", async (message, body) => {
    const { emulator, group } = await tier1();
    const reply = await emulator.call("PATCH", groupPath(group.id), { body });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(flatError(message, "validation_error"));
  });

  it("answers 404 for an unknown group before reading the body", async () => {
    const reply = await inProcess().call("PATCH", "/v1/groups/grp_unknown", { rawBody: "{" });
    expect(reply.status).toBe(404);
  });
});
