import fc from "fast-check";
import {
  instantFromSerial,
  serialFromInstant,
  serialFromWallClock,
} from "../../../../sandbox/runtime/spreadsheet/serialDates";
import { wallClockAt, wallClockOf } from "../../../../sandbox/runtime/timeZones";

const ZONES = ["America/New_York", "Pacific/Auckland", "America/Los_Angeles", "UTC", "Asia/Kathmandu", "Asia/Kolkata"];

describe("serial dates", () => {
  it.each([
    [1899, 12, 30, 0],
    [1900, 1, 1, 2],
    [1990, 3, 14, 32946],
    [2026, 3, 14, 46095],
  ])("%i-%i-%i is serial %i", (year, month, day, serial) => {
    expect(serialFromWallClock(wallClockOf(year, month, day))).toBe(serial);
  });

  it.each([
    // Midnight of 14 March 2026: daylight time in both zones (New York since 8 March, Auckland until 5 April).
    ["America/New_York", 46095, "2026-03-14T04:00:00.000Z"],
    ["Pacific/Auckland", 46095, "2026-03-13T11:00:00.000Z"],
    // Auckland after daylight time ends (5 April 2026) and after it starts again (27 September).
    ["Pacific/Auckland", serialFromWallClock(wallClockOf(2026, 4, 6)), "2026-04-05T12:00:00.000Z"],
    ["Pacific/Auckland", serialFromWallClock(wallClockOf(2026, 9, 28)), "2026-09-27T11:00:00.000Z"],
    // New York on the day clocks go forward: 01:30 is still standard time, 03:30 daylight time.
    ["America/New_York", serialFromWallClock(wallClockOf(2026, 3, 8, 1, 30)), "2026-03-08T06:30:00.000Z"],
    ["America/New_York", serialFromWallClock(wallClockOf(2026, 3, 8, 3, 30)), "2026-03-08T07:30:00.000Z"],
    ["Asia/Kathmandu", 46095.5, "2026-03-14T06:15:00.000Z"],
  ])("in %s serial %d is the instant %s", (timeZone, serial, iso) => {
    expect(new Date(instantFromSerial(serial, timeZone)).toISOString()).toBe(iso);
    expect(serialFromInstant(Date.parse(iso), timeZone)).toBeCloseTo(serial, 9);
  });

  it("reads an instant back at the same wall-clock time in any zone, across daylight-saving changes", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...ZONES),
        (instant, timeZone) => {
          const back = instantFromSerial(serialFromInstant(instant, timeZone), timeZone);
          // In the hour clocks go back, one wall-clock time is two instants; either is a faithful reading.
          expect(wallClockAt(back, timeZone)).toBe(wallClockAt(instant, timeZone));
        },
      ),
    );
  });
});
