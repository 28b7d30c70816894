import { MemoryRecords, PIPELINE_STEPS, prepareVitableAnswers, runSyncPipeline } from "../../bench/pipeline";
import { generateRoster } from "../../bench/roster";
import { tabValues, typedSheet } from "../../bench/typedTab";
import { readRoster } from "../../src/core/roster/readRoster";
import { acceptedRosterOf } from "../../src/core/state/acceptedRosters";
import { pendingSyncOf } from "../../src/core/state/pendingSync";

const PLANS = [
  { id: "pln_sbx_basic", name: "Basic Care" },
  { id: "pln_sbx_plus", name: "Care Plus" },
];
const TIME_ZONE = "America/New_York";

describe("runSyncPipeline", () => {
  const roster = generateRoster({ rows: 1_500, planNames: PLANS.map((plan) => plan.name) });
  const tab = typedSheet(roster.rows, TIME_ZONE);
  const input = {
    readTab: () => tabValues(tab),
    plans: PLANS,
    timeZone: TIME_ZONE,
    today: "2026-11-23",
    groupId: "grp_test",
    records: new MemoryRecords(),
    acceptedAt: "2026-11-23T15:00:00.000Z",
    completedAt: "2026-11-23T15:00:04.000Z",
  };
  const result = runSyncPipeline(input, prepareVitableAnswers(input));

  it("sends every valid row, byte for byte as the add-on's client builds the payload", () => {
    const read = readRoster(tabValues(tab), { plans: PLANS, timeZone: TIME_ZONE, today: input.today });
    if (!read.ok) throw new Error(read.problem.message);
    expect(result.membersSent).toBe(1_500 - roster.invalid.size);
    expect(result.payloadBytes).toBe(Buffer.byteLength(JSON.stringify({ members: read.roster.members }), "utf8"));
  });

  it("maps Vitable's answer: everyone added but the rows Vitable rejects", () => {
    expect(result.counts).toEqual({
      added: 1_500 - roster.invalid.size - roster.rejectedByVitable.length,
      changed: 0,
      removed: 0,
      invalid: roster.invalid.size,
      failed: roster.rejectedByVitable.length,
    });
  });

  it("leaves the new last accepted roster in the records and no pending sync", () => {
    expect(acceptedRosterOf(result.records, 0)?.members).toHaveLength(result.counts.added);
    expect(pendingSyncOf(result.records, 0)).toBeNull();
    expect(acceptedRosterOf(input.records, 0)).toBeNull();
  });

  it("times every step and samples the heap after each step and each read of the tab", () => {
    expect(Object.keys(result.stepCpuMs).sort()).toEqual([...PIPELINE_STEPS].sort());
    expect(result.cpuMs).toBeCloseTo(
      PIPELINE_STEPS.reduce((total, step) => total + result.stepCpuMs[step], 0),
      6,
    );
    expect(result.heapSamples).toHaveLength(PIPELINE_STEPS.length + 2);
  });
});
