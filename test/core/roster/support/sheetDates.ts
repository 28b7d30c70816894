import { instantOfWallClock, wallClockOf } from "../../../../sandbox/runtime/timeZones";

/**
 * The `Date` that `Range.getValues()` returns for a date cell of a spreadsheet in `timeZone`:
 * the instant of that calendar date's midnight (plus `hour` for a date-time cell) there.
 */
export function sheetDateCell(timeZone: string, isoDate: string, hour = 0): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(instantOfWallClock(wallClockOf(year, month, day, hour), timeZone));
}
