import { AUTOMATIC_FORMAT, formatNumber, isDateFormat } from "../../../../sandbox/runtime/spreadsheet/numberFormats";

describe("formatNumber", () => {
  it.each<[number, string | undefined, string]>([
    [1001, undefined, "1001"],
    [-3.5, undefined, "-3.5"],
    [4155550100, undefined, "4155550100"],
    [1 / 3, undefined, "0.3333333333"],
    [1e21, undefined, "1E+21"],
    [1234567890123456, undefined, "1.23457E+15"],
    [1001, AUTOMATIC_FORMAT, "1001"],
    [1001, "@", "1001"],
    [2134, "00000", "02134"],
    [0.5, "0%", "50%"],
    [0.125, "0.00%", "12.50%"],
    [2.99, '"$"#,##0.00', "$2.99"],
    [-2.99, '"$"#,##0.00', "-$2.99"],
    [1000000, "#,##0", "1,000,000"],
    [1234.5, "#,##0.00", "1,234.50"],
    [2.675, "0.00", "2.68"],
    [0.5, "#.##", ".5"],
    [3, "0.0#", "3.0"],
    [100000, "0.00E+00", "1.00E+05"],
    [-1234.5, "#,##0.00;(#,##0.00)", "(1,234.50)"],
    [0, '0;-0;"zero"', "zero"],
    [12, '0 "units"', "12 units"],
    [46095, "M/d/yyyy", "3/14/2026"],
    [46095, "MM/dd/yy", "03/14/26"],
    [46095, "yyyy-mm-dd", "2026-03-14"],
    [46095.9375, "M/d/yyyy H:mm:ss", "3/14/2026 22:30:00"],
    [46095.9375, "h:mm AM/PM", "10:30 PM"],
    [46095.0625, "hh:mm a/p", "01:30 A"],
    [46095, "dddd, mmmm d", "Saturday, March 14"],
    [46095, 'ddd d "of" mmm', "Sat 14 of Mar"],
  ])("%d in format %j shows %j", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });
});

describe("isDateFormat", () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ["M/d/yyyy", true],
    ["yyyy-mm-dd", true],
    ["h:mm", true],
    ["0.00", false],
    ["0.00E+00", false],
    ['"$"#,##0.00', false],
    ['0 "days"', false],
    ["@", false],
    [AUTOMATIC_FORMAT, false],
  ])("%j: %s", (format, expected) => {
    expect(isDateFormat(format)).toBe(expected);
  });
});
