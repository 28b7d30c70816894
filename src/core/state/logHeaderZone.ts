import type { Records } from "./records";

/**
 * The time zone the log tab's Time header was last written for. The header names the
 * spreadsheet's zone, which can be changed at any time; remembering it spares rewriting the
 * header on every entry.
 */
const LOG_ZONE_KEY = "logTimeZone";

export function logHeaderZoneOf(records: Records): string | null {
  return records.get(LOG_ZONE_KEY);
}

export function saveLogHeaderZone(records: Records, timeZone: string): void {
  records.set(LOG_ZONE_KEY, timeZone);
}
