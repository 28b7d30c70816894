/**
 * Sentences about reading a roster tab: its header row, each cell's problem or repair, and the
 * Vitable Message of a row. A value the user typed arrives already cut short (core/text/wording
 * `shortened`), so a 50,000-character cell still makes a sentence that fits in a cell.
 */

// --- The header row ---

const EXAMPLE_HEADERS = "Employee ID, First Name, Last Name and Date of Birth";

/** No header of row `headerRow` names a roster column; `hasAnyHeader` when the row is not empty. */
export function noHeaderRow(headerRow: number, hasAnyHeader: boolean): string {
  const fix = `Put the column headers, such as ${EXAMPLE_HEADERS}, in row ${headerRow}, then validate again.`;
  return hasAnyHeader
    ? `None of the headers in row ${headerRow} is a roster column. ${fix}`
    : `Row ${headerRow} of this tab has no column headers. ${fix}`;
}

/** A missing column, with the header that looks most like it: `Date of Birth (closest: "Birth Dte")`. */
export function missingColumnName(label: string, closest: string | null): string {
  return closest === null ? label : `${label} (closest: "${closest}")`;
}

/** `columns` lists the missing columns in words ("ZIP and City"); `count` says how many there are. */
export function missingColumns(columns: string, count: number): string {
  return count === 1
    ? `The tab is missing the column ${columns}. Add it or rename the header, then validate again.`
    : `The tab is missing the columns ${columns}. Add them or rename the headers, then validate again.`;
}

// --- One cell: a predicate follows the column's header as the user wrote it ---

/** "Phone is empty.": a cell's problem, or what the add-on changed, after its column's name. */
export function aboutColumn(column: string, predicate: string): string {
  return `${column} ${predicate}.`;
}

export const IS_EMPTY = "is empty";

const PLAIN_TEXT_FIX = "format the column as plain text (Format ▸ Number ▸ Plain text)";

export const TURNED_INTO_DATE = `was turned into a date by Google Sheets; ${PLAIN_TEXT_FIX} and retype it`;

/** Typing TRUE or FALSE (a surname True) makes the same value as a checkbox, so retyping alone does not help. */
export function checkboxValue(shown: "TRUE" | "FALSE"): string {
  return (
    `holds ${shown}, which Google Sheets keeps as a checkbox value, not as text; ` +
    `remove any checkbox, ${PLAIN_TEXT_FIX} and retype the value`
  );
}

/** `codePoint` as Unicode writes it: "U+202E". */
export function directionControl(codePoint: string): string {
  return `contains an invisible direction mark (${codePoint}), which can make the text show in another order; retype the value without it`;
}

/** `codePoint` as Unicode writes it: "U+0007". */
export function controlCharacter(codePoint: string): string {
  return `contains an invisible control character (${codePoint}), often pasted from another system; retype the value without it`;
}

/** `code` is the error the cell shows: "#REF!". */
export function sheetError(code: string): string {
  return `shows the error ${code} instead of a value; fix the formula or retype the value`;
}

/** A reference ID Sheets holds as a number it may not keep exactly. */
export function numberId(shown: string): string {
  return `holds the number ${shown}, which Google Sheets may not keep exactly as typed; ${PLAIN_TEXT_FIX} and retype the ID`;
}

export function phoneExtension(typed: string): string {
  return `has an extension ("${typed}"); Vitable takes the main number only, so remove the extension`;
}

/** A local number: `digits` are its seven digits, shown after an example area code. */
export function phoneWithoutAreaCode(typed: string, digits: string): string {
  const example = `(415) ${digits.slice(0, 3)}-${digits.slice(3)}`;
  return `"${typed}" has no area code; type the 3-digit area code in front of it, as in ${example}`;
}

// --- Date of Birth ---

const HOW_TO_TYPE_A_DATE = "type it as 1990-05-15 or 05/15/1990";

export const NOT_A_VALID_DATE = `is not a valid date; ${HOW_TO_TYPE_A_DATE}`;

/** `isoDate` is YYYY-MM-DD. */
export function inTheFuture(isoDate: string): string {
  return `${isoDate} is in the future`;
}

export function tooLongAgo(isoDate: string, years: number): string {
  return `${isoDate} is more than ${years} years ago`;
}

export function numberNotADate(number: number): string {
  return `is the number ${number}, not a date; ${HOW_TO_TYPE_A_DATE}`;
}

/** A repair: a date serial number read as its date. */
export function numberReadAsDate(number: number, isoDate: string): string {
  return `${number} was read as the date ${isoDate}`;
}

export function notARealDate(typed: string): string {
  return `"${typed}" is not a real date`;
}

export function notARealMonthFirstDate(typed: string): string {
  return `"${typed}" is not a real date (the month comes first, as in 05/15/1990)`;
}

/** A date that can only be day first, such as 14/03/1989; `monthFirst` is it the other way round. */
export function dayFirstDate(typed: string, monthFirst: string): string {
  return `"${typed}" looks day-first; type the month first: ${monthFirst}`;
}

export function twoDigitYear(typed: string): string {
  return `"${typed}" has a two-digit year; type all four digits, such as 05/15/1990`;
}

export function notADate(typed: string): string {
  return `"${typed}" is not a date the add-on can read; ${HOW_TO_TYPE_A_DATE}`;
}

// --- Plan, State, ZIP ---

export function noPlansYet(typed: string): string {
  return `"${typed}" cannot be matched because your organization has no Vitable plans yet; ask Vitable to link a plan to it, then validate again`;
}

/** `planNames` lists the plans to choose from in words: `"Gold" or "Silver"`. */
export function notAPlan(typed: string, planNames: string): string {
  return `"${typed}" is not one of your organization's plans; use one of ${planNames}`;
}

/** `planIds` lists in words the IDs of the plans sharing the name. */
export function planNameShared(typed: string, planIds: string): string {
  return `"${typed}" is the name of more than one plan; type the plan ID instead (${planIds})`;
}

/** A repair: a state's name read as its code. */
export function stateReadAs(typed: string, code: string): string {
  return `"${typed}" was read as ${code}`;
}

/** A repair: a ZIP code's lost leading zeros put back. */
export function zipReadAs(digits: string, zip: string): string {
  return `${digits} was read as ${zip} because Google Sheets drops leading zeros`;
}

// --- Rows ---

/**
 * A reference ID other rows carry too. `otherRows` lists them in words ("7", "7 and 12",
 * "2, 3, 4, 5 and 95 more"), `count` says how many there are; `column` is the ID's header.
 */
export function sharedReferenceId(referenceId: string, count: number, otherRows: string, column: string): string {
  return `${referenceId} is also used on ${count === 1 ? "row" : "rows"} ${otherRows}; give each person their own ${column}`;
}

/** The end of a list cut short: "2, 3, 4, 5 and 95 more". */
export function listAndMore(listed: string, more: number): string {
  return `${listed} and ${more} more`;
}
