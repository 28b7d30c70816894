import { countOf, listInWords } from "../../../src/core/text/wording";

describe("listInWords", () => {
  it.each<[string[], "and" | "or", string]>([
    [[], "and", ""],
    [["A"], "and", "A"],
    [["A", "B"], "and", "A and B"],
    [["A", "B", "C"], "and", "A, B and C"],
    [["A", "B", "C"], "or", "A, B or C"],
  ])("joins %j with %j as %j", (items, conjunction, text) => {
    expect(listInWords(items, conjunction)).toBe(text);
  });
});

describe("countOf", () => {
  it.each([
    [0, "0 people"],
    [1, "1 person"],
    [2, "2 people"],
  ])("counts %i as %j", (count, text) => {
    expect(countOf(count, "person", "people")).toBe(text);
  });
});
