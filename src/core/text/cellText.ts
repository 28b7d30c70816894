/**
 * Text the add-on writes into cells (statuses, messages, Vitable's reasons) must stay text
 * (product.md invariant 8). Sheets reads a written string like typed input: a leading `=` makes a
 * formula, and `+ - @`, tab and CR are the other openers spreadsheets act on (OWASP CSV
 * injection). A leading apostrophe makes Sheets show the rest as text and hides the apostrophe,
 * so a string that itself starts with an apostrophe needs one too, or its own would vanish.
 */
const NEEDS_TEXT_MARK = /^[=+\-@\t\r']/;

/** What to write so that Sheets shows exactly `text`, never as a formula. */
export function escapeCellText(text: string): string {
  return NEEDS_TEXT_MARK.test(text) ? `'${text}` : text;
}
