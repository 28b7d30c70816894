import {
  NOT_A_VALID_DATE,
  notADate,
  notARealDate,
  notARealMonthFirstDate,
  numberNotADate,
  twoDigitYear,
} from "../../../messages/roster";
import { shortened } from "../../text/wording";
import { type FilledCell, isDateCell } from "../cells";
import { readText } from "./reading";
import { createZonedDateReader } from "./zonedDates";

const YEAR_FIRST = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;
const MONTH_FIRST = /^(\d{1,2})([-/])(\d{1,2})\2(\d{4})$/;
const TWO_DIGIT_YEAR = /^\d{1,2}([-/])\d{1,2}\1\d{2}$/;

/** Day 0 of spreadsheet date serial numbers. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * A date read from a cell, or why none could be; `fromNumber` when it was a serial number.
 * `turnedRound` is the real date a month-first text that is no date (14/03/1989) would be if
 * typed day first, written month first with the user's separator ("03/14/1989").
 */
export type CalendarDateReading =
  | { ok: true; date: CalendarDate; fromNumber: boolean }
  | { ok: false; problem: string; turnedRound?: { date: CalendarDate; typed: string; shown: string } };

/**
 * Reads date cells of a spreadsheet in `timeZone`: a date cell, text as YYYY-MM-DD, YYYY/MM/DD,
 * MM/DD/YYYY, M/D/YYYY or MM-DD-YYYY (month first, as in the US), or a date serial number (days
 * since 1899-12-30, the time of day ignored). Refuses two-digit years and dates that do not exist.
 */
export function createCalendarDateReader(timeZone: string): (cell: FilledCell) => CalendarDateReading {
  // Sheets hands a date cell over as the instant of midnight in the spreadsheet's zone, which is
  // another day in the script's or the machine's zone: only that zone gives the date typed.
  const calendarDateOf = createZonedDateReader(timeZone);
  return (cell) => {
    if (isDateCell(cell)) {
      const instant = cell.getTime();
      const date = isNaN(instant) ? null : calendarDateOf(instant);
      return date === null ? { ok: false, problem: NOT_A_VALID_DATE } : { ok: true, date, fromNumber: false };
    }
    if (typeof cell === "number") {
      const date = serialDate(cell);
      return date === null ? { ok: false, problem: numberNotADate(cell) } : { ok: true, date, fromNumber: true };
    }
    const reading = readText(cell);
    if (!reading.ok) return reading;
    const text = reading.value;
    const yearFirst = YEAR_FIRST.exec(text);
    if (yearFirst) {
      const date = { year: Number(yearFirst[1]), month: Number(yearFirst[3]), day: Number(yearFirst[4]) };
      return isRealDate(date) ? { ok: true, date, fromNumber: false } : { ok: false, problem: notARealDate(text) };
    }
    const monthFirst = MONTH_FIRST.exec(text);
    if (monthFirst) {
      const [, first = "", separator = "", second = "", year = ""] = monthFirst;
      const date = { year: Number(year), month: Number(first), day: Number(second) };
      if (isRealDate(date)) return { ok: true, date, fromNumber: false };
      const problem = notARealMonthFirstDate(text);
      const turned = { year: date.year, month: date.day, day: date.month };
      if (date.month <= 12 || !isRealDate(turned)) return { ok: false, problem };
      const shown = `${pad(turned.month, 2)}${separator}${pad(turned.day, 2)}${separator}${year}`;
      return { ok: false, problem, turnedRound: { date: turned, typed: text, shown } };
    }
    if (TWO_DIGIT_YEAR.test(text)) return { ok: false, problem: twoDigitYear(text) };
    return { ok: false, problem: notADate(shortened(text)) };
  };
}

/** YYYY-MM-DD. */
export function isoDate({ year, month, day }: CalendarDate): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The date of a serial number, or null when it is beyond any calendar a roster uses. */
function serialDate(serial: number): CalendarDate | null {
  const date = new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS);
  if (isNaN(date.getTime()) || date.getUTCFullYear() > 9999) return null;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function isRealDate({ year, month, day }: CalendarDate): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
