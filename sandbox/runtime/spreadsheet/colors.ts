/** What Sheets reports for a cell whose background or font color was never set. */
export const DEFAULT_BACKGROUND = "#ffffff";
export const DEFAULT_FONT_COLOR = "#000000";

const SHORT_HEX = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i;
const LONG_HEX = /^#[0-9a-f]{6}$/i;
/** The CSS color names people use most; Apps Script reports every color as `#rrggbb`. */
const NAMED: Readonly<Record<string, string>> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  yellow: "#ffff00",
  orange: "#ffa500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  pink: "#ffc0cb",
  cyan: "#00ffff",
  magenta: "#ff00ff",
  lime: "#00ff00",
};

/** A color as Apps Script reports it back (`#rrggbb`, lower case); null and "" reset it (undefined). */
export function normalizedColor(color: string | null | undefined): string | undefined {
  if (color === null || color === undefined || color === "") return undefined;
  const short = SHORT_HEX.exec(color);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  if (LONG_HEX.test(color)) return color.toLowerCase();
  return NAMED[color.toLowerCase()] ?? color.toLowerCase();
}
