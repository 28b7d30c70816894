import fc from "fast-check";
import { readZipCode } from "../../../../src/core/roster/fields/zipCode";

describe("readZipCode", () => {
  it.each<[string | number, string]>([
    ["94102", "94102"],
    ["02134", "02134"],
    ["94102-1234", "94102-1234"],
    ["941021234", "94102-1234"],
    ["94102 1234", "94102-1234"],
    [94102, "94102"],
    [941021234, "94102-1234"],
  ])("reads %j as %j, without a repair", (cell, value) => {
    expect(readZipCode(cell)).toEqual({ ok: true, value });
  });

  it.each<[number, string]>([
    [2134, "02134"],
    [501, "00501"],
    [21341234, "02134-1234"],
    [5011234, "00501-1234"],
  ])("restores the leading zeros Sheets dropped from %d: %j", (cell, value) => {
    expect(readZipCode(cell)).toEqual({
      ok: true,
      value,
      repair: {
        from: String(cell),
        predicate: `${cell} was read as ${value} because Google Sheets drops leading zeros`,
      },
    });
  });

  it.each<[string | number, string]>([
    ["2134", "2134"],
    ["9410", "9410"],
    ["94102-12", "94102-12"],
    ["ABCDE", "ABCDE"],
    [12, "12"],
    [123456, "123456"],
    [1234567890, "1234567890"],
    [94102.5, "94102.5"],
  ])("leaves %j as %j for memberSchema to refuse", (cell, value) => {
    expect(readZipCode(cell)).toEqual({ ok: true, value });
  });

  it("reads a ZIP it wrote as itself", () => {
    const zip = fc.oneof(fc.stringMatching(/^\d{5}$/), fc.stringMatching(/^\d{5}-\d{4}$/));
    fc.assert(
      fc.property(zip, (value) => {
        expect(readZipCode(value)).toEqual({ ok: true, value });
      }),
    );
  });

  it("reads any ZIP Sheets turned into a number back to the ZIP", () => {
    // Real ZIPs start at 00501.
    const zip = fc
      .oneof(fc.stringMatching(/^\d{5}$/), fc.stringMatching(/^\d{9}$/))
      .filter((digits) => Number(digits.slice(0, 5)) >= 501);
    fc.assert(
      fc.property(zip, (digits) => {
        const reading = readZipCode(Number(digits));
        const expected = digits.length === 9 ? `${digits.slice(0, 5)}-${digits.slice(5)}` : digits;
        expect(reading.ok && reading.value).toBe(expected);
      }),
    );
  });
});
