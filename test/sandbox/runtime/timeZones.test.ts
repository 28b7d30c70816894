import fc from "fast-check";
import { instantOfWallClock, isKnownTimeZone, wallClockAt, wallClockOf } from "../../../sandbox/runtime/timeZones";

const ZONES = [
  "America/New_York",
  "America/Sao_Paulo",
  "Europe/London",
  "Pacific/Auckland",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Africa/Monrovia",
  "UTC",
];

describe("time zones", () => {
  it.each([
    ["America/New_York", true],
    ["Pacific/Auckland", true],
    ["UTC", true],
    ["Mars/Olympus_Mons", false],
    ["", false],
  ])("knows whether %j is a time zone: %s", (timeZone, known) => {
    expect(isKnownTimeZone(timeZone)).toBe(known);
  });

  it.each([
    [2026, 3, 14, 13, 5, 9, "2026-03-14T13:05:09.000Z"],
    [2024, 2, 29, 0, 0, 0, "2024-02-29T00:00:00.000Z"],
    [50, 1, 2, 0, 0, 0, "0050-01-02T00:00:00.000Z"],
  ])("writes %i-%i-%i %i:%i:%i as the wall clock %s", (year, month, day, hour, minute, second, iso) => {
    expect(new Date(wallClockOf(year, month, day, hour, minute, second)).toISOString()).toBe(iso);
  });

  it.each([
    // New York fell back at 06:00 UTC on 1 November 2026: 01:59 EDT, then 01:00 EST.
    ["America/New_York", "2026-11-01T05:59:00.000Z", "2026-11-01T01:59:00.000Z"],
    ["America/New_York", "2026-11-01T06:00:00.000Z", "2026-11-01T01:00:00.000Z"],
    // Liberia left its local mean time (-0:44:30) at midnight on 7 January 1972, in the middle of a quarter hour.
    ["Africa/Monrovia", "1972-01-07T00:30:00.000Z", "1972-01-06T23:45:30.000Z"],
    ["Africa/Monrovia", "1972-01-07T00:44:29.000Z", "1972-01-06T23:59:59.000Z"],
    ["Africa/Monrovia", "1972-01-07T00:44:30.000Z", "1972-01-07T00:44:30.000Z"],
    ["Africa/Monrovia", "1972-01-07T00:44:59.999Z", "1972-01-07T00:44:59.999Z"],
  ])(
    "in %s the instant %s shows the wall clock %s, on either side of a change of offset",
    (timeZone, instant, wall) => {
      expect(new Date(wallClockAt(Date.parse(instant), timeZone)).toISOString()).toBe(wall);
    },
  );

  it.each([
    // A time skipped when clocks go forward moves forward by the jump.
    ["America/New_York", "2026-03-08T02:30", "2026-03-08T07:30:00.000Z"],
    ["Pacific/Auckland", "2026-09-27T02:30", "2026-09-26T14:30:00.000Z"],
    ["America/Sao_Paulo", "2018-11-04T00:00", "2018-11-04T03:00:00.000Z"],
    // A time repeated when clocks go back is the first of its two instants.
    ["America/New_York", "2026-11-01T01:30", "2026-11-01T05:30:00.000Z"],
    ["Pacific/Auckland", "2026-04-05T02:30", "2026-04-04T13:30:00.000Z"],
    ["Europe/London", "2026-10-25T01:30", "2026-10-25T00:30:00.000Z"],
    // Any other time has a single instant.
    ["Asia/Kathmandu", "2026-03-14T12:00", "2026-03-14T06:15:00.000Z"],
  ])("in %s the wall clock %s is the instant %s, as Java resolves it", (timeZone, wall, iso) => {
    const wallClock = Date.parse(`${wall}Z`);
    expect(new Date(instantOfWallClock(wallClock, timeZone)).toISOString()).toBe(iso);
  });

  it("finds the earliest instant that shows a wall-clock time, whatever the zone's changes of offset", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
        fc.constantFrom(...ZONES),
        (instant, timeZone) => {
          const wallClock = wallClockAt(instant, timeZone);
          const found = instantOfWallClock(wallClock, timeZone);
          expect(wallClockAt(found, timeZone)).toBe(wallClock);
          // Never later than any instant showing it: the earlier one where clocks went back.
          expect(found).toBeLessThanOrEqual(instant);
        },
      ),
    );
  });
});
