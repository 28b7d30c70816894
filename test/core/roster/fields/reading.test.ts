import { readCell, readText } from "../../../../src/core/roster/fields/reading";
import { TURNED_INTO_DATE } from "../../../../src/messages/roster";
import { readReferenceId } from "../../../../src/core/roster/fields/referenceId";

describe("readText", () => {
  it.each([
    ["O'Brien", "O'Brien"],
    ["Ñúñez-García", "Ñúñez-García"],
    ["李", "李"],
    [4, "4"],
    [12.5, "12.5"],
  ])("reads %j as %j", (cell, value) => {
    expect(readText(cell)).toEqual({ ok: true, value });
  });

  it.each<[boolean, string]>([
    [
      true,
      "holds TRUE, which Google Sheets keeps as a checkbox value, not as text; remove any checkbox, format the column as plain text (Format ▸ Number ▸ Plain text) and retype the value",
    ],
    [
      false,
      "holds FALSE, which Google Sheets keeps as a checkbox value, not as text; remove any checkbox, format the column as plain text (Format ▸ Number ▸ Plain text) and retype the value",
    ],
  ])(
    "refuses the checkbox value %s, saying how to keep a typed TRUE or FALSE (a surname True) as text",
    (cell, problem) => {
      expect(readText(cell)).toEqual({ ok: false, problem });
    },
  );

  it("refuses a value Sheets turned into a date, saying how to keep it as text", () => {
    expect(readText(new Date(2024, 0, 2))).toEqual({ ok: false, problem: TURNED_INTO_DATE });
    expect(TURNED_INTO_DATE).toContain("format the column as plain text");
  });
});

describe("readText: control characters", () => {
  it.each<[string, string]>([
    ["Ja\u0007ne", "U+0007"],
    ["EMP\u0000001", "U+0000"],
    ["Jane\u007F", "U+007F"],
    ["Jane\u0085", "U+0085"],
  ])("refuses %j, naming the character %s", (cell, codePoint) => {
    expect(readText(cell)).toEqual({
      ok: false,
      problem: `contains an invisible control character (${codePoint}), often pasted from another system; retype the value without it`,
    });
  });

  it.each<[string, string]>([
    ["\u202Eyrrah", "U+202E"],
    ["Jane\u202D Doe", "U+202D"],
    ["\u2067Jane", "U+2067"],
  ])("refuses %j, whose direction control can make a name read as another, naming %s", (cell, codePoint) => {
    expect(readText(cell)).toEqual({
      ok: false,
      problem: `contains an invisible direction mark (${codePoint}), which can make the text show in another order; retype the value without it`,
    });
  });

  it("takes right-to-left marks and joined emoji, which neither reorder text nor are control characters", () => {
    expect(readText("\u200F\u05D3\u05D5\u05D3")).toEqual({ ok: true, value: "\u200F\u05D3\u05D5\u05D3" });
    expect(readText("👩\u200D💻")).toEqual({ ok: true, value: "👩\u200D💻" });
  });
});

describe("readCell", () => {
  it.each<[Parameters<typeof readCell>[0], ReturnType<typeof readCell>]>([
    [undefined, null],
    ["", null],
    [" \u00A0\u200B", null],
    ["  EMP\u200B-7\u00A0", { ok: true, value: "EMP-7" }],
    [1001, { ok: true, value: "1001" }],
    ["#ref!", { ok: false, problem: "shows the error #REF! instead of a value; fix the formula or retype the value" }],
  ])("reads the ID cell %j as %j", (cell, reading) => {
    expect(readCell(cell, readReferenceId)).toEqual(reading);
  });
});
