import { leftOutBecause } from "../../../src/core/roster/include";
import type { CellValue } from "../../../src/core/roster/model";

describe("leftOutBecause", () => {
  it.each<[CellValue, string]>([
    [false, "FALSE"],
    ["FALSE", "FALSE"],
    ["false", "false"],
    ["No", "No"],
    ["NO", "NO"],
    ["n", "n"],
    ["N", "N"],
    [0, "0"],
    ["0", "0"],
    ["Excluded", "Excluded"],
    ["excluded", "excluded"],
    ["TERMINATED", "TERMINATED"],
    [" Terminated\u00A0", "Terminated"],
  ])("leaves the row out for %j, saying %j", (cell, says) => {
    expect(leftOutBecause(cell)).toBe(says);
  });

  it.each<[CellValue | undefined]>([
    [""],
    [undefined],
    [true],
    ["TRUE"],
    ["Yes"],
    ["Y"],
    [1],
    ["Active"],
    ["Inactive"],
    ["No longer"],
    ["#N/A"],
    [new Date(0)],
  ])("keeps the row in for %j", (cell) => {
    expect(leftOutBecause(cell)).toBeNull();
  });
});
