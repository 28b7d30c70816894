import {
  PIPELINE_STEPS,
  firstSyncState,
  prepareConfirmation,
  runSyncPipeline,
  type PipelineInput,
} from "../../bench/pipeline";
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
const STARTED_AT = Date.parse("2026-11-23T15:00:00.000Z");
const GROUP_ID = "grp_test";

describe("runSyncPipeline", () => {
  const roster = generateRoster({ rows: 1_500, planNames: PLANS.map((plan) => plan.name) });
  const tab = typedSheet(roster.rows, TIME_ZONE);
  const input: PipelineInput = {
    readTab: () => tabValues(tab),
    timeZone: TIME_ZONE,
    startedAt: STARTED_AT,
    groupId: GROUP_ID,
    before: firstSyncState(PLANS, GROUP_ID, STARTED_AT),
  };
  const confirmation = prepareConfirmation(input);
  const result = runSyncPipeline(input, confirmation);

  it("confirms a first sync as a person would, with the token the sync asked for", () => {
    expect(typeof confirmation?.token).toBe("string");
    expect(confirmation?.typedPhrase).toBeNull();
    expect(input.before.vitable.syncs).toHaveLength(0);
  });

  it("sends every valid row, byte for byte as the add-on's client builds the payload", () => {
    const read = readRoster(tabValues(tab), { plans: PLANS, timeZone: TIME_ZONE, today: "2026-11-23" });
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

  it("leaves the new last accepted roster and the group, and no pending sync, without touching the state before", () => {
    expect(acceptedRosterOf(result.after.records, 0)?.members).toHaveLength(result.counts.added);
    expect(result.after.vitable.membersOf(GROUP_ID)).toHaveLength(result.counts.added);
    expect(pendingSyncOf(result.after.records, 0)).toBeNull();
    expect(acceptedRosterOf(input.before.records, 0)).toBeNull();
    expect(input.before.vitable.membersOf(GROUP_ID)).toEqual([]);
  });

  it("times every step, stand-ins left out, and samples the heap at each step and service call", () => {
    expect(Object.keys(result.stepCpuMs).sort()).toEqual([...PIPELINE_STEPS].sort());
    for (const step of PIPELINE_STEPS) expect(result.stepCpuMs[step]).toBeGreaterThan(0);
    expect(result.cpuMs).toBeCloseTo(
      PIPELINE_STEPS.reduce((total, step) => total + result.stepCpuMs[step], 0),
      6,
    );
    expect(result.heapSamples.length).toBeGreaterThan(PIPELINE_STEPS.length);
  });

  it("re-syncs from what the first sync left, asking nothing when nobody is removed", () => {
    const resync: PipelineInput = { ...input, before: result.after };
    expect(prepareConfirmation(resync)).toBeNull();
    const again = runSyncPipeline(resync, null);
    expect(again.counts).toMatchObject({ added: 0, changed: 0, removed: 0 });
  });
});
