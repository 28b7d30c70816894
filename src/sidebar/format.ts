import type { Frequency } from "../shared/bridge";

/** A moment in the user's own locale and time zone, e.g. "Mar 4, 9:05 AM". */
export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, {
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
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
