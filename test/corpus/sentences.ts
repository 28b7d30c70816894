/**
 * What a cell's problem says after its column's header, per rule of product.md §4: one pattern
 * per kind of sentence, shared by the hand-written and the generated rows.
 */

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const PLAIN_TEXT_FIX = "format the column as plain text \\(Format ▸ Number ▸ Plain text\\)";

export const SAYS = {
  unknownInclude: /^is ".*", which the add-on does not know; write Yes to sync this row or No to leave it out\.$/s,
  empty: /^is empty\.$/,
  tooLong: /^is longer than 255 characters\.$/,
  sheetError: (code: string) =>
    new RegExp(`^shows the error ${escaped(code)} instead of a value; fix the formula or retype the value\\.$`),
  checkbox: (value: "TRUE" | "FALSE") =>
    new RegExp(
      `^holds ${value}, which Google Sheets keeps as a checkbox value, not as text; remove any checkbox, ${PLAIN_TEXT_FIX} and retype the value\\.$`,
    ),
  turnedIntoDate: new RegExp(`^was turned into a date by Google Sheets; ${PLAIN_TEXT_FIX} and retype it\\.$`),
  directionControl: (codePoint: string) =>
    new RegExp(
      `^contains an invisible direction mark \\(${escaped(codePoint)}\\), which can make the text show in another order; retype the value without it\\.$`,
    ),
  controlCharacter: (codePoint: string) =>
    new RegExp(
      `^contains an invisible control character \\(${escaped(codePoint)}\\), often pasted from another system; retype the value without it\\.$`,
    ),
  numberId: (shown: string) =>
    new RegExp(
      `^holds the number ${escaped(shown)}, which Google Sheets may not keep exactly as typed; ${PLAIN_TEXT_FIX} and retype the ID\\.$`,
    ),
  duplicate: (referenceId: string) =>
    new RegExp(`^${escaped(referenceId)} is also used on rows? [0-9, and]+; give each person their own .+\\.$`),
  notADate: /^".*" is not a date the add-on can read; type it as 1990-05-15 or 05\/15\/1990\.$/,
  notARealDate: /^".*" is not a real date( \(the month comes first, as in 05\/15\/1990\))?\.$/,
  dayFirst: /^"\d{2}([-/])\d{1,2}\1\d{4}" looks day-first; type the month first: \d{2}[-/]\d{2}[-/]\d{4}\.$/,
  twoDigitYear: /^".*" has a two-digit year; type all four digits, such as 05\/15\/1990\.$/,
  inTheFuture: (isoDate: string) => new RegExp(`^${isoDate} is in the future\\.$`),
  tooOld: /^\d{4}-\d{2}-\d{2} is more than 130 years ago\.$/,
  numberNotADate: (shown: string) =>
    new RegExp(`^is the number ${escaped(shown)}, not a date; type it as 1990-05-15 or 05/15/1990\\.$`),
  notAnEmail: /^is not a valid email address\.$/,
  notAPhone: /^must be a 10-digit US number whose area code does not start with 0 or 1\.$/,
  noAreaCode: /^".*" has no area code; type the 3-digit area code in front of it, as in \(415\) \d{3}-\d{4}\.$/,
  extension: /^has an extension \(".*"\); Vitable takes the main number only, so remove the extension\.$/,
  unknownPlan:
    /^".*" is not one of your organization's plans; use one of "Basic Care", "Care Plus" or "Family Care"\.$/,
  notAState: /^must be a two-letter US state or territory code such as CA\.$/,
  notAZip: /^must be a ZIP code such as 94102 or 94102-1234\.$/,
} as const;
