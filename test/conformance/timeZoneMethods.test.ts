import { zonedClock } from "../../src/core/schedule/zonedClock";
import { instantOfWallClock, wallClockAt } from "../../sandbox/runtime/timeZones";

/**
 * The sandbox reads a zone's offset from the name ICU gives it ("GMT+13:00"); the add-on works
 * it out from formatted calendar fields. Two methods over the same IANA data must agree at every
 * instant, daylight-saving changes included, or one of them is wrong.
 */

/** Each zone's sweep is some 30,000 reads of Intl: a second alone, several on a loaded machine. */
const SWEEP_TIMEOUT_MS = 60_000;
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const ZONES = [
  "America/Los_Angeles",
  "America/New_York",
  "Pacific/Honolulu",
  "Pacific/Auckland",
  "Pacific/Chatham",
  "Australia/Lord_Howe",
  "Europe/London",
  "America/Sao_Paulo",
  "Africa/Casablanca",
  "Asia/Kathmandu",
];

/** An odd step, so the sweep meets every time of day and minute over the years. */
const SWEEP_STEP_MS = 41 * HOUR_MS + 13 * MINUTE_MS;
const SWEEP_FROM = Date.UTC(2005, 0, 1);
const SWEEP_TO = Date.UTC(2031, 0, 1);
/** Changes of offset are found to the minute, and instants a few minutes apart checked around them. */
const NEAR_CHANGE_STEP_MS = 7 * MINUTE_MS;

interface Sweep {
  instants: number[];
  /** The instants at which the offset changes. */
  changes: number[];
}

/** Every instant of the sweep, plus instants in the two hours either side of each change of offset. */
function sweep(timeZone: string): Sweep {
  const instants: number[] = [];
  const changes: number[] = [];
  let previous = SWEEP_FROM;
  for (let instant = SWEEP_FROM; instant < SWEEP_TO; instant += SWEEP_STEP_MS) {
    if (wallClockAt(instant, timeZone) - instant !== wallClockAt(previous, timeZone) - previous) {
      let before = previous;
      let after = instant;
      while (after - before > MINUTE_MS) {
        const middle = before + Math.floor((after - before) / 2 / MINUTE_MS) * MINUTE_MS;
        if (wallClockAt(middle, timeZone) - middle === wallClockAt(before, timeZone) - before) before = middle;
        else after = middle;
      }
      changes.push(after);
      for (let near = after - 2 * HOUR_MS; near <= after + 2 * HOUR_MS; near += NEAR_CHANGE_STEP_MS)
        instants.push(near);
    }
    instants.push(instant);
    previous = instant;
  }
  return { instants, changes };
}

describe("the sandbox's time zones against the add-on's", () => {
  it.each(ZONES)(
    "%s: the same calendar day at every instant and the same instant for every hour",
    (timeZone) => {
      const product = zonedClock(timeZone);
      const { instants, changes } = sweep(timeZone);
      expect(instants.length).toBeGreaterThan(5_000);
      const dayDisagreements = instants.filter(
        (instant) => product.dayAt(instant) !== Math.floor(wallClockAt(instant, timeZone) / DAY_MS),
      );
      expect(dayDisagreements.map((instant) => new Date(instant).toISOString())).toEqual([]);

      // Every hour of the days either side of each change, and of every 97th day of the sweep.
      const days = new Set(changes.flatMap((change) => [-1, 0, 1].map((offset) => product.dayAt(change) + offset)));
      for (let day = SWEEP_FROM / DAY_MS; day < SWEEP_TO / DAY_MS; day += 97) days.add(day);
      const hourDisagreements: string[] = [];
      for (const day of days) {
        for (let hour = 0; hour < 24; hour++) {
          const sandbox = instantOfWallClock(day * DAY_MS + hour * HOUR_MS, timeZone);
          if (product.startOfHour(day, hour) !== sandbox)
            hourDisagreements.push(`${new Date(day * DAY_MS).toISOString().slice(0, 10)} ${hour}:00`);
        }
      }
      expect(hourDisagreements).toEqual([]);
    },
    SWEEP_TIMEOUT_MS,
  );
});
