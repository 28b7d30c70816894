import { EMPTY_ROSTER_PHRASE } from "../../../src/messages/guards";
import type { ReadRosterResult, RowOutcome } from "../../../src/core/roster/model";
import { planSync, type Block, type Confirmation, type SyncMode, type SyncPlan } from "../../../src/core/sync/guards";
import {
  DEFAULT_REMOVAL_BRAKE,
  removalBrakeLimit,
  removalBrakeSchema,
  type RemovalBrake,
} from "../../../src/core/sync/removalBrake";
import type { AcceptedRoster } from "../../../src/core/sync/acceptedRoster";
import { matchesTypedPhrase } from "../../../src/core/sync/typedPhrase";
import {
  GROUP_ID,
  KEY,
  accepted,
  acceptedCount,
  excludedRow,
  invalidRow,
  readOk,
  readyRow,
  readyRows,
} from "./builders";

function plan(
  read: ReadRosterResult,
  last: AcceptedRoster | null,
  mode: SyncMode,
  brake = DEFAULT_REMOVAL_BRAKE,
): SyncPlan {
  return planSync(read, last, { groupId: GROUP_ID, mode, brake, fingerprintKey: KEY });
}

function confirmations(result: SyncPlan): Confirmation[] {
  if (result.decision.kind !== "confirm") throw new Error(`expected a confirmation, got ${result.decision.kind}`);
  return result.decision.confirmations;
}

function blocks(result: SyncPlan): Block[] {
  if (result.decision.kind !== "blocked") throw new Error(`expected a block, got ${result.decision.kind}`);
  return result.decision.blocks;
}

function guardsOf(result: SyncPlan): string[] {
  const { decision } = result;
  if (decision.kind === "confirm") return decision.confirmations.map((confirmation) => confirmation.guard);
  if (decision.kind === "blocked") return decision.blocks.map((block) => block.guard);
  return [];
}

/** Blocked sentences go into the log, which never holds member names. */
function expectNoNames(result: SyncPlan): void {
  for (const block of blocks(result)) expect(block.message).not.toMatch(/First EMP/);
}

const MODES: SyncMode[] = ["interactive", "scheduled"];

describe("planSync", () => {
  it.each(MODES)("lets an ordinary sync proceed in %s mode", (mode) => {
    const rows = [
      ...readyRows(20).slice(1),
      readyRow(30, "EMP-new"),
      invalidRow(31, "EMP-never"),
      excludedRow(32, "EMP-gone"),
    ];
    const result = plan(readOk(rows), acceptedCount(20), mode);
    expect(result.decision).toEqual({ kind: "proceed" });
    expect(result.diff?.removed.map((removal) => removal.referenceId)).toEqual(["EMP-1"]);
  });

  describe("a tab that cannot be read", () => {
    const noHeader: ReadRosterResult = {
      ok: false,
      problem: {
        kind: "noHeaderRow",
        message: "Row 1 of this tab has no column headers. Add them, or insert the roster headers.",
      },
    };
    const missing: ReadRosterResult = {
      ok: false,
      problem: {
        kind: "needsMapping",
        missing: [{ field: "phone", label: "Phone", closest: "Phone No" }],
        ambiguous: [],
        vanished: [],
        message: "This tab has no Phone column (is “Phone No” meant to be it?).",
      },
    };

    it.each(
      MODES.flatMap((mode) => [
        [mode, "no header row", noHeader] as const,
        [mode, "missing columns", missing] as const,
      ]),
    )("blocks in %s mode for %s, with the reader's sentence", (mode, _problem, read) => {
      const result = plan(read, acceptedCount(5), mode);
      expect(result).toEqual({
        diff: null,
        decision: {
          kind: "blocked",
          blocks: [{ guard: "rosterUnreadable", message: read.ok ? "" : read.problem.message, people: [] }],
        },
      });
    });
  });

  describe("no last accepted roster", () => {
    it("asks an interactive run to confirm that anyone not in the tab will be removed", () => {
      const [confirmation, ...rest] = confirmations(plan(readOk(readyRows(2)), null, "interactive"));
      expect(rest).toEqual([]);
      expect(confirmation).toEqual({
        guard: "noLastAccepted",
        message: expect.stringContaining("Anyone in the group who is not in this tab will be removed"),
        people: [],
        confirmWith: { kind: "button" },
      });
    });

    it("blocks a scheduled run until someone syncs once by hand", () => {
      const result = plan(readOk(readyRows(2)), null, "scheduled");
      expect(blocks(result)).toEqual([
        { guard: "noLastAccepted", message: expect.stringContaining("Sync once by hand"), people: [] },
      ]);
    });

    it.each(MODES)("ignores, in %s mode, the record of a group the tab is no longer linked to", (mode) => {
      const otherGroup = accepted(acceptedCount(2).members, "grp_other");
      const result = plan(readOk(readyRows(2)), otherGroup, mode);
      expect(guardsOf(result)).toEqual(["noLastAccepted"]);
      expect(result.diff?.lastAccepted).toBeNull();
    });
  });

  describe("an empty roster", () => {
    const allLeftOut = readOk([invalidRow(2, "EMP-1"), invalidRow(3, "EMP-2"), excludedRow(4, "EMP-3")]);

    it("needs the typed phrase in an interactive run, saying how many people go", () => {
      const last = acceptedCount(5);
      const found = confirmations(plan(allLeftOut, last, "interactive")).find((c) => c.guard === "emptyRoster");
      expect(found?.confirmWith).toEqual({ kind: "typed", phrase: EMPTY_ROSTER_PHRASE });
      expect(found?.message).toBe(
        "This tab has no members to send (2 rows are invalid and 1 row is excluded). Syncing it would remove all 5 " +
          "people in the Vitable group and end their coverage. To do that on purpose, type REMOVE EVERYONE.",
      );
      expect(found?.people.map((removal) => removal.referenceId)).toEqual([
        "EMP-1",
        "EMP-2",
        "EMP-3",
        "EMP-4",
        "EMP-5",
      ]);
    });

    it("is blocked in a scheduled run, which never sends members: []", () => {
      const result = plan(readOk([]), acceptedCount(1), "scheduled");
      expect(blocks(result)).toEqual([
        {
          guard: "emptyRoster",
          message:
            "The scheduled sync did not run because this tab has no members to send (it has no member rows), and sending " +
            "none would remove the 1 person in the Vitable group. Scheduled syncs never do that: fix the tab, or sync by " +
            "hand if everyone should be removed.",
          people: [expect.objectContaining({ referenceId: "EMP-1" })],
        },
      ]);
    });

    it.each(MODES)("is caught in %s mode even when the last accepted roster is empty", (mode) => {
      expect(guardsOf(plan(readOk([]), accepted([]), mode))).toEqual(["emptyRoster"]);
    });

    it.each(MODES)("replaces, in %s mode, the brake and the missing-record warnings it already covers", (mode) => {
      expect(guardsOf(plan(readOk([]), acceptedCount(10), mode))).toEqual(["emptyRoster"]);
      expect(guardsOf(plan(readOk([]), null, mode))).toEqual(["emptyRoster"]);
    });

    it("says everyone goes when there is no record of who the group holds", () => {
      const [confirmation] = confirmations(plan(readOk([]), null, "interactive"));
      expect(confirmation?.message).toContain("would remove everyone in the Vitable group");
    });
  });

  describe("the removal brake", () => {
    it.each<[string, number, RemovalBrake, number, boolean]>([
      ["below the minimum of 3", 10, DEFAULT_REMOVAL_BRAKE, 2, false],
      ["at the minimum of 3", 10, DEFAULT_REMOVAL_BRAKE, 3, true],
      ["below 10% of 50", 50, DEFAULT_REMOVAL_BRAKE, 4, false],
      ["at 10% of 50", 50, DEFAULT_REMOVAL_BRAKE, 5, true],
      ["below 10% of 45 rounded up", 45, DEFAULT_REMOVAL_BRAKE, 4, false],
      ["at 10% of 45 rounded up", 45, DEFAULT_REMOVAL_BRAKE, 5, true],
      ["at a tab's own minimum of 1", 40, { minimum: 1, percent: 0 }, 1, true],
      ["below a tab's own 50%", 30, { minimum: 3, percent: 50 }, 14, false],
      ["at a tab's own 50%", 30, { minimum: 3, percent: 50 }, 15, true],
    ])("%s (%i held, brake %j, %i removed)", (_case, held, brake, removing, brakes) => {
      const rows = readyRows(held).slice(removing);
      for (const mode of MODES) {
        expect(guardsOf(plan(readOk(rows), acceptedCount(held), mode, brake))).toEqual(brakes ? ["removalBrake"] : []);
      }
    });

    it("counts excluded rows as removals", () => {
      const rows = readyRows(10).map((row, i) => (i < 3 ? excludedRow(row.row, row.referenceId) : row));
      expect(guardsOf(plan(readOk(rows), acceptedCount(10), "scheduled"))).toEqual(["removalBrake"]);
    });

    it("asks an interactive run to confirm, naming who would be removed", () => {
      const [confirmation] = confirmations(plan(readOk(readyRows(50).slice(7)), acceptedCount(50), "interactive"));
      expect(confirmation).toEqual({
        guard: "removalBrake",
        message:
          "This sync would remove 7 of the 50 people in the Vitable group, which reaches the safety limit of 5 removals: " +
          "First EMP-1 (EMP-1), First EMP-2 (EMP-2), First EMP-3 (EMP-3), First EMP-4 (EMP-4), First EMP-5 (EMP-5) " +
          "and 2 more. They would lose their coverage. Confirm only if all of them should be removed.",
        people: expect.arrayContaining([
          expect.objectContaining({ referenceId: "EMP-7", reason: { kind: "notInTab" } }),
        ]),
        confirmWith: { kind: "button" },
      });
      expect(confirmation?.people).toHaveLength(7);
    });

    it("blocks a scheduled run without naming anyone in the sentence", () => {
      const result = plan(readOk(readyRows(50).slice(7)), acceptedCount(50), "scheduled");
      expect(blocks(result)).toEqual([
        {
          guard: "removalBrake",
          message:
            "The scheduled sync did not run because it would remove 7 of the 50 people in the Vitable group, which reaches " +
            "the safety limit of 5 removals. Check the tab, then sync by hand to confirm the removals.",
          people: expect.any(Array),
        },
      ]);
      expectNoNames(result);
    });
  });

  describe("an invalid row of someone in the last accepted roster", () => {
    const rowsWithInvalid = (invalid: RowOutcome[]): RowOutcome[] => [
      ...readyRows(20).slice(invalid.length),
      ...invalid,
    ];

    it("asks an interactive run to confirm, naming the person and the row's problem", () => {
      const result = plan(
        readOk(rowsWithInvalid([invalidRow(40, "EMP-1", "Phone is empty.")])),
        acceptedCount(20),
        "interactive",
      );
      expect(confirmations(result)).toEqual([
        {
          guard: "invalidRowRemoves",
          message:
            "First EMP-1 (EMP-1) is in the Vitable group now but would be removed, because row 40 has a problem and will " +
            "not be sent: Phone is empty. Fix the row and sync again, or confirm to remove them.",
          people: [
            {
              referenceId: "EMP-1",
              name: "First EMP-1",
              reason: { kind: "invalid", row: 40, problem: "Phone is empty." },
            },
          ],
          confirmWith: { kind: "button" },
        },
      ]);
    });

    it("blocks a scheduled run, naming the row but not the person", () => {
      const result = plan(
        readOk(rowsWithInvalid([invalidRow(40, "EMP-1", "Phone is empty.")])),
        acceptedCount(20),
        "scheduled",
      );
      expect(blocks(result)).toEqual([
        {
          guard: "invalidRowRemoves",
          message:
            "The scheduled sync did not run because row 40 has a problem, and leaving it out would remove a person who is " +
            "in the Vitable group now. Fix the row and the next scheduled sync will run.",
          people: [expect.objectContaining({ referenceId: "EMP-1" })],
        },
      ]);
      expectNoNames(result);
    });

    it("lists several rows, their people and their problems", () => {
      const invalid = [invalidRow(40, "EMP-1", "Phone is empty."), invalidRow(41, "EMP-2", "ZIP is empty.")];
      const interactive = confirmations(plan(readOk(rowsWithInvalid(invalid)), acceptedCount(20), "interactive"));
      expect(interactive.map((c) => c.message)).toEqual([
        "2 people who are in the Vitable group now would be removed, because their rows have problems and will not be " +
          "sent. Row 40, First EMP-1 (EMP-1): Phone is empty. Row 41, First EMP-2 (EMP-2): ZIP is empty. Fix these rows " +
          "and sync again, or confirm to remove them.",
      ]);
      const scheduled = plan(readOk(rowsWithInvalid(invalid)), acceptedCount(20), "scheduled");
      expect(blocks(scheduled).map((b) => b.message)).toEqual([
        "The scheduled sync did not run because rows 40 and 41 have problems, and leaving them out would remove 2 people " +
          "who are in the Vitable group now. Fix those rows and the next scheduled sync will run.",
      ]);
    });

    it("names the first five problems and counts the rest", () => {
      const invalid = Array.from({ length: 7 }, (_, i) => invalidRow(40 + i, `EMP-${i + 1}`, "Phone is empty."));
      const last = acceptedCount(100);
      const [confirmation] = confirmations(plan(readOk([...readyRows(100).slice(7), ...invalid]), last, "interactive"));
      expect(confirmation?.message).toContain(
        "Row 44, First EMP-5 (EMP-5): Phone is empty. 2 more rows have problems too.",
      );
      expect(confirmation?.message).not.toContain("EMP-6");
      expect(confirmation?.people).toHaveLength(7);
    });

    it.each(MODES)("lets the sync proceed in %s mode when the invalid row is of someone never accepted", (mode) => {
      const result = plan(
        readOk([...readyRows(20), invalidRow(40, "EMP-new", "Phone is empty.")]),
        acceptedCount(20),
        mode,
      );
      expect(result.decision).toEqual({ kind: "proceed" });
      expect(result.diff?.invalid).toEqual([expect.objectContaining({ row: 40, removes: false })]);
    });
  });

  it("asks every question that applies at once", () => {
    const rows = [...readyRows(10).slice(4), invalidRow(40, "EMP-1", "Phone is empty.")];
    expect(guardsOf(plan(readOk(rows), acceptedCount(10), "interactive"))).toEqual([
      "removalBrake",
      "invalidRowRemoves",
    ]);
    expect(guardsOf(plan(readOk(rows), acceptedCount(10), "scheduled"))).toEqual(["removalBrake", "invalidRowRemoves"]);
  });
});

describe("removalBrakeLimit", () => {
  it.each([
    [0, 3],
    [29, 3],
    [30, 3],
    [31, 4],
    [100, 10],
    [50_000, 5_000],
  ])("with %i accepted members is %i", (held, limit) => {
    expect(removalBrakeLimit(DEFAULT_REMOVAL_BRAKE, held)).toBe(limit);
  });
});

describe("removalBrakeSchema", () => {
  it("accepts the default brake", () => {
    expect(removalBrakeSchema.parse(DEFAULT_REMOVAL_BRAKE)).toEqual(DEFAULT_REMOVAL_BRAKE);
  });

  it.each([
    [{ minimum: 0, percent: 10 }],
    [{ minimum: 2.5, percent: 10 }],
    [{ minimum: 3, percent: -1 }],
    [{ minimum: 3, percent: 101 }],
    [{ minimum: 3 }],
  ])("refuses %j, which would switch the brake off or make it meaningless", (brake) => {
    expect(removalBrakeSchema.safeParse(brake).success).toBe(false);
  });
});

describe("matchesTypedPhrase", () => {
  it.each([
    ["REMOVE EVERYONE", true],
    ["remove everyone", true],
    ["  Remove   Everyone ", true],
    ["REMOVE", false],
    ["REMOVE EVERYONE NOW", false],
    ["", false],
  ])("%j → %s", (typed, matches) => {
    expect(matchesTypedPhrase(EMPTY_ROSTER_PHRASE, typed)).toBe(matches);
  });
});

describe("an invalid row whose reference ID cannot be read (product.md invariant 4)", () => {
  /** Ten people synced; row 4 (EMP-3) now has no readable ID, and another problem. */
  function withUnreadableId(name: string, otherRows: RowOutcome[] = readyRows(10).filter((row) => row.row !== 4)) {
    const idless: RowOutcome = { ...invalidRow(4, null, "Reference ID is empty."), name };
    return readOk([...otherRows, idless].sort((a, b) => a.row - b.row));
  }

  it("is matched by name to the one person it would remove: blocked when scheduled", () => {
    const result = plan(withUnreadableId("First EMP-3"), acceptedCount(10), "scheduled");
    expect(guardsOf(result)).toEqual(["invalidRowRemoves"]);
    expect(blocks(result)[0]?.message).toContain("row 4 has a problem");
    expect(blocks(result)[0]?.message).not.toContain("EMP-3");
    expect(result.diff?.removed).toEqual([
      {
        referenceId: "EMP-3",
        name: "First EMP-3",
        reason: { kind: "invalid", row: 4, problem: "Reference ID is empty." },
      },
    ]);
  });

  it("asks a person, naming who would be removed and the row's problem", () => {
    const [confirmation] = confirmations(plan(withUnreadableId("first  emp-3"), acceptedCount(10), "interactive"));
    expect(confirmation?.guard).toBe("invalidRowRemoves");
    expect(confirmation?.message).toContain("First EMP-3 (EMP-3)");
    expect(confirmation?.message).toContain("row 4");
    expect(confirmation?.message).toContain("Reference ID is empty.");
  });

  it("when its name matches nobody removed, still counts as a possible removal while anyone is removed", () => {
    const result = plan(withUnreadableId("Someone Else"), acceptedCount(10), "scheduled");
    expect(guardsOf(result)).toEqual(["unidentifiedRow"]);
    expect(blocks(result)[0]?.message).toBe(
      "The scheduled sync did not run because row 4 has a problem and its Employee ID cannot be read, and the sync " +
        "would remove 1 person: the row may be theirs. Fix the rows and the next scheduled sync will run.",
    );
    const [confirmation] = confirmations(plan(withUnreadableId("Someone Else"), acceptedCount(10), "interactive"));
    expect(confirmation?.message).toContain("First EMP-3 (EMP-3)");
    expect(confirmation?.message).toContain("Row 4: Reference ID is empty.");
  });

  it("never matches when two removed people share the name", () => {
    const last = accepted([
      ...acceptedCount(10).members.filter((m) => m.referenceId !== "EMP-3"),
      { ...acceptedCount(10).members[2]!, referenceId: "EMP-3" },
      { ...acceptedCount(10).members[2]!, referenceId: "EMP-33" },
    ]);
    const result = plan(withUnreadableId("First EMP-3"), last, "scheduled");
    expect(guardsOf(result)).toContain("unidentifiedRow");
    expect(result.diff?.removed.every((removal) => removal.reason.kind === "notInTab")).toBe(true);
  });

  it("stops nothing when the sync removes nobody", () => {
    const rows = [...readyRows(10), { ...invalidRow(12, null, "Reference ID is empty."), name: "New Person" }];
    expect(plan(readOk(rows), acceptedCount(10), "scheduled").decision).toEqual({ kind: "proceed" });
  });
});
