import { zonedClock, zonedTimeText } from "../../../src/core/schedule/zonedClock";
import { defineCase } from "../harness";

/** The wall clock and offset Intl reads at an instant, as "2026-04-05 02:59:59 GMT+13". */
function wallClockText(timeZone: string, iso: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "shortOffset",
  }).formatToParts(new Date(iso));
  const field = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? "?";
  return `${field("year")}-${field("month")}-${field("day")} ${field("hour")}:${field("minute")}:${field("second")} ${field("timeZoneName")}`;
}

/** Instants a second either side of a change of offset, and what the wall clock shows then. */
const AROUND_CHANGES: Record<string, [string, string][]> = {
  "Pacific/Auckland": [
    // Clocks go back an hour at 3 am NZDT on 5 April 2026, forward at 2 am NZST on 27 September.
    ["2026-04-04T13:59:59Z", "2026-04-05 02:59:59 GMT+13"],
    ["2026-04-04T14:00:00Z", "2026-04-05 02:00:00 GMT+12"],
    ["2026-09-26T13:59:59Z", "2026-09-27 01:59:59 GMT+12"],
    ["2026-09-26T14:00:00Z", "2026-09-27 03:00:00 GMT+13"],
  ],
  "America/Los_Angeles": [
    ["2026-03-08T09:59:59Z", "2026-03-08 01:59:59 GMT-8"],
    ["2026-03-08T10:00:00Z", "2026-03-08 03:00:00 GMT-7"],
    ["2026-11-01T08:59:59Z", "2026-11-01 01:59:59 GMT-7"],
    ["2026-11-01T09:00:00Z", "2026-11-01 01:00:00 GMT-8"],
  ],
  // Hawaii keeps standard time all year.
  "Pacific/Honolulu": [
    ["2026-01-15T12:00:00Z", "2026-01-15 02:00:00 GMT-10"],
    ["2026-07-15T12:00:00Z", "2026-07-15 02:00:00 GMT-10"],
  ],
};

export const timeZoneCases = [
  ...Object.keys(AROUND_CHANGES).map((timeZone) =>
    defineCase(
      `intl-${timeZone.toLowerCase().replace(/\//g, "-")}`,
      `Apps Script's V8 carries the IANA zone ${timeZone}: Intl.DateTimeFormat's formatToParts gives its wall clock and offset on either side of a daylight-saving change.`,
      (t) => {
        for (const [iso, shown] of AROUND_CHANGES[timeZone]!) t.equal(wallClockText(timeZone, iso), shown, iso);
      },
    ),
  ),
  defineCase(
    "intl-product-zoned-clock",
    "The schedule's clock (src/core/schedule/zonedClock.ts) resolves a skipped hour an hour later and names the zone as the sidebar shows it.",
    (t) => {
      const losAngeles = zonedClock("America/Los_Angeles");
      const springForward = losAngeles.dayAt(Date.parse("2026-03-08T12:00:00Z"));
      t.equal(
        new Date(losAngeles.startOfHour(springForward, 2)).toISOString(),
        "2026-03-08T10:00:00.000Z",
        "2 am on 8 March in Los Angeles",
      );
      const auckland = zonedClock("Pacific/Auckland");
      const fallBack = auckland.dayAt(Date.parse("2026-04-04T20:00:00Z"));
      t.equal(
        new Date(auckland.startOfHour(fallBack, 2)).toISOString(),
        "2026-04-04T13:00:00.000Z",
        "the first 2 am on 5 April in Auckland",
      );
      t.equal(
        zonedTimeText(Date.parse("2026-11-23T15:00:00Z"), "America/New_York"),
        "Nov 23, 2026, 10:00 AM EST",
        "the sidebar's time",
      );
      t.equal(
        zonedTimeText(Date.parse("2026-04-04T14:00:00Z"), "Pacific/Auckland"),
        "Apr 5, 2026, 2:00 AM GMT+12",
        "a zone without a US abbreviation",
      );
    },
  ),
  defineCase(
    "utilities-format-date",
    "Utilities.formatDate formats an instant in a named zone with Java's patterns, daylight saving included (the add-on's today()).",
    (t) => {
      const before = new Date(Date.parse("2026-03-08T09:59:00Z"));
      const after = new Date(Date.parse("2026-03-08T10:00:00Z"));
      t.equal(
        Utilities.formatDate(before, "America/Los_Angeles", "yyyy-MM-dd HH:mm Z"),
        "2026-03-08 01:59 -0800",
        "before the change",
      );
      t.equal(
        Utilities.formatDate(after, "America/Los_Angeles", "yyyy-MM-dd HH:mm Z"),
        "2026-03-08 03:00 -0700",
        "after the change",
      );
      t.equal(Utilities.formatDate(after, "Pacific/Auckland", "yyyy-MM-dd"), "2026-03-08", "the date in Auckland");
    },
  ),
];
