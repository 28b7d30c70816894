import { MemoryRecords } from "../../../bench/memoryContext";
import type { ReadRosterResult, RowOutcome } from "../../../src/core/roster/model";
import {
  PLANS_STAY_FRESH_MS,
  cachedPlans,
  plansInDoubt,
  recentPlans,
  rememberPlans,
} from "../../../src/core/state/cachedPlans";
import type { Plan } from "../../../src/vitable/apiSchemas";

const T0 = Date.UTC(2026, 10, 23, 15);
const iso = (ms: number) => new Date(ms).toISOString();
const PLANS = [{ id: "pln_basic", name: "Basic Care" }] as unknown as Plan[];
const MORE_PLANS = [...PLANS, { id: "pln_plus", name: "Plus Care" }];

/** Records that count their writes. */
function countingRecords(): { records: MemoryRecords; writes: () => number } {
  const records = new MemoryRecords();
  let writes = 0;
  const set = records.set.bind(records);
  records.set = (key, value) => {
    writes += 1;
    set(key, value);
  };
  return { records, writes: () => writes };
}

describe("recentPlans", () => {
  it("gives the saved plans while they are fresh, and nothing once they are stale", () => {
    const records = new MemoryRecords();
    rememberPlans(records, PLANS, iso(T0));
    expect(recentPlans(records, T0 + PLANS_STAY_FRESH_MS - 1)).toEqual(PLANS);
    expect(recentPlans(records, T0 + PLANS_STAY_FRESH_MS)).toBeNull();
    expect(cachedPlans(records)).toEqual(PLANS);
  });

  it("gives nothing before any fetch, or for a fetch dated in the future", () => {
    const records = new MemoryRecords();
    expect(recentPlans(records, T0)).toBeNull();
    rememberPlans(records, PLANS, iso(T0 + 60_000));
    expect(recentPlans(records, T0)).toBeNull();
  });
});

describe("rememberPlans", () => {
  it("skips the write of an unchanged list fetched again soon", () => {
    const { records, writes } = countingRecords();
    rememberPlans(records, PLANS, iso(T0));
    rememberPlans(records, PLANS, iso(T0 + 60_000));
    expect(writes()).toBe(1);
  });

  it("writes a changed list at once, and an unchanged one when it is half-way to stale", () => {
    const { records, writes } = countingRecords();
    rememberPlans(records, PLANS, iso(T0));
    rememberPlans(records, MORE_PLANS, iso(T0 + 1_000));
    expect(writes()).toBe(2);
    rememberPlans(records, MORE_PLANS, iso(T0 + 1_000 + PLANS_STAY_FRESH_MS / 2));
    expect(writes()).toBe(3);
    expect(recentPlans(records, T0 + PLANS_STAY_FRESH_MS + 2_000)).toEqual(MORE_PLANS);
  });
});

describe("plansInDoubt", () => {
  const row = (errors: RowOutcome["errors"]) => ({ row: 2, status: "Invalid", errors }) as unknown as RowOutcome;
  const read = (rows: RowOutcome[]) => ({ ok: true, roster: { rows } }) as unknown as ReadRosterResult;

  it("doubts the plans when a row names a plan they lack", () => {
    expect(plansInDoubt(read([row([{ field: "plan_id", column: "Plan", message: "Not a plan." }])]))).toBe(true);
  });

  it("trusts them when every problem is elsewhere, or the tab could not be read", () => {
    expect(plansInDoubt(read([row([{ field: "email", column: "Email", message: "Not an email." }])]))).toBe(false);
    expect(plansInDoubt({ ok: false } as unknown as ReadRosterResult)).toBe(false);
  });
});
