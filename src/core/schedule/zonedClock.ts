import { zoneOffsetReader } from "../time/zoneOffset";

/**
 * Wall-clock time in an IANA time zone ("America/New_York"), read with Intl.DateTimeFormat, so
 * neither the script's time zone nor the machine's ever matters.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** A date on the calendar, counted in days since 1970-01-01. */
export type CalendarDay = number;

export interface ZonedClock {
  /** The calendar day the wall clock shows at `instant`. */
  dayAt(instant: number): CalendarDay;
  /**
   * The instant the wall clock shows `hour`:00 on `day`. An hour skipped by a daylight-saving
   * jump resolves an hour later (2 am becomes 3 am), and an hour that happens twice to its first
   * time, as Apps Script (Java) resolves them.
   */
  startOfHour(day: CalendarDay, hour: number): number;
}

/** 0 for Sunday to 6 for Saturday. */
export function weekdayOf(day: CalendarDay): number {
  return new Date(day * DAY_MS).getUTCDay();
}

export function zonedClock(timeZone: string): ZonedClock {
  const zoneOffset = zoneOffsetReader(timeZone);
  // A zone Intl knows always has an offset; the zone was checked when the schedule was set.
  const offsetAt = (instant: number) => zoneOffset(instant) ?? 0;
  const wholeSecond = (instant: number) => instant - (((instant % 1000) + 1000) % 1000);
  /** The wall clock at `instant`, to the second, as the UTC milliseconds of the same calendar fields. */
  const wallClockAt = (instant: number) => wholeSecond(instant) + offsetAt(instant);

  return {
    dayAt: (instant) => Math.floor((instant + offsetAt(instant)) / DAY_MS),
    startOfHour(day, hour) {
      const wallClock = day * DAY_MS + hour * HOUR_MS;
      // A zone changes its offset at most once in two days, so the offsets a day either side
      // are the only ones this wall-clock time can have.
      const before = wallClock - offsetAt(wallClock - DAY_MS);
      const after = wallClock - offsetAt(wallClock + DAY_MS);
      const shown = [before, after].filter((instant) => wallClockAt(instant) === wallClock);
      // Neither shows it when a daylight-saving jump skips the hour: the earlier offset puts it
      // past the jump.
      return shown.length > 0 ? Math.min(...shown) : before;
    },
  };
}

/**
 * A moment as people read it in the spreadsheet's time zone, labelled with the zone once, as the
 * sidebar shows it: "Nov 23, 2026, 10:00 AM EST". Zones without a common abbreviation read "GMT+1".
 */
export function zonedTimeText(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(instant);
}
