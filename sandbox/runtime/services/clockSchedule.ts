import { instantOf, localTime, zoneRule, type LocalTime } from "./javaTimeZones";

/** ScriptApp.WeekDay's members, in the order of JavaScript's `getDay()`. */
export const WEEK_DAYS = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"] as const;
export type WeekDayName = (typeof WEEK_DAYS)[number];

/** When a time-driven trigger fires; hours and week days are read in the trigger's time zone. */
export type ClockSchedule =
  /** Every n hours of elapsed time from the trigger's creation. */
  | { kind: "hourly"; everyHours: number }
  | { kind: "daily"; everyDays: number; hour: number; minute: number }
  | { kind: "weekly"; everyWeeks: number; weekDay: WeekDayName; hour: number; minute: number }
  /** Once, at an instant (`after(ms)` / `at(date)`). */
  | { kind: "once"; at: number };

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** When a trigger created at `createdAt` fires first; a one-off set in the past fires at once. */
export function firstRun(schedule: ClockSchedule, timeZone: string, createdAt: number): number {
  if (schedule.kind === "once") return Math.max(schedule.at, createdAt);
  return nextRunAfter(schedule, timeZone, createdAt, createdAt)!;
}

/** The first run strictly after `after`, or null when a one-off trigger has no run left. */
export function nextRunAfter(
  schedule: ClockSchedule,
  timeZone: string,
  createdAt: number,
  after: number,
): number | null {
  switch (schedule.kind) {
    case "once":
      return schedule.at > after ? schedule.at : null;
    case "hourly": {
      const step = schedule.everyHours * HOUR_MS;
      return createdAt + Math.max(1, Math.floor((after - createdAt) / step) + 1) * step;
    }
    case "daily":
      return nextDayRun(timeZone, createdAt, after, schedule.everyDays, null, schedule.hour, schedule.minute);
    case "weekly":
      return nextDayRun(
        timeZone,
        createdAt,
        after,
        schedule.everyWeeks * 7,
        WEEK_DAYS.indexOf(schedule.weekDay),
        schedule.hour,
        schedule.minute,
      );
  }
}

/**
 * Runs at hour:minute on every `periodDays`-th day from the first run, which is the first
 * suitable day (the right week day, if any) whose run comes after the creation.
 */
function nextDayRun(
  timeZone: string,
  createdAt: number,
  after: number,
  periodDays: number,
  weekday: number | null,
  hour: number,
  minute: number,
): number {
  const zone = zoneRule(timeZone);
  const runOn = (day: number) => {
    const date = new Date(day * DAY_MS);
    return instantOf(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour, minute },
      zone,
    );
  };
  const created = localTime(createdAt, zone);
  let first = dayNumber(created) + (weekday === null ? 0 : (weekday - created.weekday + 7) % 7);
  if (runOn(first) <= createdAt) first += weekday === null ? 1 : 7;
  let period = Math.max(0, Math.floor((dayNumber(localTime(after, zone)) - first) / periodDays));
  while (runOn(first + period * periodDays) <= after) period += 1;
  return runOn(first + period * periodDays);
}

/** Days since 1970-01-01 of a wall-clock date. */
function dayNumber(time: LocalTime): number {
  return Date.UTC(time.year, time.month - 1, time.day) / DAY_MS;
}
