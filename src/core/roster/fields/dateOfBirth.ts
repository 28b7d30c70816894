import {
  inTheFuture,
  NOT_A_VALID_DATE,
  notADate,
  notARealDate,
  notARealMonthFirstDate,
  numberNotADate,
  numberReadAsDate,
  tooLongAgo,
  twoDigitYear,
} from "../../../messages/roster";
import { shortened } from "../../text/wording";
import { type FilledCell, isDateCell } from "../cells";
import { type FieldReader, type FieldReading, readText } from "./reading";

const YEAR_FIRST = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const MONTH_FIRST = /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/;
const TWO_DIGIT_YEAR = /^\d{1,2}([-/])\d{1,2}\1\d{2}$/;

/** Day 0 of spreadsheet date serial numbers. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
const MAX_AGE_YEARS = 130;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Reads Date of Birth cells of a spreadsheet in `timeZone` on the day `today` (both
 * `YYYY-MM-DD`). Accepts a date cell, text as YYYY-MM-DD, YYYY/MM/DD, MM/DD/YYYY, M/D/YYYY or
 * MM-DD-YYYY (month first, as in the US), or a date serial number (days since 1899-12-30, the
 * time of day ignored; reported as a repair). Refuses two-digit years, dates that do not
 * exist, dates after today and dates more than 130 years before it.
 */
export function createDateOfBirthReader(timeZone: string, today: string): FieldReader {
  const calendarDateOf = calendarDateReader(timeZone);
  const oldest = `${pad(Number(today.slice(0, 4)) - MAX_AGE_YEARS, 4)}${today.slice(4)}`;

  function checked(date: CalendarDate): FieldReading {
    const iso = `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
    if (iso > today) return { ok: false, problem: inTheFuture(iso) };
    if (iso < oldest) return { ok: false, problem: tooLongAgo(iso, MAX_AGE_YEARS) };
    return { ok: true, value: iso };
  }

  return (cell: FilledCell) => {
    if (isDateCell(cell)) {
      const date = isNaN(cell.getTime()) ? null : calendarDateOf(cell);
      return date === null ? { ok: false, problem: NOT_A_VALID_DATE } : checked(date);
    }
    if (typeof cell === "number") {
      const date = serialDate(cell);
      if (date === null) return { ok: false, problem: numberNotADate(cell) };
      const reading = checked(date);
      if (!reading.ok) return reading;
      return { ...reading, repair: { from: String(cell), predicate: numberReadAsDate(cell, reading.value) } };
    }
    const reading = readText(cell);
    if (!reading.ok) return reading;
    const text = reading.value;
    const yearFirst = YEAR_FIRST.exec(text);
    if (yearFirst) {
      const date = { year: Number(yearFirst[1]), month: Number(yearFirst[3]), day: Number(yearFirst[4]) };
      return isRealDate(date) ? checked(date) : { ok: false, problem: notARealDate(text) };
    }
    const monthFirst = MONTH_FIRST.exec(text);
    if (monthFirst) {
      const date = { year: Number(monthFirst[4]), month: Number(monthFirst[1]), day: Number(monthFirst[3]) };
      return isRealDate(date) ? checked(date) : { ok: false, problem: notARealMonthFirstDate(text) };
    }
    if (TWO_DIGIT_YEAR.test(text)) {
      return { ok: false, problem: twoDigitYear(text) };
    }
    return { ok: false, problem: notADate(shortened(text)) };
  };
}

// en-US numeric dates read "5/15/1990"; any separator is accepted in case a runtime differs.
const MONTH_DAY_YEAR = /^(\d+)\D+(\d+)\D+(\d+)$/;

/**
 * The calendar date a `Date` cell shows in the spreadsheet's time zone, or null if the runtime
 * cannot say. Sheets hands a date cell over as the instant of midnight there, which is another
 * day in the script's or the machine's zone, so only the spreadsheet's zone gives the date the
 * user typed. (`format` is about twice as fast as `formatToParts`, which counts on 50,000 rows.)
 */
function calendarDateReader(timeZone: string): (date: Date) => CalendarDate | null {
  const format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
  return (date) => {
    const parts = MONTH_DAY_YEAR.exec(format.format(date));
    return parts ? { year: Number(parts[3]), month: Number(parts[1]), day: Number(parts[2]) } : null;
  };
}

/** The date of a serial number, or null when it is no date a person could be born on. */
function serialDate(serial: number): CalendarDate | null {
  const date = new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  if (isNaN(date.getTime()) || date.getUTCFullYear() > 9999) return null;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
