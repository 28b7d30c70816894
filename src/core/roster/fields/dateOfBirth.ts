import { dayFirstDate, inTheFuture, numberReadAsDate, tooLongAgo } from "../../../messages/roster";
import { isDateCell, type FilledCell } from "../cells";
import { createCalendarDateReader, isoDate, type CalendarDate } from "./calendarDate";
import type { FieldReader, FieldReading } from "./reading";

const MAX_AGE_YEARS = 130;

/**
 * Reads Date of Birth cells of a spreadsheet in `timeZone` on the day `today` (both
 * `YYYY-MM-DD`), as calendarDate reads dates (a serial number is reported as a repair). Refuses
 * dates that do not exist (suggesting the month-first date of one typed day first), dates after
 * today and dates more than 130 years before it.
 */
export function createDateOfBirthReader(timeZone: string, today: string): FieldReader {
  const readDate = createCalendarDateReader(timeZone);
  const oldest = `${String(Number(today.slice(0, 4)) - MAX_AGE_YEARS).padStart(4, "0")}${today.slice(4)}`;

  function checked(date: CalendarDate): FieldReading {
    const iso = isoDate(date);
    if (iso > today) return { ok: false, problem: inTheFuture(iso) };
    if (iso < oldest) return { ok: false, problem: tooLongAgo(iso, MAX_AGE_YEARS) };
    return { ok: true, value: iso };
  }

  // Date cells are instants, and many people share a birthday: each instant is read once.
  const byInstant = new Map<number, FieldReading>();

  return (cell: FilledCell) => {
    if (isDateCell(cell)) {
      const instant = cell.getTime();
      let known = byInstant.get(instant);
      if (known === undefined) byInstant.set(instant, (known = readBirth(cell)));
      return known;
    }
    return readBirth(cell);
  };

  function readBirth(cell: FilledCell): FieldReading {
    const reading = readDate(cell);
    if (!reading.ok) {
      const { turnedRound } = reading;
      // Only a date of birth this reader would take is worth suggesting.
      return turnedRound !== undefined && checked(turnedRound.date).ok
        ? { ok: false, problem: dayFirstDate(turnedRound.typed, turnedRound.shown) }
        : { ok: false, problem: reading.problem };
    }
    const birth = checked(reading.date);
    if (!birth.ok || !reading.fromNumber || typeof cell !== "number") return birth;
    return { ...birth, repair: { from: String(cell), predicate: numberReadAsDate(cell, birth.value) } };
  }
}
