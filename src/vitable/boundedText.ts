/**
 * Text from outside cut to a size the add-on can hold: Vitable's reasons and messages are
 * clamped when an answer is parsed, and every cell write clamps again.
 */

/** `text` cut to at most `max` characters, ending in "…", never between the halves of a surrogate pair. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
