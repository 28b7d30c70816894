import fc from "fast-check";
import { civilDate, createZonedDateReader } from "../../../../src/core/roster/fields/zonedDates";

/** Zones with daylight saving, half-hour and odd offsets, local mean time, and a skipped day (Apia, 2011-12-30). */
const ZONES = [
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "America/Santiago",
  "Africa/Casablanca",
  "Pacific/Apia",
  "America/St_Johns",
  "Etc/UTC",
];
const DAY_MS = 86_400_000;
/** 1800 to 2100. */
const INSTANT = fc.integer({ min: Date.UTC(1800, 0, 1), max: Date.UTC(2100, 0, 1) });

const formats = new Map<string, Intl.DateTimeFormat>();

function intlDate(timeZone: string, instant: number) {
  const format =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
  formats.set(timeZone, format);
  const [month, day, year] = format.format(instant).split("/").map(Number);
  return { year, month, day };
}

describe("createZonedDateReader", () => {
  it.each(ZONES)("gives the date Intl shows for any instant in %s", (timeZone) => {
    const read = createZonedDateReader(timeZone);
    fc.assert(
      fc.property(INSTANT, (instant) => {
        expect(read(instant)).toEqual(intlDate(timeZone, instant));
      }),
      { numRuns: 500 },
    );
  });

  it.each(ZONES)("gives the date Intl shows around midnight of every day of 2011 in %s", (timeZone) => {
    const read = createZonedDateReader(timeZone);
    for (let day = Date.UTC(2011, 0, 1); day < Date.UTC(2012, 0, 1); day += DAY_MS) {
      for (const hour of [-14, -12, -5, -3, 0, 3, 5, 10, 13]) {
        const instant = day + hour * 3_600_000;
        expect(read(instant)).toEqual(intlDate(timeZone, instant));
      }
    }
  });
});

describe("civilDate", () => {
  it("is the UTC date of the day's midnight", () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 800_000 }), (days) => {
        const date = new Date(days * DAY_MS);
        expect(civilDate(days)).toEqual({
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
        });
      }),
    );
  });
});
