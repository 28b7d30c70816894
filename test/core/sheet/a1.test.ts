import { columnLetters, columnRunA1 } from "../../../src/core/sheet/a1";

describe("columnLetters", () => {
  it.each<[number, string]>([
    [1, "A"],
    [11, "K"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [18_278, "ZZZ"],
  ])("column %i is %s", (column, letters) => {
    expect(columnLetters(column)).toBe(letters);
  });
});

describe("columnRunA1", () => {
  it("names one cell, or a run of rows of one column", () => {
    expect(columnRunA1(7, 2)).toBe("G2");
    expect(columnRunA1(7, 2, 2)).toBe("G2");
    expect(columnRunA1(28, 2, 50_001)).toBe("AB2:AB50001");
  });
});
