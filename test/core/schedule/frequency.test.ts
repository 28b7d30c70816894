import fc from "fast-check";
import { nextRunAfter as sandboxNextRun, WEEK_DAYS } from "../../../sandbox/runtime/services/clockSchedule";
import { describeFrequency, nextRunAfter } from "../../../src/core/schedule/frequency";
import type { Frequency } from "../../../src/shared/bridge";

const NEW_YORK = "America/New_York";
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("describeFrequency", () => {
  it.each<[Frequency, string]>([
    [{ kind: "hours", every: 1 }, "Every hour"],
    [{ kind: "hours", every: 6 }, "Every 6 hours"],
    [{ kind: "hours", every: 12 }, "Every 12 hours"],
    [{ kind: "daily", hour: 9 }, "Daily at 9 am"],
    [{ kind: "daily", hour: 0 }, "Daily at midnight"],
    [{ kind: "daily", hour: 12 }, "Daily at noon"],
    [{ kind: "daily", hour: 13 }, "Daily at 1 pm"],
    [{ kind: "daily", hour: 23 }, "Daily at 11 pm"],
    [{ kind: "weekly", day: "MONDAY", hour: 17 }, "Weekly on Monday at 5 pm"],
    [{ kind: "weekly", day: "SUNDAY", hour: 11 }, "Weekly on Sunday at 11 am"],
  ])("describes %j as %s", (frequency, words) => {
    expect(describeFrequency(frequency)).toBe(words);
  });
});

describe("nextRunAfter, every few hours", () => {
  const since = at("2026-03-07T15:20:00Z");

  it("runs a whole number of periods after the trigger was created, never at its creation", () => {
    const every6 = { kind: "hours", every: 6 } as const;
    expect(iso(nextRunAfter(every6, { now: since, since, timeZone: NEW_YORK }))).toBe("2026-03-07T21:20:00.000Z");
    expect(iso(nextRunAfter(every6, { now: since + 7 * HOUR, since, timeZone: NEW_YORK }))).toBe(
      "2026-03-08T03:20:00.000Z",
    );
  });

  it("counts a run due exactly now as the next one", () => {
    const every2 = { kind: "hours", every: 2 } as const;
    expect(nextRunAfter(every2, { now: since + 4 * HOUR, since, timeZone: NEW_YORK })).toBe(since + 4 * HOUR);
  });

  it("counts elapsed hours, so a daylight-saving change does not move the runs", () => {
    // 2026-03-08 02:00 in New York jumps to 03:00.
    const every4 = { kind: "hours", every: 4 } as const;
    const runs = [since];
    for (let i = 0; i < 6; i++) {
      runs.push(nextRunAfter(every4, { now: runs[runs.length - 1]! + 1, since, timeZone: NEW_YORK }));
    }
    expect(runs.slice(1).map((run, i) => run - runs[i]!)).toEqual(Array(6).fill(4 * HOUR));
  });
});

describe("nextRunAfter, daily in New York", () => {
  const daily = (hour: number) => ({ kind: "daily", hour }) as const;
  const next = (frequency: Frequency, now: string) =>
    iso(nextRunAfter(frequency, { now: at(now), since: at("2026-01-01T00:00:00Z"), timeZone: NEW_YORK }));

  it("runs later today when the hour is still to come, otherwise tomorrow", () => {
    expect(next(daily(9), "2026-01-15T13:59:00Z")).toBe("2026-01-15T14:00:00.000Z");
    expect(next(daily(9), "2026-01-15T14:00:00Z")).toBe("2026-01-15T14:00:00.000Z");
    expect(next(daily(9), "2026-01-15T14:01:00Z")).toBe("2026-01-16T14:00:00.000Z");
  });

  it("reads the day in New York, not in UTC", () => {
    // 02:00 UTC on the 16th is still the evening of the 15th in New York.
    expect(next(daily(22), "2026-01-16T02:00:00Z")).toBe("2026-01-16T03:00:00.000Z");
  });

  it("keeps 9 am on the wall clock when clocks spring forward", () => {
    expect(next(daily(9), "2026-03-07T15:00:00Z")).toBe("2026-03-08T13:00:00.000Z");
    expect(next(daily(9), "2026-03-08T13:30:00Z")).toBe("2026-03-09T13:00:00.000Z");
  });

  it("keeps 9 am on the wall clock when clocks fall back", () => {
    expect(next(daily(9), "2026-10-31T14:00:00Z")).toBe("2026-11-01T14:00:00.000Z");
  });

  it("runs an hour the spring-forward jump skips an hour later", () => {
    // 2 am does not exist on 2026-03-08: the run comes at 3 am EDT.
    expect(next(daily(2), "2026-03-07T12:00:00Z")).toBe("2026-03-08T07:00:00.000Z");
    expect(next(daily(2), "2026-03-08T07:30:00Z")).toBe("2026-03-09T06:00:00.000Z");
  });

  it("runs an hour that happens twice only once, at its first", () => {
    // 1 am happens twice on 2026-11-01: at 05:00 UTC (EDT) and at 06:00 UTC (EST).
    expect(next(daily(1), "2026-10-31T12:00:00Z")).toBe("2026-11-01T05:00:00.000Z");
    expect(next(daily(1), "2026-11-01T05:30:00Z")).toBe("2026-11-02T06:00:00.000Z");
  });

  it("runs at midnight of the next day", () => {
    expect(next(daily(0), "2026-12-31T12:00:00Z")).toBe("2027-01-01T05:00:00.000Z");
  });
});

describe("nextRunAfter, weekly in New York", () => {
  const mondayAt5pm = { kind: "weekly", day: "MONDAY", hour: 17 } as const;
  const next = (frequency: Frequency, now: string) =>
    iso(nextRunAfter(frequency, { now: at(now), since: at("2026-01-01T00:00:00Z"), timeZone: NEW_YORK }));

  it("runs on the next Monday at 5 pm", () => {
    // Wednesday 2026-01-14.
    expect(next(mondayAt5pm, "2026-01-14T15:00:00Z")).toBe("2026-01-19T22:00:00.000Z");
  });

  it("runs the same Monday when 5 pm is still to come, else the Monday after", () => {
    expect(next(mondayAt5pm, "2026-01-19T21:59:00Z")).toBe("2026-01-19T22:00:00.000Z");
    expect(next(mondayAt5pm, "2026-01-19T22:00:01Z")).toBe("2026-01-26T22:00:00.000Z");
  });

  it("reads the week day in New York: late Monday in New York is Tuesday in UTC", () => {
    expect(next(mondayAt5pm, "2026-01-20T03:00:00Z")).toBe("2026-01-26T22:00:00.000Z");
    expect(next({ kind: "weekly", day: "TUESDAY", hour: 1 }, "2026-01-20T03:00:00Z")).toBe("2026-01-20T06:00:00.000Z");
  });

  it("rolls over the end of the year", () => {
    // Thursday 2026-12-31 → Monday 2027-01-04.
    expect(next(mondayAt5pm, "2026-12-31T12:00:00Z")).toBe("2027-01-04T22:00:00.000Z");
  });

  it("runs from Saturday to Sunday", () => {
    expect(next({ kind: "weekly", day: "SUNDAY", hour: 9 }, "2026-01-17T20:00:00Z")).toBe("2026-01-18T14:00:00.000Z");
  });

  it("keeps the wall-clock hour across the daylight-saving changes", () => {
    // Sunday 2026-03-08 springs forward; Sunday 2026-11-01 falls back.
    expect(next(mondayAt5pm, "2026-03-03T12:00:00Z")).toBe("2026-03-09T21:00:00.000Z");
    expect(next(mondayAt5pm, "2026-10-27T12:00:00Z")).toBe("2026-11-02T22:00:00.000Z");
  });
});

describe("nextRunAfter in other time zones", () => {
  it("follows the time zone given, whatever the process's", () => {
    const now = at("2026-06-01T00:00:00Z");
    const since = now;
    expect(iso(nextRunAfter({ kind: "daily", hour: 9 }, { now, since, timeZone: "Asia/Kolkata" }))).toBe(
      "2026-06-01T03:30:00.000Z",
    );
    expect(iso(nextRunAfter({ kind: "daily", hour: 9 }, { now, since, timeZone: "Etc/UTC" }))).toBe(
      "2026-06-01T09:00:00.000Z",
    );
  });
});

describe("nextRunAfter and the sandbox's trigger clock", () => {
  const DAY = 24 * HOUR;
  const zones = ["America/New_York", "America/Los_Angeles", "Europe/London", "Australia/Sydney", "Asia/Kolkata"];
  /** Daylight-saving changes of those zones in 2026, around which half the instants fall. */
  const changes = [
    "2026-03-08T07:00:00Z",
    "2026-11-01T06:00:00Z",
    "2026-03-08T10:00:00Z",
    "2026-11-01T09:00:00Z",
    "2026-03-29T01:00:00Z",
    "2026-10-25T01:00:00Z",
    "2026-04-04T16:00:00Z",
    "2026-10-03T16:00:00Z",
  ].map(at);
  const instant = fc.oneof(
    fc.integer({ min: at("2024-01-01T00:00:00Z"), max: at("2028-12-31T00:00:00Z") }),
    fc
      .tuple(fc.constantFrom(...changes), fc.integer({ min: -8 * DAY, max: 8 * DAY }))
      .map(([change, offset]) => change + offset),
  );
  const hour = fc.integer({ min: 0, max: 23 });

  it("agree on daily runs at the start of the hour", () => {
    fc.assert(
      fc.property(instant, hour, fc.constantFrom(...zones), (now, hour, timeZone) => {
        const sandbox = sandboxNextRun(
          { kind: "daily", everyDays: 1, hour, minute: 0 },
          timeZone,
          now - 30 * DAY,
          now - 1,
        );
        expect(nextRunAfter({ kind: "daily", hour }, { now, since: now, timeZone })).toBe(sandbox);
      }),
    );
  });

  it("agree on weekly runs at the start of the hour", () => {
    fc.assert(
      fc.property(
        instant,
        hour,
        fc.constantFrom(...WEEK_DAYS),
        fc.constantFrom(...zones),
        (now, hour, day, timeZone) => {
          const sandbox = sandboxNextRun(
            { kind: "weekly", everyWeeks: 1, weekDay: day, hour, minute: 0 },
            timeZone,
            now - 30 * DAY,
            now - 1,
          );
          expect(nextRunAfter({ kind: "weekly", day, hour }, { now, since: now, timeZone })).toBe(sandbox);
        },
      ),
    );
  });

  it("agree on runs every few hours", () => {
    const every = fc.constantFrom(1, 2, 4, 6, 8, 12 as const);
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 90 * DAY }), every, (since, elapsed, every) => {
        const now = since + elapsed;
        const sandbox = sandboxNextRun({ kind: "hourly", everyHours: every }, NEW_YORK, since, now - 1);
        expect(nextRunAfter({ kind: "hours", every }, { now, since, timeZone: NEW_YORK })).toBe(sandbox);
      }),
    );
  });
});
