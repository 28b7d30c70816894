import { flatError, inProcess } from "./support";

const SEEDED_PLANS = [
  { id: "pln_sbx_basic", name: "Basic Care" },
  { id: "pln_sbx_plus", name: "Care Plus" },
  { id: "pln_sbx_family", name: "Family Care" },
];

describe("GET /v1/plans", () => {
  it("lists the seeded plans of the organization", async () => {
    const reply = await inProcess().call("GET", "/v1/plans");
    expect(reply.status).toBe(200);
    expect(reply.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(reply.json).toEqual({ data: SEEDED_PLANS, pagination: { page: 1, limit: 20, total: 3, total_pages: 1 } });
  });

  it("seeds the same plans for every organization", async () => {
    const emulator = inProcess({ apiKeys: [{ key: "vit_apk_other" }] });
    expect((await emulator.call("GET", "/v1/plans", { key: "vit_apk_other" })).json.data).toEqual(SEEDED_PLANS);
  });

  it("pages like the groups", async () => {
    const emulator = inProcess();
    expect((await emulator.call("GET", "/v1/plans?limit=2&page=2")).json).toEqual({
      data: [SEEDED_PLANS[2]],
      pagination: { page: 2, limit: 2, total: 3, total_pages: 2 },
    });
    expect((await emulator.call("GET", "/v1/plans?limit=101")).json).toEqual(
      flatError("limit must be a whole number from 1 to 100", "validation_error"),
    );
  });

  it("shows the plans the control API set for the organization", async () => {
    const emulator = inProcess();
    await emulator.call("PUT", "/_sandbox/organizations/org_sandbox/plans", {
      body: { plans: [{ id: "pln_sbx_plus", name: "Care Plus" }] },
    });
    expect((await emulator.call("GET", "/v1/plans")).json.data).toEqual([{ id: "pln_sbx_plus", name: "Care Plus" }]);
  });

  it("answers 405 to other methods", async () => {
    const reply = await inProcess().call("POST", "/v1/plans", { body: {} });
    expect(reply.status).toBe(405);
    expect(reply.headers.get("Allow")).toBe("GET");
    expect(reply.json).toEqual(flatError("POST is not allowed on /v1/plans; use GET", "method_not_allowed"));
  });
});
