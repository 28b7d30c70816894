import { instantOfWallClock, wallClockAt, type WallClockMs } from "../timeZones";

/**
 * Sheets stores a date as a serial number: days since 30 December 1899 with the time of day as
 * the fraction, counted on the spreadsheet's wall clock. The instant a serial stands for
 * therefore depends on the spreadsheet's time zone, never on the machine's.
 */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function serialFromWallClock(wallClock: WallClockMs): number {
  return (wallClock - SERIAL_EPOCH_MS) / DAY_MS;
}

/** Rounded to the millisecond, so that a serial's floating-point error does not show. */
export function wallClockFromSerial(serial: number): WallClockMs {
  return Math.round(serial * DAY_MS) + SERIAL_EPOCH_MS;
}

export function serialFromInstant(instant: number, timeZone: string): number {
  return serialFromWallClock(wallClockAt(instant, timeZone));
}

export function instantFromSerial(serial: number, timeZone: string): number {
  return instantOfWallClock(wallClockFromSerial(serial), timeZone);
}
