import fc from "fast-check";
import { editDistance } from "../../../src/core/roster/editDistance";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["birthdte", "birthdate", 1],
    ["kitten", "sitting", 3],
    ["zipcd", "zipcode", 2],
    ["phone", "phone", 0],
  ])("%j → %j is %d", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });

  it("is a metric bounded by the longer length", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        fc.string({ maxLength: 12 }),
        (a, b, c) => {
          const ab = editDistance(a, b);
          expect(ab).toBe(editDistance(b, a));
          expect(ab === 0).toBe(a === b);
          expect(ab).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
          expect(ab).toBeLessThanOrEqual(Math.max(a.length, b.length));
          expect(editDistance(a, c)).toBeLessThanOrEqual(ab + editDistance(b, c));
        },
      ),
    );
  });
});
