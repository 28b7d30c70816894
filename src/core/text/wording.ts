/** Lists and counts inside the sentences HR staff read. */

/** "A", "A and B", "A, B and C" (or "… or C" for a choice). */
export function listInWords(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

/** "1 person", "3 people". */
export function countOf(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A value quoted in a sentence is cut past this many characters. */
const QUOTED_VALUE_LIMIT = 60;

/**
 * A value the user typed, as a sentence quotes it: cut short with an ellipsis when long, so a
 * message about a 50,000-character cell still fits in a cell, and on a line of the sidebar.
 */
export function shortened(value: string): string {
  if (value.length <= QUOTED_VALUE_LIMIT) return value;
  let end = QUOTED_VALUE_LIMIT - 1;
  // Never cut an emoji (a surrogate pair) in half.
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${value.slice(0, end).trimEnd()}…`;
}
