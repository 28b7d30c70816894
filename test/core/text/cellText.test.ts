import fc from "fast-check";
import { escapeCellText, MAX_CELL_TEXT } from "../../../src/core/text/cellText";

/** What Sheets shows for a written string: a leading apostrophe marks text and is hidden. */
function shownBySheets(written: string): string {
  return written.startsWith("'") ? written.slice(1) : written;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Strings made mostly of the characters that matter here, so edge cases come up often. */
const cellText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", " ", "\n", "a", "1"),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

describe("escapeCellText", () => {
  it("cuts text longer than a cell should hold with an ellipsis, never inside a surrogate pair", () => {
    expect(escapeCellText("x".repeat(60_000))).toBe(`${"x".repeat(MAX_CELL_TEXT - 1)}…`);
    const emoji = `${"x".repeat(MAX_CELL_TEXT - 2)}😀😀`;
    expect(escapeCellText(emoji)).toBe(`${"x".repeat(MAX_CELL_TEXT - 2)}…`);
  });

  it.each([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+1 415 555 0100", "'+1 415 555 0100"],
    ["-5", "'-5"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["'quoted", "''quoted"],
    ["''", "'''"],
    ["'", "''"],
    // Openers behind spaces or invisible characters, and full-width or small forms of them.
    [" =1+1", "' =1+1"],
    ["\n=1+1", "'\n=1+1"],
    ["\u200B=1+1", "'\u200B=1+1"],
    ["\u202E=1+1", "'\u202E=1+1"],
    ['＝HYPERLINK("http://x")', '\'＝HYPERLINK("http://x")'],
    ["﹢1 415 555 0100", "'﹢1 415 555 0100"],
  ])("marks %j as text", (text, written) => {
    expect(escapeCellText(text)).toBe(written);
  });

  it.each([[""], ["Synced"], ["Phone is empty."], ["a=b"], [" Jane"], ["Zoë"], ["O'Brien"], ["1001"], ["１００１"]])(
    "writes %j unchanged",
    (text) => {
      expect(escapeCellText(text)).toBe(text);
    },
  );

  it("never writes a string that starts a formula", () => {
    fc.assert(fc.property(cellText, (text) => !FORMULA_START.test(escapeCellText(text))));
  });

  it("makes Sheets show exactly the original text", () => {
    fc.assert(fc.property(cellText, (text) => shownBySheets(escapeCellText(text)) === text));
  });

  it("never maps two texts to the same cell value", () => {
    fc.assert(fc.property(cellText, cellText, (a, b) => a === b || escapeCellText(a) !== escapeCellText(b)));
  });
});
