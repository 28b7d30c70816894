const SECOND_MS = 1_000;

/**
 * The offset from UTC (ms) of an IANA time zone at an instant, as Intl.DateTimeFormat tells it,
 * so neither the script's zone nor the machine's matters; null when Intl cannot say. Intl shows
 * whole seconds, and offsets are whole seconds too (local mean times before 1900 included).
 */
export function zoneOffsetReader(timeZone: string): (instant: number) => number | null {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hour12: false,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return (instant) => {
    const fields: Record<string, number> = {};
    for (const part of format.formatToParts(instant)) fields[part.type] = Number(part.value);
    const { year, month, day, minute, second } = fields;
    // Some engines show midnight as hour 24 without an hour cycle of 0–23.
    const hour = (fields.hour ?? NaN) % 24;
    if (![year, month, day, hour, minute, second].every((value) => Number.isFinite(value))) return null;
    // Date.UTC reads years 0–99 as 1900–1999: the year is set on its own.
    const wallClock = new Date(Date.UTC(2000, month! - 1, day, hour, minute, second)).setUTCFullYear(year!);
    return wallClock - Math.floor(instant / SECOND_MS) * SECOND_MS;
  };
}
