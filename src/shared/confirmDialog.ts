import * as z from "zod/mini";

/**
 * The menu's confirmation dialog (dist/ConfirmDialog.html): the view the server puts into the
 * page, and the calls the page makes back through `google.script.run`. It asks about a sync a
 * safety guard stopped, or about removing the add-on's data. Shared by the server and the
 * dialog's bundle, like bridge.ts for the sidebar.
 */

const text = z.string();

/** Where the page holds its view: a JSON `<script>` the server fills in before showing it. */
export const VIEW_ELEMENT_ID = "confirm-view";
/** What the built page holds in place of the view's JSON until the server fills it in. */
export const VIEW_PLACEHOLDER = "/*CONFIRM_VIEW*/";

export const confirmViewSchema = z.object({
  sheetId: z.int(),
  /** The confirmationToken of exactly the removals shown; the answer sends it back. */
  token: text,
  tabName: text,
  /** The person confirmed already, but the tab or the group changed since: they are asked again. */
  changedSinceConfirmed: z.boolean(),
  /** One sentence per safety guard that asks; none names a person. */
  sentences: z.array(text),
  /** Everyone who would be removed, each once: "Jane Doe (1001)" and why. */
  people: z.array(z.object({ person: text, reason: text })),
  /** How many would be removed; more than `people` when the list is cut short. */
  removing: z.int(),
  /** The phrase to type when the tab has no members to send (everyone would be removed), else null. */
  typedPhrase: z.nullable(text),
});
export type ConfirmView = z.infer<typeof confirmViewSchema>;

export const confirmMenuSyncRequestSchema = z.object({
  sheetId: z.int(),
  token: text,
  typedPhrase: z.nullable(text),
});
export type ConfirmMenuSyncRequest = z.infer<typeof confirmMenuSyncRequestSchema>;

/** The sync ran (its outcome, in a sentence), or it needs asking again about what changed. */
export const confirmMenuSyncAnswerSchema = z.union([
  z.object({ state: z.literal("done"), message: text }),
  z.object({ state: z.literal("askAgain"), view: confirmViewSchema }),
]);
export type ConfirmMenuSyncAnswer = z.infer<typeof confirmMenuSyncAnswerSchema>;

/** The question before removing the add-on's data: its words are the same for every spreadsheet. */
export const removeDataViewSchema = z.object({ kind: z.literal("removeData") });
export type RemoveDataView = z.infer<typeof removeDataViewSchema>;

export type DialogView = ConfirmView | RemoveDataView;

/** The page's answer from removeAddonData, the sidebar's call (BridgeResult): done, or why not. */
export const removeDataAnswerSchema = z.union([
  z.object({ ok: z.literal(true), value: z.object({ message: text }) }),
  z.object({ ok: z.literal(false), message: text }),
]);

/**
 * The view as the page's JSON script holds it: `<` escaped, so a name holding `</script>` or
 * `<!--` cannot end the element early (JSON.parse reads `\u003c` back as `<`).
 */
export function viewJson(view: DialogView): string {
  return JSON.stringify(view).replace(/</g, "\\u003c");
}

/** The sync question a page holds, read by tests from the HTML. */
export function parseView(json: string): ConfirmView {
  return confirmViewSchema.parse(JSON.parse(json));
}

/** Whichever question a page holds, read by the dialog from its DOM. */
export function parseDialogView(json: string): DialogView {
  return z.union([confirmViewSchema, removeDataViewSchema]).parse(JSON.parse(json));
}
