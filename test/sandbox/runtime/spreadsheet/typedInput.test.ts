import fc from "fast-check";
import {
  CURRENCY_FORMAT,
  GROUPED_DECIMAL_FORMAT,
  GROUPED_INTEGER_FORMAT,
  PERCENT_DECIMAL_FORMAT,
  PERCENT_FORMAT,
  SCIENTIFIC_FORMAT,
  US_DATE_FORMAT,
  US_DATE_TIME_FORMAT,
  parseTypedInput,
  type TypedValue,
} from "../../../../sandbox/runtime/spreadsheet/typedInput";

/** 14 March 2026 is serial 46095 (days since 30 December 1899). */
const MARCH_14_2026 = 46095;

const number = (value: number, numberFormat?: string): TypedValue =>
  numberFormat === undefined ? { kind: "number", value } : { kind: "number", value, numberFormat };
const date = (serial: number, numberFormat: string): TypedValue => ({ kind: "date", serial, numberFormat });
const text = (value: string): TypedValue => ({ kind: "text", text: value });

describe("parseTypedInput", () => {
  it.each<[string, TypedValue]>([
    ["", { kind: "empty" }],
    ["1001", number(1001)],
    ["02134", number(2134)],
    ["-3.5", number(-3.5)],
    ["+5", number(5)],
    [".5", number(0.5)],
    ["5.", number(5)],
    [" 42 ", number(42)],
    ["-0", number(0)],
    ["4155550100", number(4155550100)],
    ["+14155550100", number(14155550100)],
    ["1,000,000", number(1000000, GROUPED_INTEGER_FORMAT)],
    ["1,234.5", number(1234.5, GROUPED_DECIMAL_FORMAT)],
    ["1e5", number(100000, SCIENTIFIC_FORMAT)],
    ["2.5E-3", number(0.0025, SCIENTIFIC_FORMAT)],
    ["$2.99", number(2.99, CURRENCY_FORMAT)],
    ["$1,000", number(1000, CURRENCY_FORMAT)],
    ["-$2.99", number(-2.99, CURRENCY_FORMAT)],
    ["$-2.99", number(-2.99, CURRENCY_FORMAT)],
    ["50%", number(0.5, PERCENT_FORMAT)],
    ["7%", number(0.07, PERCENT_FORMAT)],
    ["12.5%", number(0.125, PERCENT_DECIMAL_FORMAT)],
    ["TRUE", { kind: "boolean", value: true }],
    ["false", { kind: "boolean", value: false }],
    ["True", { kind: "boolean", value: true }],
    ["=SUM(A1:A2)", { kind: "formula", formula: "=SUM(A1:A2)" }],
    ["'=SUM(A1:A2)", text("=SUM(A1:A2)")],
    ["'0123", text("0123")],
    ["'TRUE", text("TRUE")],
    ["'", { kind: "empty" }],
    ["=", text("=")],
    ["3/14/2026", date(MARCH_14_2026, US_DATE_FORMAT)],
    ["03/14/2026", date(MARCH_14_2026, US_DATE_FORMAT)],
    ["2026-03-14", date(MARCH_14_2026, "yyyy-mm-dd")],
    ["2026/3/14", date(MARCH_14_2026, "yyyy/mm/dd")],
    ["3/14/26", date(MARCH_14_2026, US_DATE_FORMAT)],
    ["1/2/29", date(47120, US_DATE_FORMAT)],
    ["1/2/30", date(10960, US_DATE_FORMAT)],
    ["2/29/2024", date(45351, US_DATE_FORMAT)],
    ["3/14/2026 13:30", date(MARCH_14_2026 + 13.5 / 24, US_DATE_TIME_FORMAT)],
    ["3/14/2026 1:30 PM", date(MARCH_14_2026 + 13.5 / 24, US_DATE_TIME_FORMAT)],
    ["3/14/2026 12:00:30 am", date(MARCH_14_2026 + 30 / 86400, US_DATE_TIME_FORMAT)],
    ["2026-03-14 06:00", date(MARCH_14_2026 + 0.25, "yyyy-mm-dd H:mm:ss")],
  ])("%j is entered as %j", (input, expected) => {
    const parsed = parseTypedInput(input);
    if (parsed.kind === "date" && expected.kind === "date") {
      expect(parsed.numberFormat).toBe(expected.numberFormat);
      expect(parsed.serial).toBeCloseTo(expected.serial, 9);
    } else {
      expect(parsed).toEqual(expected);
    }
  });

  it.each([
    "(415) 555-0100",
    "415-555-0100",
    "+1 415 555 0100",
    "94102-1234",
    "1,00",
    "1.2.3",
    "$",
    "-",
    ".",
    "+-5",
    "$5%",
    "1e999",
    "NaN",
    "Infinity",
    "12 Main St",
    "  Ann  ",
    "2/29/2025",
    "2/30/2026",
    "13/1/2026",
    "3/14/2026 25:00",
    "3/14/2026 13:30 PM",
    "3/14",
    "3-14-2026",
    "#N/A",
  ])("%j stays text exactly as given", (input) => {
    expect(parseTypedInput(input)).toEqual(text(input));
  });

  it("reads any integer typed in decimal as that number", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(parseTypedInput(String(n))).toEqual(number(n === 0 ? 0 : n));
      }),
    );
  });

  it("keeps whatever follows a leading apostrophe as text", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (rest) => {
        expect(parseTypedInput(`'${rest}`)).toEqual(text(rest));
      }),
    );
  });
});
