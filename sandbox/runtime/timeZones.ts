/**
 * Wall-clock time in IANA time zones ("America/New_York"), from the offsets Node's ICU names. A wall-clock time
 * is written as the UTC milliseconds of the same calendar fields, so the `getUTC…` methods of
 * `new Date(wallClock)` give its year, month, day and time of day.
 */
export type WallClockMs = number;

const DAY_MS = 86_400_000;

/** The wall clock of calendar fields (`month` 1–12); `setUTCFullYear` keeps years 0–99 as written. */
export function wallClockOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallClockMs {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/**
 * Offsets are read as ICU names them ("GMT-04:56:02"), not worked out from the calendar fields
 * of a formatted date as the add-on does (src/core/schedule/zonedClock.ts): the two methods must
 * not share a blind spot, or the sandbox would agree with the add-on's mistakes. Fields are
 * Julian before 1582 and carry eras, two-digit years and "24" for midnight on some engines; an
 * offset name has none of that. (Temporal would be a third way, but Node 20 does not have it.)
 */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormats.set(timeZone, format);
  }
  return format;
}

/** Whether Node's ICU knows the zone (an IANA name such as "America/New_York"). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    offsetFormat(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** "GMT", "GMT+13:00", "GMT-04:56:02": the sign, hours, minutes and seconds ahead of UTC. */
const LONG_OFFSET = /^GMT(?:([+-])(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** Milliseconds the wall clock of `timeZone` is ahead of UTC at `instant`, read from ICU (slow: see offsetAt). */
function exactOffsetAt(instant: number, timeZone: string): number {
  const name = offsetFormat(timeZone)
    .formatToParts(new Date(instant))
    .find((part) => part.type === "timeZoneName")?.value;
  const match = LONG_OFFSET.exec(name ?? "");
  if (!match) throw new Error(`Unexpected offset name ${JSON.stringify(name)} for ${timeZone}`);
  const [, sign, hours = "0", minutes = "0", seconds = "0"] = match;
  const magnitude = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return sign === "-" ? -magnitude : magnitude;
}

/**
 * Zones change offset at most once in any quarter of an hour, so when a quarter starts and ends
 * on the same offset, every instant in it has that offset: one ICU lookup serves a whole column
 * of dates. Quarters with a change in them are read exactly, instant by instant.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_CACHED_QUARTERS = 200_000;
const quarterOffsets = new Map<string, number | null>();

/** Milliseconds the wall clock of `timeZone` is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  const key = `${timeZone} ${quarter}`;
  let offset = quarterOffsets.get(key);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR_MS;
    const end = start + QUARTER_HOUR_MS - 1;
    const startOffset = exactOffsetAt(start, timeZone);
    offset = exactOffsetAt(end, timeZone) === startOffset ? startOffset : null;
    if (quarterOffsets.size >= MAX_CACHED_QUARTERS) quarterOffsets.clear();
    quarterOffsets.set(key, offset);
  }
  return offset ?? exactOffsetAt(instant, timeZone);
}

/** The wall clock in `timeZone` at `instant`, to the millisecond. */
export function wallClockAt(instant: number, timeZone: string): WallClockMs {
  return instant + offsetAt(instant, timeZone);
}

/**
 * The instant the wall clock shows in `timeZone`, resolved as Java resolves it: a time skipped by
 * a daylight-saving jump moves forward by the jump (2:30 becomes 3:30), and a time that happens
 * twice is the earlier of its two instants.
 */
export function instantOfWallClock(wallClock: WallClockMs, timeZone: string): number {
  // No zone changes offset twice within two days, so the offsets a day either side of the wall
  // clock are the only ones it can have.
  const offsetBefore = offsetAt(wallClock - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallClock + DAY_MS, timeZone);
  const withBefore = wallClock - offsetBefore;
  if (offsetAfter === offsetBefore) return withBefore;
  const withAfter = wallClock - offsetAfter;
  const beforeHolds = offsetAt(withBefore, timeZone) === offsetBefore;
  const afterHolds = offsetAt(withAfter, timeZone) === offsetAfter;
  if (beforeHolds && afterHolds) return Math.min(withBefore, withAfter);
  return afterHolds ? withAfter : withBefore;
}
