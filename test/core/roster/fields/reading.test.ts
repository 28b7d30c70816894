import { readText, TURNED_INTO_DATE } from "../../../../src/core/roster/fields/reading";

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
    [true, "is a checkbox (TRUE); remove the checkbox and type the value"],
    [false, "is a checkbox (FALSE); remove the checkbox and type the value"],
  ])("refuses the checkbox value %s", (cell, problem) => {
    expect(readText(cell)).toEqual({ ok: false, problem });
  });

  it("refuses a value Sheets turned into a date, saying how to keep it as text", () => {
    expect(readText(new Date(2024, 0, 2))).toEqual({ ok: false, problem: TURNED_INTO_DATE });
    expect(TURNED_INTO_DATE).toContain("format the column as plain text");
  });
});
