/**
 * The menu sync's confirmation dialog (Extensions ▸ Vitable Roster Sync ▸ Sync to Vitable when a
 * safety guard asks). Its sentences name nobody: the list below them names each person once.
 */
import { countOf } from "../core/text/wording";

export const CONFIRM_DIALOG = {
  heading: (removing: number, everyone: boolean) =>
    everyone
      ? "Remove everyone from the Vitable group?"
      : removing > 0
        ? `Remove ${countOf(removing, "person", "people")} from the Vitable group?`
        : "Replace the Vitable group's members?",
  tab: (tabName: string) => `Sync of "${tabName}"`,
  peopleLabel: (count: number) => `Who would be removed (${count})`,
  morePeople: (count: number) => `…and ${countOf(count, "more person", "more people")}.`,
  typePhrase: (phrase: string) => `To go ahead, type ${phrase}`,
  phraseMismatch: (phrase: string) => `Type ${phrase} exactly, or choose Cancel.`,
  confirm: (removing: number, everyone: boolean) =>
    everyone
      ? "Remove everyone and sync"
      : removing > 0
        ? `Remove ${countOf(removing, "person", "people")} and sync`
        : "Replace the group and sync",
  cancel: "Cancel",
  outcome: "Sync to Vitable",
  close: "Close",
  syncing: (tabName: string) =>
    `Syncing "${tabName}" to Vitable… This can take a minute; the rows say Pending meanwhile.`,
  unreachable: "The dialog could not reach the add-on. Close it and choose Sync to Vitable again.",
} as const;

export const REQUEST_NOT_UNDERSTOOD =
  "The dialog sent an answer the add-on does not understand, so nothing was sent to Vitable. Choose Sync to Vitable again.";

/** What each safety guard says in the dialog, beside the list of the people it is about. */
export const CONFIRM_DIALOG_GUARDS = {
  removalBrake: (removing: number) =>
    `This sync would remove ${countOf(removing, "person", "people")} from the Vitable group, which reaches this ` +
    "tab's safety limit for removals. They would lose their coverage. Confirm only if all of them should be removed.",
  invalidRowRemoves: (removing: number) =>
    `${removing === 1 ? "1 person who is" : `${removing} people who are`} in the Vitable group now would be ` +
    `removed, because ${removing === 1 ? "their row has a problem" : "their rows have problems"} and will not be ` +
    "sent; the list says which. Fix the rows and sync again, or confirm to remove them.",
  unidentifiedRow:
    "Some rows with problems have no readable Reference ID, so the add-on cannot tell whether they belong to the " +
    "people this sync would remove. Check the rows marked Invalid, or confirm to remove the people listed.",
} as const;
