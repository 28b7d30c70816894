/** Sentences about laying out a roster tab: inserting the header row, and its dropdowns' help. */

export const HEADERS_ALREADY_INSERTED = "Row 1 of this tab already has the roster headers, so nothing was changed.";

/** Row 1 is a roster header row already, though not a complete one: `problem` says what it lacks. */
export function headersPartlyThere(problem: string): string {
  return `Row 1 of this tab already has roster headers, so nothing was changed. ${problem}`;
}

/** The help a dropdown shows beside a cell of its column. */
export const DROPDOWN_HELP = {
  plan: "Choose the member's plan. A plan ID from Vitable works too.",
  state: "Choose the two-letter state code. A full state name, such as California, works too.",
} as const;

export function headersInserted(tab: string): string {
  return `Roster headers added to "${tab}". Paste or type one person per row below them.`;
}
