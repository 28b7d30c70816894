import { median } from "../../bench/stats";

describe("median", () => {
  it("takes the middle of an odd count and the mean of the middle two of an even one, in any order", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it("refuses an empty list", () => {
    expect(() => median([])).toThrow("The median of no values is undefined.");
  });
});
