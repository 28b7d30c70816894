import { instantOfWallClock, isKnownTimeZone, wallClockAt, wallClockOf, type WallClockMs } from "../timeZones";

/**
 * Time zones as Apps Script (Java) reads them: IANA IDs, custom "GMT+hh:mm" IDs, and GMT for any
 * ID Java does not know (Java's `TimeZone.getTimeZone` falls back to GMT without an error).
 */
export interface ZoneRule {
  readonly id: string;
  /** Minutes east of UTC at the instant. */
  offsetMinutes(ms: number): number;
  /** Java's display name at the instant: "EST" / "Eastern Standard Time". */
  displayName(ms: number, style: "short" | "long"): string;
  wallClockAt(ms: number): WallClockMs;
  /** The instant the wall clock shows, resolved as Java resolves skipped and repeated times. */
  instantOf(wallClock: WallClockMs): number;
}

/** A wall-clock time; `month` is 1–12, `weekday` 0 (Sunday) – 6. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const MINUTE_MS = 60_000;
const CUSTOM_ID = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/;
const GMT_STYLE_NAME = /^GMT[+-]/;
/** IDs whose Java short name is "GMT", where ICU says "UTC". */
const GMT_IDS = new Set(["GMT", "Etc/GMT", "Etc/Greenwich", "Greenwich"]);

const rules = new Map<string, ZoneRule>();

export function zoneRule(id: string): ZoneRule {
  let rule = rules.get(id);
  if (rule === undefined) {
    rule = createRule(id);
    rules.set(id, rule);
  }
  return rule;
}

export function localTime(ms: number, zone: ZoneRule): LocalTime {
  const wallClock = new Date(zone.wallClockAt(ms));
  return {
    year: wallClock.getUTCFullYear(),
    month: wallClock.getUTCMonth() + 1,
    day: wallClock.getUTCDate(),
    hour: wallClock.getUTCHours(),
    minute: wallClock.getUTCMinutes(),
    second: wallClock.getUTCSeconds(),
    millisecond: wallClock.getUTCMilliseconds(),
    weekday: wallClock.getUTCDay(),
  };
}

export function instantOf(
  local: Pick<LocalTime, "year" | "month" | "day" | "hour" | "minute">,
  zone: ZoneRule,
): number {
  return zone.instantOf(wallClockOf(local.year, local.month, local.day, local.hour, local.minute));
}

/** "GMT+05:30", Java's name for a zone without one. */
export function gmtOffsetName(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  return `GMT${sign}${pad2(Math.floor(absolute / 60))}:${pad2(absolute % 60)}`;
}

function createRule(id: string): ZoneRule {
  const custom = CUSTOM_ID.exec(id);
  if (custom) {
    const minutes = (custom[1] === "-" ? -1 : 1) * (Number(custom[2]) * 60 + Number(custom[3] ?? 0));
    return fixedRule(gmtOffsetName(minutes), minutes);
  }
  return isKnownTimeZone(id) ? ianaRule(id) : fixedRule("GMT", 0);
}

function fixedRule(id: string, minutes: number): ZoneRule {
  const name = minutes === 0 ? "GMT" : gmtOffsetName(minutes);
  const offsetMs = minutes * MINUTE_MS;
  return {
    id,
    offsetMinutes: () => minutes,
    displayName: (_ms, style) => (style === "long" && minutes === 0 ? "Greenwich Mean Time" : name),
    wallClockAt: (ms) => ms + offsetMs,
    instantOf: (wallClock) => wallClock - offsetMs,
  };
}

function ianaRule(id: string): ZoneRule {
  const namesUs = { short: nameFormat(id, "en-US", "short"), long: nameFormat(id, "en-US", "long") };
  const namesGb = nameFormat(id, "en-GB", "short");
  const rule: ZoneRule = {
    id,
    offsetMinutes: (ms) => Math.round((wallClockAt(ms, id) - ms) / MINUTE_MS),
    displayName(ms, style) {
      if (style === "long") return zoneNamePart(namesUs.long, ms);
      if (GMT_IDS.has(id)) return "GMT";
      // ICU's American names cover American zones ("EST"), its British ones European zones ("CET");
      // Java falls back to "GMT+09:00" where neither has a name.
      for (const format of [namesUs.short, namesGb]) {
        const name = zoneNamePart(format, ms);
        if (!GMT_STYLE_NAME.test(name)) return name;
      }
      return gmtOffsetName(rule.offsetMinutes(ms));
    },
    wallClockAt: (ms) => wallClockAt(ms, id),
    instantOf: (wallClock) => instantOfWallClock(wallClock, id),
  };
  return rule;
}

function nameFormat(id: string, locale: string, style: "short" | "long"): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: style });
}

function zoneNamePart(format: Intl.DateTimeFormat, ms: number): string {
  return format.formatToParts(ms).find((part) => part.type === "timeZoneName")?.value ?? "";
}

function pad2(value: number): string {
  return String(value).padStart(2, "0");
}
