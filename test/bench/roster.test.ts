import {
  BENCH_HEADER,
  CHANGED_SHARE,
  INVALID_KINDS,
  INVALID_SHARE,
  REJECTED_EMAIL_DOMAIN,
  editRoster,
  generateRoster,
  removalCount,
  type InvalidKind,
} from "../../bench/roster";
import { applyEdits, tabValues, typedSheet } from "../../bench/typedTab";
import { readRoster } from "../../src/core/roster/readRoster";
import type { MemberField } from "../../src/vitable/memberSchema";
import { DEFAULT_REMOVAL_BRAKE, removalBrakeLimit } from "../../src/core/sync/removalBrake";
import { diffRoster } from "../../src/core/sync/diff";
import { KEY } from "../core/sync/builders";

const PLANS = [
  { id: "pln_sbx_basic", name: "Basic Care" },
  { id: "pln_sbx_plus", name: "Care Plus" },
  { id: "pln_sbx_family", name: "Family Care" },
];
const PLAN_NAMES = PLANS.map((plan) => plan.name);
const TIME_ZONE = "America/New_York";
const TODAY = "2026-11-23";

/** The field each kind of spoiled row must be reported on. */
const FIELD_OF_KIND: Record<InvalidKind, MemberField> = {
  phone: "phone",
  birthDate: "date_of_birth",
  plan: "plan_id",
  state: "address.state",
  zip: "address.zipcode",
  missingLastName: "last_name",
  email: "email",
  duplicateId: "reference_id",
};

function readTyped(rows: readonly (readonly string[])[]) {
  const read = readRoster(tabValues(typedSheet(rows, TIME_ZONE)), { plans: PLANS, timeZone: TIME_ZONE, today: TODAY });
  if (!read.ok) throw new Error(read.problem.message);
  return read.roster;
}

describe("generateRoster", () => {
  it("gives the same roster for the same seed and a different one for another", () => {
    const a = generateRoster({ rows: 200, planNames: PLAN_NAMES });
    expect(generateRoster({ rows: 200, planNames: PLAN_NAMES })).toEqual(a);
    expect(generateRoster({ rows: 200, planNames: PLAN_NAMES, seed: 1 }).rows).not.toEqual(a.rows);
  });

  it.each([100, 1_000, 3_000])("makes 2%% of %i rows invalid, and the add-on finds exactly those", (rows) => {
    const roster = generateRoster({ rows, planNames: PLAN_NAMES });
    expect(roster.rows).toHaveLength(rows + 1);
    expect(roster.rows[0]).toEqual([...BENCH_HEADER]);
    expect(roster.invalid.size).toBe(Math.round(rows * INVALID_SHARE));

    const read = readTyped(roster.rows);
    const invalidRows = read.rows.filter((row) => row.status === "Invalid").map((row) => row.row);
    expect(invalidRows.sort((a, b) => a - b)).toEqual([...roster.invalid.keys()].sort((a, b) => a - b));
  });

  it("spoils rows in every way it names, each reported on its own column", () => {
    const roster = generateRoster({ rows: 1_000, planNames: PLAN_NAMES });
    expect(new Set(roster.invalid.values())).toEqual(new Set(INVALID_KINDS));
    const read = readTyped(roster.rows);
    for (const [row, kind] of roster.invalid) {
      const outcome = read.rows.find((candidate) => candidate.row === row)!;
      expect({ row, kind, fields: outcome.errors.map((error) => error.field) }).toEqual({
        row,
        kind,
        fields: [FIELD_OF_KIND[kind]],
      });
    }
  });

  it("gives Vitable one email to reject per 1,000 rows, on rows the add-on accepts", () => {
    const roster = generateRoster({ rows: 3_000, planNames: PLAN_NAMES });
    expect(roster.rejectedByVitable).toHaveLength(3);
    const read = readTyped(roster.rows);
    for (const row of roster.rejectedByVitable) {
      const outcome = read.rows.find((candidate) => candidate.row === row)!;
      expect(outcome.status).toBe("Ready");
      expect(outcome.member?.email).toMatch(new RegExp(`@${REJECTED_EMAIL_DOMAIN.replace(".", "\\.")}$`));
    }
  });

  it("writes names with accents and ZIP codes that lose their leading zero when typed", () => {
    const roster = generateRoster({ rows: 500, planNames: PLAN_NAMES });
    const cells = roster.rows.slice(1).flat().join(" ");
    expect(cells).toMatch(/[éöüñøłễ]/);
    const read = readTyped(roster.rows);
    const zips = read.members.map((member) => member.address.zipcode);
    expect(zips).toContain("02134");
  });
});

describe("editRoster", () => {
  const rows = 1_000;
  const roster = generateRoster({ rows, planNames: PLAN_NAMES });
  const { edits, deletedRows } = editRoster(roster, PLAN_NAMES);

  it("changes about 1% of the rows and deletes a few, bottom first, never an invalid or rejected row", () => {
    expect(edits).toHaveLength(Math.round(rows * CHANGED_SHARE));
    expect(deletedRows).toHaveLength(removalCount(rows));
    expect(deletedRows).toEqual([...deletedRows].sort((a, b) => b - a));
    const touched = [...edits.map((edit) => edit.row), ...deletedRows];
    expect(new Set(touched).size).toBe(touched.length);
    for (const row of touched) {
      expect(roster.invalid.has(row)).toBe(false);
      expect(roster.rejectedByVitable).not.toContain(row);
    }
  });

  it("deletes fewer people than the removal brake stops, at every benchmark size", () => {
    for (const size of [100, 1_000, 10_000, 50_000]) {
      const accepted = size - Math.round(size * INVALID_SHARE);
      expect(removalCount(size)).toBeLessThan(removalBrakeLimit(DEFAULT_REMOVAL_BRAKE, accepted));
    }
  });

  it("makes a second sync change and remove exactly the edited and deleted people, and nothing else", () => {
    const tab = typedSheet(roster.rows, TIME_ZONE);
    const first = diffRoster(readTyped(roster.rows), null, KEY);
    // What Vitable keeps: everyone sent but the people it refuses.
    const refused = new Set(roster.rejectedByVitable.map((row) => roster.rows[row - 1]![0]));
    const members = first.submitted.filter((member) => !refused.has(member.referenceId));
    const lastAccepted = { groupId: "grp_test", requestId: "req_1", completedAt: `${TODAY}T15:00:00Z`, members };

    applyEdits(tab, edits, deletedRows);
    const read = readRoster(tabValues(tab), { plans: PLANS, timeZone: TIME_ZONE, today: TODAY });
    if (!read.ok) throw new Error(read.problem.message);
    const second = diffRoster(read.roster, lastAccepted, KEY);
    expect({
      added: second.added.length,
      changed: second.changed.length,
      removed: second.removed.length,
      invalid: second.invalid.length,
    }).toEqual({
      // The refused people are sent again as additions.
      added: roster.rejectedByVitable.length,
      changed: edits.length,
      removed: deletedRows.length,
      invalid: roster.invalid.size,
    });
    // Fewer removals than the brake stops: the second sync asks nothing.
    expect(second.removed.length).toBeLessThan(removalBrakeLimit(DEFAULT_REMOVAL_BRAKE, members.length));
  });
});
