/**
 * "Remove the add-on's data from this spreadsheet", in the menu's dialog and the sidebar: what
 * it deletes, what it leaves alone, and what it answers. Shipped with the sidebar and the dialog,
 * so it holds words only.
 */

/** What the server says: the menu item, the dialog's title bar and the outcome. */
export const REMOVE_DATA = {
  action: "Remove the add-on's data…",
  dialogTitle: "Remove the add-on's data",
  done: "The add-on's data was removed from this spreadsheet. Your tabs and Vitable are as they were; connect a key to use the add-on here again.",
} as const;

/** The question the sidebar and the menu's dialog ask first (the server bundle leaves it out). */
export const REMOVE_DATA_QUESTION = {
  heading: "Remove the add-on's data from this spreadsheet?",
  deletesLabel: "This deletes:",
  deletes: [
    "the hidden Vitable Sync Records tab: which tab is linked to which group, removal limits, column choices and what was last synced;",
    "the Vitable Sync Log tab;",
    "the Vitable key shared with everyone who edits this spreadsheet, and the key you saved for yourself here;",
    "your schedule for this spreadsheet (someone else's schedule stops by itself at its next run).",
  ],
  keepsLabel: "This does not change:",
  keeps: [
    "your roster tabs, with their Vitable Status, Vitable Message and Vitable Synced At columns;",
    "anything in Vitable: its groups and members stay as they are, and everyone keeps their coverage.",
  ],
  nextSync:
    "Afterwards the add-on no longer knows what was synced before, so the next sync of each tab asks you to confirm, as a first sync does.",
  confirm: "Remove data",
  cancel: "Cancel",
  removing: "Removing the add-on's data…",
} as const;

/** Refused: a pending sync's outcome is kept in the records that would be deleted. */
export function waitForPendingSync(tabs: string): string {
  return `A sync of ${tabs} is still waiting for Vitable's answer, and removing the add-on's data now would lose its outcome. Nothing was removed: wait until it has finished, then try again.`;
}

export const REMOVE_DATA_BUSY =
  "A sync is running in this spreadsheet, so nothing was removed. Wait until it has finished, then try again.";
