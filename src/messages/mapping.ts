/** Sentences about which column of a tab is which: the header row and the mapping step. */

/** The step in the sidebar where the user says which column is which. */
export const MAP_COLUMNS = "Map columns";

export function columnChosenGone(header: string, label: string, headerRow: number): string {
  return `The column "${header}" chosen for ${label} is no longer in row ${headerRow}: it was renamed or deleted.`;
}

/** `headers` lists the candidate headers in words: `"Phone" and "Mobile"`. */
export function moreThanOneColumn(label: string, headers: string): string {
  return `More than one column could be ${label}: ${headers}.`;
}

/** The fix: `choiceNeeded` when only the user can settle it (a column gone or two candidates). */
export function columnsToMap(choiceNeeded: boolean): string {
  return choiceNeeded
    ? `Choose which column is which with ${MAP_COLUMNS} in the sidebar, then sync again.`
    : `Or choose which column is which with ${MAP_COLUMNS} in the sidebar.`;
}

export const REQUIRED_COLUMN_UNMAPPED = (label: string) => `Choose a column for ${label}: every member needs one.`;

export const COLUMN_CHOSEN_TWICE = (header: string, labels: string) =>
  `The column "${header}" is chosen for ${labels}; a column can be only one of them.`;

export const NOT_A_HEADER = (header: string, headerRow: number) =>
  `There is no column "${header}" in row ${headerRow} of this tab.`;

export const MAPPING_SAVED = "Column choices saved. Every sync of this tab, scheduled ones too, uses them.";

export const MAPPING_CLEARED = "Column choices cleared: the add-on recognises the columns by their headers again.";

export const WAIT_BEFORE_MAPPING =
  "A sync of this tab is still waiting for Vitable's answer. Change the columns once it has finished: its results are written back by the columns it was read with.";
