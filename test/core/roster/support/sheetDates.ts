/**
 * The `Date` that `Range.getValues()` returns for a date cell of a spreadsheet in `timeZone`:
 * the instant of that calendar date's midnight (plus `hour` for a date-time cell) there.
 */
export function sheetDateCell(timeZone: string, isoDate: string, hour = 0): Date {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const wallClock = Date.UTC(year, month - 1, day, hour);
  // The zone's offset at the guessed instant, then again at the corrected one (DST changes).
  let instant = wallClock - offsetAt(timeZone, wallClock);
  instant = wallClock - offsetAt(timeZone, instant);
  return new Date(instant);
}

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function offsetAt(timeZone: string, instant: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}
