import { dailyAt, everyHours, weeklyOn } from "../../messages/schedule";
import type { Frequency } from "./frequencySchema";
import { weekdayOf, zonedClock } from "./zonedClock";

type WeekDay = Extract<Frequency, { kind: "weekly" }>["day"];

const HOUR_MS = 3_600_000;
const DAYS_IN_A_WEEK = 7;

/** In the order of JavaScript's `getDay()`. */
const WEEK_DAYS: readonly WeekDay[] = ["SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"];

/** "Every hour", "Every 6 hours", "Daily at 9 am", "Weekly on Monday at 5 pm". */
export function describeFrequency(frequency: Frequency): string {
  switch (frequency.kind) {
    case "hours":
      return everyHours(frequency.every);
    case "daily":
      return dailyAt(frequency.hour);
    case "weekly":
      return weeklyOn(dayName(frequency.day), frequency.hour);
  }
}

/** "MONDAY" → "Monday". */
function dayName(day: WeekDay): string {
  return day.charAt(0) + day.slice(1).toLowerCase();
}

export interface NextRunOptions {
  /** Epoch milliseconds: the result is on or after it. */
  now: number;
  /** When the trigger was created or last fired: hourly runs are counted from it. */
  since: number;
  /** The time zone the trigger was created in, whose wall clock daily and weekly hours follow. */
  timeZone: string;
}

/**
 * When a schedule runs next, on or after `now`, in epoch milliseconds. Hourly schedules run every
 * `every` hours of elapsed time from `since` (daylight-saving changes do not move them); daily and
 * weekly schedules at the start of their hour on the wall clock of `timeZone`, where an hour
 * skipped by a daylight-saving jump comes an hour later and an hour that happens twice counts
 * once, at its first.
 *
 * Apps Script runs a trigger somewhere within the hour that starts at this time (the minute is its
 * choice), so this is the earliest the run can come, not the minute it will. For the same reason,
 * when `now` is inside a daily or weekly run's hour, that run may still be to come: this gives the
 * one after it.
 */
export function nextRunAfter(frequency: Frequency, { now, since, timeZone }: NextRunOptions): number {
  if (frequency.kind === "hours") {
    const step = frequency.every * HOUR_MS;
    return since + Math.max(1, Math.ceil((now - since) / step)) * step;
  }
  const clock = zonedClock(timeZone);
  const today = clock.dayAt(now);
  const daysAhead =
    frequency.kind === "weekly"
      ? (WEEK_DAYS.indexOf(frequency.day) - weekdayOf(today) + DAYS_IN_A_WEEK) % DAYS_IN_A_WEEK
      : 0;
  const run = clock.startOfHour(today + daysAhead, frequency.hour);
  if (run >= now) return run;
  return clock.startOfHour(today + daysAhead + (frequency.kind === "weekly" ? DAYS_IN_A_WEEK : 1), frequency.hour);
}
