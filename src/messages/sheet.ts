/**
 * Sentences about laying out a roster tab (inserting the header row, and its dropdowns' help),
 * and about the add-on's own tabs, which are not rosters.
 */

export function headersAlreadyInserted(tab: string): string {
  return `Row 1 of "${tab}" already has the roster headers, so nothing was changed.`;
}

/** The header row goes into an empty tab only: written over data, it would mix with what is there. */
export function tabNotEmpty(tab: string): string {
  return `"${tab}" already has data, and roster headers go into an empty tab only, so nothing was changed. Add a new tab (the + at the bottom left) and insert the headers there.`;
}

/** What each of the add-on's own tabs holds, for notARoster. */
export const OWN_TAB_HOLDS = {
  log: "the add-on's log of syncs",
  records: "where the add-on keeps its records",
} as const;

export function notARoster(tab: string, holds: string): string {
  return `"${tab}" is ${holds}, not a roster. Open the tab with your roster (or add a new tab for one) and try again.`;
}

/** The help a dropdown shows beside a cell of its column. */
export const DROPDOWN_HELP = {
  plan: "Choose the member's plan. A plan ID from Vitable works too.",
  state: "Choose the two-letter state code. A full state name, such as California, works too.",
} as const;

export function headersInserted(tab: string): string {
  return `Roster headers added to "${tab}". Paste or type one person per row below them.`;
}
