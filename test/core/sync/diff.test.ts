import fc from "fast-check";
import type { RowOutcome } from "../../../src/core/roster/model";
import { acceptedMemberOf } from "../../../src/core/sync/acceptedRoster";
import { changesVitable, diffRoster } from "../../../src/core/sync/diff";
import { KEY, accepted, acceptedOf, excludedRow, invalidRow, member, nameOf, readyRow, roster } from "./builders";

describe("diffRoster", () => {
  it("sorts rows into added, changed and unchanged against the last accepted roster", () => {
    const last = accepted([acceptedOf("EMP-1"), acceptedOf("EMP-2")]);
    const diff = diffRoster(
      roster([readyRow(2, "EMP-1"), readyRow(3, "EMP-2", { phone: "4155550199" }), readyRow(4, "EMP-3")]),
      last,
      KEY,
    );
    expect(diff.unchanged).toEqual([{ referenceId: "EMP-1", name: nameOf("EMP-1"), row: 2 }]);
    expect(diff.changed).toEqual([
      { referenceId: "EMP-2", name: nameOf("EMP-2"), row: 3, previousName: nameOf("EMP-2") },
    ]);
    expect(diff.added).toEqual([{ referenceId: "EMP-3", name: nameOf("EMP-3"), row: 4 }]);
    expect(diff.removed).toEqual([]);
    expect(diff.lastAccepted).toBe(last);
  });

  it("records what it sends, in sheet order, as the next accepted roster will hold it", () => {
    const rows = [readyRow(2, "EMP-9"), invalidRow(3, "EMP-5"), readyRow(4, "EMP-1", { plan_id: "pln_plus" })];
    const diff = diffRoster(roster(rows), null, KEY);
    expect(diff.submitted).toEqual([
      acceptedMemberOf(nameOf("EMP-9"), rows[0]!.member!, KEY),
      acceptedMemberOf(nameOf("EMP-1"), rows[2]!.member!, KEY),
    ]);
  });

  it("keeps the previous name of a changed member, since a new name may mean a reused reference ID", () => {
    const last = accepted([
      acceptedMemberOf("Jane Doe", member("EMP-1", { first_name: "Jane", last_name: "Doe" }), KEY),
    ]);
    const diff = diffRoster(roster([readyRow(2, "EMP-1")]), last, KEY);
    expect(diff.changed).toEqual([{ referenceId: "EMP-1", name: nameOf("EMP-1"), row: 2, previousName: "Jane Doe" }]);
  });

  it("names everyone it would remove, with why and the name Vitable holds", () => {
    const last = accepted(
      ["EMP-1", "EMP-2", "EMP-3", "EMP-4"].map((id) => ({ ...acceptedOf(id), name: `Held ${id}` })),
    );
    const diff = diffRoster(
      roster([readyRow(2, "EMP-1"), excludedRow(3, "EMP-2"), invalidRow(4, "EMP-3", "Phone is empty.")]),
      last,
      KEY,
    );
    expect(diff.removed).toEqual([
      { referenceId: "EMP-2", name: "Held EMP-2", reason: { kind: "excluded", row: 3 } },
      { referenceId: "EMP-3", name: "Held EMP-3", reason: { kind: "invalid", row: 4, problem: "Phone is empty." } },
      { referenceId: "EMP-4", name: "Held EMP-4", reason: { kind: "notInTab" } },
    ]);
  });

  it("says which invalid and excluded rows remove someone and which are simply not sent", () => {
    const last = accepted([acceptedOf("EMP-1"), acceptedOf("EMP-2")]);
    const diff = diffRoster(
      roster([
        invalidRow(2, "EMP-1", "Phone is empty."),
        invalidRow(3, "EMP-7", "ZIP must be a ZIP code such as 94102 or 94102-1234."),
        invalidRow(4, null, "Reference ID is empty."),
        excludedRow(5, "EMP-2"),
        excludedRow(6, "EMP-8"),
      ]),
      last,
      KEY,
    );
    expect(diff.invalid).toEqual([
      { row: 2, referenceId: "EMP-1", name: nameOf("EMP-1"), removes: true, problem: "Phone is empty." },
      {
        row: 3,
        referenceId: "EMP-7",
        name: nameOf("EMP-7"),
        removes: false,
        problem: "ZIP must be a ZIP code such as 94102 or 94102-1234.",
      },
      { row: 4, referenceId: null, name: "", removes: false, problem: "Reference ID is empty." },
    ]);
    expect(diff.excluded).toEqual([
      { row: 5, referenceId: "EMP-2", name: nameOf("EMP-2"), removes: true },
      { row: 6, referenceId: "EMP-8", name: nameOf("EMP-8"), removes: false },
    ]);
  });

  it("does not remove someone another row still sends", () => {
    const last = accepted([acceptedOf("EMP-1")]);
    const diff = diffRoster(roster([excludedRow(2, "EMP-1"), readyRow(3, "EMP-1")]), last, KEY);
    expect(diff.removed).toEqual([]);
    expect(diff.excluded).toEqual([{ row: 2, referenceId: "EMP-1", name: nameOf("EMP-1"), removes: false }]);
  });

  it("removes a person with duplicate invalid rows once, naming the first row", () => {
    const last = accepted([acceptedOf("EMP-1")]);
    const problem = "Reference ID EMP-1 is also on another row.";
    const diff = diffRoster(roster([invalidRow(2, "EMP-1", problem), invalidRow(7, "EMP-1", problem)]), last, KEY);
    expect(diff.removed).toEqual([
      { referenceId: "EMP-1", name: nameOf("EMP-1"), reason: { kind: "invalid", row: 2, problem } },
    ]);
    expect(diff.invalid.map((row) => row.removes)).toEqual([true, true]);
  });

  it("without a last accepted roster, counts every member as added and nobody as removed", () => {
    const diff = diffRoster(roster([readyRow(2, "EMP-1"), invalidRow(3, "EMP-2"), excludedRow(4, "EMP-3")]), null, KEY);
    expect(diff.added.map((person) => person.referenceId)).toEqual(["EMP-1"]);
    expect(diff.removed).toEqual([]);
    expect([...diff.invalid, ...diff.excluded].map((row) => row.removes)).toEqual([false, false]);
    expect(diff.lastAccepted).toBeNull();
  });

  it("puts every row in one list and lists exactly the accepted people it does not send as removed", () => {
    const ids = fc.constantFrom("EMP-1", "EMP-2", "EMP-3", "EMP-4", "EMP-5", "EMP-6");
    const rowKind = fc.tuple(fc.constantFrom("ready", "changed", "invalid", "excluded"), ids);
    fc.assert(
      fc.property(fc.array(rowKind, { maxLength: 10 }), fc.uniqueArray(ids), (kinds, acceptedIds) => {
        const seenReady = new Set<string>();
        const rows: RowOutcome[] = kinds.map(([kind, id], i) => {
          // The roster engine never leaves two Ready rows with one reference ID.
          if ((kind === "ready" || kind === "changed") && !seenReady.has(id)) {
            seenReady.add(id);
            return readyRow(i + 2, id, kind === "changed" ? { plan_id: "pln_plus" } : {});
          }
          return kind === "excluded" ? excludedRow(i + 2, id) : invalidRow(i + 2, id);
        });
        const diff = diffRoster(roster(rows), accepted(acceptedIds.map((id) => acceptedOf(id))), KEY);
        const listed = [diff.added, diff.changed, diff.unchanged, diff.excluded, diff.invalid]
          .flat()
          .map((entry) => entry.row);
        expect(listed.sort((a, b) => a - b)).toEqual(rows.map((row) => row.row));
        expect(diff.removed.map((removal) => removal.referenceId)).toEqual(
          acceptedIds.filter((id) => !seenReady.has(id)),
        );
        expect(diff.submitted.map((member) => member.referenceId)).toEqual([...seenReady]);
      }),
    );
  });
});

describe("changesVitable", () => {
  const last = accepted([acceptedOf("EMP-1"), acceptedOf("EMP-2")]);
  const same = [readyRow(2, "EMP-1"), readyRow(3, "EMP-2")];

  it.each<[string, boolean, RowOutcome[]]>([
    ["the tab matches the last accepted roster", false, same],
    ["only a never-accepted person's invalid row is new", false, [...same, invalidRow(4, "EMP-9")]],
    ["only a never-accepted person's excluded row is new", false, [...same, excludedRow(4, "EMP-9")]],
    ["someone is added", true, [...same, readyRow(4, "EMP-3")]],
    ["someone changed", true, [readyRow(2, "EMP-1"), readyRow(3, "EMP-2", { email: "new@acme.com" })]],
    ["someone's row is gone", true, [readyRow(2, "EMP-1")]],
    ["someone is excluded", true, [readyRow(2, "EMP-1"), excludedRow(3, "EMP-2")]],
  ])("when %s: %s", (_case, expected, rows) => {
    expect(changesVitable(diffRoster(roster(rows), last, KEY))).toBe(expected);
  });

  it("is true without a last accepted roster, since nobody can tell", () => {
    expect(changesVitable(diffRoster(roster(same), null, KEY))).toBe(true);
  });
});
