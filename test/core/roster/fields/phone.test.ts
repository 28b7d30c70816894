import fc from "fast-check";
import { readPhone } from "../../../../src/core/roster/fields/phone";
import { memberSchema } from "../../../../src/vitable/memberSchema";

describe("readPhone", () => {
  it.each<[string | number, string]>([
    ["(415) 555-0100", "4155550100"],
    ["415.555.0100", "4155550100"],
    ["415-555-0100", "4155550100"],
    ["415 555 0100", "4155550100"],
    ["415/555-0100", "4155550100"],
    ["+1 415 555 0100", "4155550100"],
    ["+1 (415) 555-0100", "4155550100"],
    ["1-415-555-0100", "4155550100"],
    ["14155550100", "4155550100"],
    ["4155550100", "4155550100"],
    ["415\u2013555\u20130100", "4155550100"],
    [4155550100, "4155550100"],
    [14155550100, "4155550100"],
  ])("reads %j as %j", (cell, value) => {
    expect(readPhone(cell)).toEqual({ ok: true, value });
  });

  it.each([
    "415-555-0100 x12",
    "415-555-0100x12",
    "415.555.0100 ext. 7",
    "(415) 555-0100 Ext 7",
    "4155550100 extension 7",
    "415-555-0100 #12",
  ])("refuses the extension in %j", (cell) => {
    expect(readPhone(cell)).toEqual({
      ok: false,
      problem: `has an extension ("${cell}"); Vitable takes the main number only, so remove the extension`,
    });
  });

  it("quotes only the start of a long number with an extension", () => {
    const cell = `${"4".repeat(40_000)} x12`;
    expect(readPhone(cell)).toEqual({
      ok: false,
      problem: `has an extension ("${"4".repeat(59)}…"); Vitable takes the main number only, so remove the extension`,
    });
  });

  it.each<[string | number, string]>([
    ["555-0134", '"555-0134" has no area code; type the 3-digit area code in front of it, as in (415) 555-0134'],
    ["555.0134", '"555.0134" has no area code; type the 3-digit area code in front of it, as in (415) 555-0134'],
    [5550134, '"5550134" has no area code; type the 3-digit area code in front of it, as in (415) 555-0134'],
  ])("refuses the local number %j with the area code to add", (cell, problem) => {
    expect(readPhone(cell)).toEqual({ ok: false, problem });
  });

  // What readPhone passes on, memberSchema refuses: not 10 digits, or an area code starting 0 or 1.
  it.each([
    ["55-0100", "550100"],
    ["1-555-0100", "15550100"],
    ["415-555-01000", "41555501000"],
    ["+44 20 7946 0958", "442079460958"],
    ["(015) 555-0100", "0155550100"],
    ["115-555-0100", "1155550100"],
    ["21155550100", "21155550100"],
    ["415-555-CALL", "415555CALL"],
  ])("leaves %j as %j for memberSchema to refuse", (cell, value) => {
    expect(readPhone(cell)).toEqual({ ok: true, value });
    expect(memberSchema.shape.phone.safeParse(value).success).toBe(false);
  });

  it("reads every way of writing a valid number as its 10 digits, and those digits as themselves", () => {
    const digit = fc.integer({ min: 0, max: 9 }).map(String);
    const phone = fc
      .tuple(fc.integer({ min: 2, max: 9 }), fc.array(digit, { minLength: 9, maxLength: 9 }))
      .map(([first, rest]) => `${first}${rest.join("")}`);
    fc.assert(
      fc.property(phone, fc.integer({ min: 0, max: 4 }), (digits, style) => {
        const [area, exchange, line] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
        const written = [
          `(${area}) ${exchange}-${line}`,
          `${area}.${exchange}.${line}`,
          `+1 ${area} ${exchange} ${line}`,
          `1${digits}`,
          Number(digits),
        ][style] as string | number;
        expect(readPhone(written)).toEqual({ ok: true, value: digits });
        expect(readPhone(digits)).toEqual({ ok: true, value: digits });
      }),
    );
  });
});
