import fc from "fast-check";
import { cleanText, isBlankCell, sheetErrorIn } from "../../../src/core/roster/cells";

describe("cleanText", () => {
  it.each([
    ["  Jane  ", "Jane"],
    ["Mary   Ann", "Mary Ann"],
    ["\u00A0Jane\u00A0", "Jane"],
    ["Mary\u00A0\u00A0Ann", "Mary Ann"],
    ["\u200BJane\u200B", "Jane"],
    ["\uFEFFJane", "Jane"],
    ["Jane\u2060", "Jane"],
    ["Mary\u202FAnn", "Mary Ann"],
    ["Mary\tAnn\n", "Mary Ann"],
    ["O'Brien-Ñúñez", "O'Brien-Ñúñez"],
    ["\u00A0\u200B ", ""],
  ])("cleans %j to %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it.each([
    ["Jo\u200Bhn", "John"],
    ["Smi\u2060th\uFEFF", "Smith"],
    ["EMP\u200B001", "EMP001"],
    ["Mary \u200BAnn", "Mary Ann"],
    ["Mary\u200B\u00A0Ann", "Mary Ann"],
  ])("drops the zero-width characters inside %j, which the user cannot see: %j", (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it("is idempotent and leaves no edge or doubled whitespace", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "é", " ", "\u00A0", "\u200B", "\t", "\n", "-") });
    fc.assert(
      fc.property(text, (input) => {
        const cleaned = cleanText(input);
        expect(cleanText(cleaned)).toBe(cleaned);
        expect(cleaned).not.toMatch(/^\s|\s$|\s\s|[\u00A0\u200B\t\n]/);
      }),
    );
  });
});

describe("isBlankCell", () => {
  it.each<[string, Parameters<typeof isBlankCell>[0], boolean]>([
    ["empty cell", "", true],
    ["missing cell", undefined, true],
    ["spaces", "   ", true],
    ["no-break and zero-width spaces", "\u00A0\u200B", true],
    ["unchecked checkbox", false, true],
    ["checked checkbox", true, false],
    ["zero", 0, false],
    ["text", "x", false],
    ["date", new Date(0), false],
  ])("%s → %s", (_, value, blank) => {
    expect(isBlankCell(value)).toBe(blank);
  });
});

describe("sheetErrorIn", () => {
  it.each(["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!"])("recognises %s", (code) => {
    expect(sheetErrorIn(code)).toBe(code);
  });

  it.each(["#12", "# 5", "N/A", "#REFUND", "Apt #4"])("takes %j as data", (text) => {
    expect(sheetErrorIn(text)).toBeNull();
  });
});
