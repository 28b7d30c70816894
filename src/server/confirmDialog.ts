import { describePerson } from "../core/sync/people";
import type { Confirmation } from "../core/sync/guards";
import type { Removal } from "../core/sync/diff";
import { CONFIRM_DIALOG_GUARDS } from "../messages/confirmDialog";
import type { ConfirmView } from "../shared/confirmDialog";
import type { SyncRunResult } from "./sync/syncResult";
import { removalView } from "./views";

/** The dialog lists this many people; its heading and button count everyone. */
const LISTED_PEOPLE = 200;

/**
 * What the menu's confirmation dialog shows for a sync that asks: every guard's sentence, and
 * everyone who would be removed, once, however many guards are about them.
 */
export function confirmView(
  sheetId: number,
  tabName: string,
  result: Extract<SyncRunResult, { state: "needsConfirmation" }>,
): ConfirmView {
  const removals = new Map<string, Removal>();
  let typedPhrase: string | null = null;
  for (const confirmation of result.confirmations) {
    for (const person of confirmation.people) {
      if (!removals.has(person.referenceId)) removals.set(person.referenceId, person);
    }
    if (confirmation.confirmWith.kind === "typed") typedPhrase = confirmation.confirmWith.phrase;
  }
  return {
    sheetId,
    token: result.token,
    tabName,
    changedSinceConfirmed: result.changedSinceConfirmed,
    sentences: result.confirmations.map(sentenceOf),
    people: [...removals.values()]
      .slice(0, LISTED_PEOPLE)
      .map((removal) => ({ person: describePerson(removal), reason: removalView(removal).reason })),
    removing: removals.size,
    typedPhrase,
  };
}

/** The guard's sentence without the names its own sentence gives (the list gives them). */
function sentenceOf(confirmation: Confirmation): string {
  switch (confirmation.guard) {
    case "removalBrake":
      return CONFIRM_DIALOG_GUARDS.removalBrake(confirmation.people.length);
    case "invalidRowRemoves":
      return CONFIRM_DIALOG_GUARDS.invalidRowRemoves(confirmation.people.length);
    case "unidentifiedRow":
      return CONFIRM_DIALOG_GUARDS.unidentifiedRow;
    default:
      return confirmation.message;
  }
}

/**
 * Tall enough for the heading, the sentences (about 80 characters a line), up to six rows of the
 * list (it scrolls past them), the typed phrase and the buttons, so nothing needs scrolling but the list.
 */
export function dialogHeight(view: ConfirmView): number {
  const sentences = view.sentences.reduce((height, sentence) => height + 8 + 19 * Math.ceil(sentence.length / 80), 0);
  const list = view.people.length === 0 ? 0 : 34 + 27 * Math.min(view.people.length, 6);
  const phrase = view.typedPhrase === null ? 0 : 84;
  const notice = view.changedSinceConfirmed ? 74 : 0;
  return Math.min(600, 126 + sentences + list + phrase + notice);
}

/** Tall enough for the question before removing the add-on's data, its two lists and the buttons. */
export const REMOVE_DATA_DIALOG_HEIGHT = 430;
