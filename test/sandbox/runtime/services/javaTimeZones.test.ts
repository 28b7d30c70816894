import fc from "fast-check";
import { instantOf, localTime, zoneRule } from "../../../../sandbox/runtime/services/javaTimeZones";

const ZONES = ["America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Kolkata", "Australia/Sydney", "UTC"];
const MINUTE = 60_000;

describe("time zones", () => {
  it("finds the instant of any wall-clock time that exists, whatever the daylight-saving rules", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2000, 0, 1) / MINUTE, max: Date.UTC(2040, 0, 1) / MINUTE }),
        (id, minutes) => {
          const zone = zoneRule(id);
          const local = localTime(minutes * MINUTE, zone);
          const instant = instantOf(local, zone);
          expect(localTime(instant, zone)).toEqual(local);
          // A time that happens twice resolves to the earlier instant.
          expect(instant).toBeLessThanOrEqual(minutes * MINUTE);
        },
      ),
    );
  });

  it.each([
    [
      "a time skipped in spring moves forward by the jump",
      { year: 2026, month: 3, day: 8, hour: 2, minute: 30 },
      "2026-03-08T07:30:00.000Z",
    ],
    [
      "a time repeated in autumn is the first of the two",
      { year: 2026, month: 11, day: 1, hour: 1, minute: 30 },
      "2026-11-01T05:30:00.000Z",
    ],
    ["an ordinary time", { year: 2026, month: 7, day: 4, hour: 12, minute: 0 }, "2026-07-04T16:00:00.000Z"],
  ])("resolves %s as Java does", (_label, local, expected) => {
    expect(new Date(instantOf(local, zoneRule("America/New_York"))).toISOString()).toBe(expected);
  });

  it("reads custom GMT offsets, and falls back to GMT for IDs Java does not know", () => {
    expect(zoneRule("GMT-0330").offsetMinutes(0)).toBe(-210);
    expect(zoneRule("GMT+5").offsetMinutes(0)).toBe(300);
    expect(zoneRule("Mars/Olympus_Mons").offsetMinutes(Date.UTC(2026, 6, 1))).toBe(0);
  });
});
