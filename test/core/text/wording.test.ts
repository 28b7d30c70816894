import { countOf, listInWords, shortened } from "../../../src/core/text/wording";

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

describe("shortened", () => {
  it("keeps a value of up to 60 characters as it is", () => {
    expect(shortened("Basic Care")).toBe("Basic Care");
    expect(shortened("x".repeat(60))).toBe("x".repeat(60));
  });

  it("cuts a longer value to 60 characters, ending in an ellipsis", () => {
    expect(shortened("x".repeat(50_000))).toBe(`${"x".repeat(59)}…`);
    expect(shortened(`${"Basic Care ".repeat(5)}${"y".repeat(60)}`)).toBe(`${"Basic Care ".repeat(5)}yyyy…`);
  });

  it("drops the space before the ellipsis, and never cuts an emoji in half", () => {
    expect(shortened(`${"a".repeat(58)} ${"b".repeat(10)}`)).toBe(`${"a".repeat(58)}…`);
    expect(shortened(`${"a".repeat(57)}${"😀".repeat(5)}`)).toBe(`${"a".repeat(57)}😀…`);
    const cut = shortened(`${"a".repeat(58)}${"😀".repeat(5)}`);
    expect(cut).toBe(`${"a".repeat(58)}…`);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
