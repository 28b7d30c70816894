import { clampText } from "../../vitable/boundedText";

/**
 * Text the add-on writes into cells (statuses, messages, Vitable's reasons) must stay text
 * (product.md invariant 8). Sheets reads a written string like typed input: a leading `=` makes a
 * formula, and `+ - @`, tab and CR are the other openers spreadsheets act on (OWASP CSV
 * injection). A leading apostrophe makes Sheets show the rest as text and hides the apostrophe,
 * so a string that itself starts with an apostrophe needs one too, or its own would vanish.
 */
const NEEDS_TEXT_MARK = /^[=+\-@\t\r']/;
/** What may come before an opener unseen: spaces, zero-width characters and direction marks. */
const LEADING_INVISIBLE = /^[\s\u200B-\u200F\u2060\uFEFF\u202A-\u202E\u2066-\u2069]+/;
/** The longest text written to a cell; a Sheets cell holds 50,000 characters. */
export const MAX_CELL_TEXT = 5_000;

/**
 * What to write so that Sheets shows exactly `text`, never as a formula: also when the opener
 * hides behind spaces or invisible characters, or is a full-width or small form ("＝", "﹢") that
 * folds to one under Unicode compatibility (NFKC). Text longer than a cell should hold is cut
 * with an ellipsis, so text from Vitable can never fill a cell or fail the write.
 */
export function escapeCellText(text: string): string {
  const fitting = text.length > MAX_CELL_TEXT ? clampText(text, MAX_CELL_TEXT) : text;
  return opensLikeFormula(fitting) ? `'${fitting}` : fitting;
}

function opensLikeFormula(text: string): boolean {
  if (NEEDS_TEXT_MARK.test(text)) return true;
  // Most cells start with a plain ASCII letter or digit: no need to look further.
  const first = text.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  const shown = text.replace(LEADING_INVISIBLE, "");
  return shown !== text || first >= 0x7f ? NEEDS_TEXT_MARK.test(shown.slice(0, 2).normalize("NFKC")) : false;
}
