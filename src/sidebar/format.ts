import type { Frequency } from "../shared/bridge";

/** The spreadsheet's time zone once the server has said it; until then the browser's. */
let timeZone: string | undefined;

/** Sets the zone every time is shown in; null for the browser's own (still labelled). */
export function useTimeZone(zone: string | null): void {
  timeZone = zone ?? undefined;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone });
  } catch {
    // A zone this browser does not know: its own zone, labelled, is still true.
    timeZone = undefined;
  }
}

/** A moment in the spreadsheet's time zone, labelled with it, e.g. "Mar 4, 9:05 AM EST". */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
}

/** "0:07", "12:30", "1:02:03". */
export function formatElapsed(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}` : `${minutes}:${seconds}`;
}

/** An hour of the day as the user's locale writes it, e.g. "9 AM" or "09". */
export function hourLabel(hour: number): string {
  return new Date(2000, 0, 1, hour).toLocaleTimeString(undefined, { hour: "numeric" });
}

export type Weekday = Extract<Frequency, { kind: "weekly" }>["day"];

export const WEEKDAYS: readonly Weekday[] = [
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
];

/** "MONDAY" → "Monday". */
export function weekdayLabel(day: Weekday): string {
  return day.charAt(0) + day.slice(1).toLowerCase();
}
