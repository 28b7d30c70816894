import { createPlanReader } from "../../../../src/core/roster/fields/plan";

const readPlan = createPlanReader([
  { id: "pln_basic01", name: "Basic Care" },
  { id: "pln_premium02", name: "Premium Care" },
  { id: "pln_gold03", name: "Gold" },
  { id: "pln_gold04", name: "gold" },
  { id: "pln_odd05", name: "pln_basic01" },
]);

describe("createPlanReader", () => {
  it.each([
    ["pln_basic01", "pln_basic01"],
    ["PLN_PREMIUM02", "pln_premium02"],
    ["Basic Care", "pln_basic01"],
    ["basic care", "pln_basic01"],
    ["PREMIUM  CARE", "pln_premium02"],
  ])("reads %j as the plan ID %j", (cell, value) => {
    expect(readPlan(cell)).toEqual({ ok: true, value });
  });

  it("matches plan IDs before plan names", () => {
    expect(readPlan("pln_basic01")).toEqual({ ok: true, value: "pln_basic01" });
    expect(readPlan("pln_odd05")).toEqual({ ok: true, value: "pln_odd05" });
  });

  it("refuses a name several plans share, listing their IDs", () => {
    expect(readPlan("GOLD")).toEqual({
      ok: false,
      problem: '"GOLD" is the name of more than one plan; type the plan ID instead (pln_gold03 and pln_gold04)',
    });
  });

  it("refuses an unknown plan, listing the valid plan names", () => {
    expect(readPlan("Platinum")).toEqual({
      ok: false,
      problem:
        '"Platinum" is not one of your organization\'s plans; use one of "Basic Care", "Premium Care", "Gold", "gold" or "pln_basic01"',
    });
  });

  it("quotes only the start of a long unknown plan, so the message fits in a cell", () => {
    const reading = readPlan("Basic Care ".repeat(3_000).trim());
    expect(reading).toEqual({ ok: false, problem: expect.stringMatching(/^"(Basic Care ){5}Basi…" is not one of/) });
    expect(!reading.ok && reading.problem.length).toBeLessThan(300);
  });

  it("says so when the organization has no plans at all", () => {
    expect(createPlanReader([])("Basic Care")).toEqual({
      ok: false,
      problem:
        '"Basic Care" cannot be matched because your organization has no Vitable plans yet; ' +
        "ask Vitable to link a plan to it, then validate again",
    });
  });
});
