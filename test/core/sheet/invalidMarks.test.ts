import {
  INVALID_MARK_BACKGROUND,
  MAX_MARKED_RANGES,
  invalidMarkFormula,
  invalidMarkRanges,
  isInvalidMarkRule,
} from "../../../src/core/sheet/invalidMarks";

describe("invalidMarkFormula", () => {
  it("looks at the row's status in an absolute column, relative to the first marked row", () => {
    expect(invalidMarkFormula(11, 2)).toBe('=$K2="Invalid"');
    expect(invalidMarkFormula(28, 7)).toBe('=$AB7="Invalid"');
  });
});

describe("isInvalidMarkRule", () => {
  it("recognises the add-on's rule, also after Sheets moved its column or row", () => {
    expect(isInvalidMarkRule(invalidMarkFormula(11, 2), INVALID_MARK_BACKGROUND)).toBe(true);
    expect(isInvalidMarkRule('=$L3="Invalid"', INVALID_MARK_BACKGROUND.toUpperCase())).toBe(true);
  });

  it.each<[string, string, string | null]>([
    ["a user's rule of another colour on the same formula", '=$K2="Invalid"', "#f4cccc"],
    ["a user's rule of our colour on another formula", '=$K2="Failed"', INVALID_MARK_BACKGROUND],
    ["a user's rule of our colour on a relative column", '=K2="Invalid"', INVALID_MARK_BACKGROUND],
    ["a rule that changes no background", '=$K2="Invalid"', null],
    ["a rule comparing more than the status", '=AND($K2="Invalid",$A2<>"")', INVALID_MARK_BACKGROUND],
  ])("does not take %s for it", (_label, formula, background) => {
    expect(isInvalidMarkRule(formula, background)).toBe(false);
  });
});

describe("invalidMarkRanges", () => {
  it("is null when there is nothing to mark", () => {
    expect(invalidMarkRanges([])).toBeNull();
  });

  it("merges consecutive rows of a column, orders ranges by row then column, and anchors on the first", () => {
    const marks = invalidMarkRanges([
      { row: 9, column: 3 },
      { row: 4, column: 5 },
      { row: 3, column: 3 },
      { row: 4, column: 3 },
      { row: 5, column: 3 },
      { row: 5, column: 3 },
      { row: 7, column: 3 },
      { row: 3, column: 1 },
    ]);
    expect(marks).toEqual({ ranges: ["A3", "C3:C5", "E4", "C7", "C9"], anchorRow: 3 });
  });

  it("marks a whole column of invalid rows with one range", () => {
    const cells = Array.from({ length: 50_000 }, (_, i) => ({ row: i + 2, column: 7 }));
    expect(invalidMarkRanges(cells)).toEqual({ ranges: ["G2:G50001"], anchorRow: 2 });
  });

  it(`keeps the first ${MAX_MARKED_RANGES} ranges in sheet order`, () => {
    const scattered = Array.from({ length: MAX_MARKED_RANGES + 50 }, (_, i) => ({ row: 2 * i + 2, column: 2 }));
    const marks = invalidMarkRanges(scattered.slice().reverse())!;
    expect(marks.ranges).toHaveLength(MAX_MARKED_RANGES);
    expect(marks.ranges[0]).toBe("B2");
    expect(marks.ranges[MAX_MARKED_RANGES - 1]).toBe(`B${2 * (MAX_MARKED_RANGES - 1) + 2}`);
    expect(marks.anchorRow).toBe(2);
  });
});
