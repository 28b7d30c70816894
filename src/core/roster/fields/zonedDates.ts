import { zoneOffsetReader } from "../../time/zoneOffset";

/** A day of the proleptic Gregorian calendar. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
/**
 * No time zone changes its offset twice within this span (daylight saving starts and ends months
 * apart; the shortest gap on record, Morocco's pause for Ramadan, is about a month), so an offset
 * found at both ends holds throughout. A span whose ends differ is halved until it is a day long.
 */
const SPAN_MS = 16 * DAY_MS;

/**
 * The calendar date an instant falls on in `timeZone`, as Intl tells it, without an Intl call per
 * instant: a spreadsheet's date cells are instants (midnight there), tens of thousands of them in
 * a large roster, and formatting each in the zone costs more than the rest of reading the cell.
 * The zone's offset from UTC is looked up at the ends of 16-day spans, once per span; only a
 * day with a change of offset in it asks Intl about the instant itself.
 */
export function createZonedDateReader(timeZone: string): (instant: number) => Readonly<CivilDate> | null {
  const offsetOfInstant = zoneOffsetReader(timeZone);
  const offsets = new Map<number, number | null>();

  /** The zone's offset from UTC at `instant`, ms, or null when Intl cannot say; each asked once. */
  function offsetAt(instant: number): number | null {
    let offset = offsets.get(instant);
    if (offset === undefined) offsets.set(instant, (offset = offsetOfInstant(instant)));
    return offset;
  }

  /** The offset throughout each 16-day span whose ends agree, by span number. */
  const spanOffsets = new Map<number, number>();

  /** The offset at `instant`, from the smallest span around it whose ends agree. */
  function offsetOf(instant: number): number | null {
    const spanNumber = Math.floor(instant / SPAN_MS);
    const known = spanOffsets.get(spanNumber);
    if (known !== undefined) return known;
    for (let span = SPAN_MS; span >= DAY_MS; span /= 2) {
      const start = Math.floor(instant / span) * span;
      const atStart = offsetAt(start);
      if (atStart !== null && atStart === offsetAt(start + span)) {
        if (span === SPAN_MS) spanOffsets.set(spanNumber, atStart);
        return atStart;
      }
    }
    return offsetAt(instant);
  }

  /** Dates of birth repeat: each day's date is worked out once. */
  const dates = new Map<number, CivilDate>();

  return (instant) => {
    const offset = offsetOf(instant);
    if (offset === null) return null;
    const day = Math.floor((instant + offset) / DAY_MS);
    let date = dates.get(day);
    if (date === undefined) {
      date = civilDate(day);
      dates.set(day, date);
    }
    return date;
  };
}

/** The proleptic Gregorian date of a day counted from 1970-01-01 (H. Hinnant's civil_from_days). */
export function civilDate(days: number): CivilDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
