import { MONTH_NAMES, WEEKDAY_NAMES } from "../calendarNames";
import { localTime, type ZoneRule } from "./javaTimeZones";

/**
 * Java's SimpleDateFormat, which `Utilities.formatDate` uses, for the pattern letters the sandbox
 * supports: y M d H h m s S E a z Z X, and quoted text ('T', '' for a quote). Month and day
 * names are English.
 */
type Token = { kind: "text"; text: string } | { kind: "field"; letter: FieldLetter; count: number };
type FieldLetter = "y" | "M" | "d" | "H" | "h" | "m" | "s" | "S" | "E" | "a" | "z" | "Z" | "X";

/** Java's own sentences for patterns it rejects. */
export class PatternError extends Error {}

const FIELD_LETTERS = new Set<string>(["y", "M", "d", "H", "h", "m", "s", "S", "E", "a", "z", "Z", "X"]);
const LETTER = /[A-Za-z]/;

const compiled = new Map<string, Token[]>();

export function formatDate(ms: number, zone: ZoneRule, pattern: string): string {
  let tokens = compiled.get(pattern);
  if (tokens === undefined) {
    tokens = compile(pattern);
    compiled.set(pattern, tokens);
  }
  const time = localTime(ms, zone);
  const offset = zone.offsetMinutes(ms);
  let out = "";
  for (const token of tokens) {
    if (token.kind === "text") {
      out += token.text;
      continue;
    }
    const { count } = token;
    switch (token.letter) {
      case "y":
        out += count === 2 ? pad(time.year % 100, 2) : pad(time.year, count);
        break;
      case "M":
        out +=
          count >= 4
            ? MONTH_NAMES[time.month - 1]
            : count === 3
              ? MONTH_NAMES[time.month - 1]!.slice(0, 3)
              : pad(time.month, count);
        break;
      case "d":
        out += pad(time.day, count);
        break;
      case "H":
        out += pad(time.hour, count);
        break;
      case "h":
        out += pad(time.hour % 12 || 12, count);
        break;
      case "m":
        out += pad(time.minute, count);
        break;
      case "s":
        out += pad(time.second, count);
        break;
      case "S":
        out += pad(time.millisecond, count);
        break;
      case "E":
        out += count >= 4 ? WEEKDAY_NAMES[time.weekday] : WEEKDAY_NAMES[time.weekday]!.slice(0, 3);
        break;
      case "a":
        out += time.hour < 12 ? "AM" : "PM";
        break;
      case "z":
        out += zone.displayName(ms, count >= 4 ? "long" : "short");
        break;
      case "Z":
        out += offsetText(offset, "hhmm");
        break;
      case "X":
        out += offset === 0 ? "Z" : offsetText(offset, count === 1 ? "hh" : count === 2 ? "hhmm" : "hh:mm");
        break;
    }
  }
  return out;
}

function compile(pattern: string): Token[] {
  const tokens: Token[] = [];
  let text = "";
  let i = 0;
  while (i < pattern.length) {
    const character = pattern[i]!;
    if (character === "'") {
      if (pattern[i + 1] === "'") {
        text += "'";
        i += 2;
        continue;
      }
      const end = quotedEnd(pattern, i + 1);
      text += pattern.slice(i + 1, end).replace(/''/g, "'");
      i = end + 1;
      continue;
    }
    if (!LETTER.test(character)) {
      text += character;
      i += 1;
      continue;
    }
    if (!FIELD_LETTERS.has(character)) throw new PatternError(`Illegal pattern character '${character}'`);
    let count = 1;
    while (pattern[i + count] === character) count += 1;
    if (character === "X" && count > 3) throw new PatternError(`invalid ISO 8601 format: length=${count}`);
    if (text !== "") tokens.push({ kind: "text", text });
    text = "";
    tokens.push({ kind: "field", letter: character as FieldLetter, count });
    i += count;
  }
  if (text !== "") tokens.push({ kind: "text", text });
  return tokens;
}

/** The index of the quote closing the text that starts at `from`; '' inside is a quote. */
function quotedEnd(pattern: string, from: number): number {
  let i = from;
  while (i < pattern.length) {
    if (pattern[i] === "'") {
      if (pattern[i + 1] !== "'") return i;
      i += 2;
    } else {
      i += 1;
    }
  }
  throw new PatternError("Unterminated quote");
}

function offsetText(offsetMinutes: number, style: "hh" | "hhmm" | "hh:mm"): string {
  const sign = offsetMinutes < 0 ? "-" : "+";
  const absolute = Math.abs(offsetMinutes);
  const hours = pad(Math.floor(absolute / 60), 2);
  const minutes = pad(absolute % 60, 2);
  if (style === "hh") return `${sign}${hours}`;
  return style === "hhmm" ? `${sign}${hours}${minutes}` : `${sign}${hours}:${minutes}`;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
