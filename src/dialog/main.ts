import { matchesTypedPhrase } from "../core/sync/typedPhrase";
import { CONFIRM_DIALOG } from "../messages/confirmDialog";
import { CHANGED_SINCE_CONFIRMED } from "../messages/sync";
import {
  confirmMenuSyncAnswerSchema,
  parseView,
  VIEW_ELEMENT_ID,
  type ConfirmMenuSyncRequest,
  type ConfirmView,
} from "../shared/confirmDialog";
import { fill, h, type Child } from "../sidebar/dom";

/**
 * The menu sync's confirmation dialog (dist/ConfirmDialog.html). Cancel is the default and has
 * focus; Escape cancels; only a click or Enter on the red button confirms. Confirming calls
 * confirmMenuSync, which syncs with the token of what this page showed, or sends a new view
 * when the tab changed meanwhile; the outcome stays until the person closes the dialog.
 */

interface ScriptRun {
  withSuccessHandler(handler: (answer: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  confirmMenuSync(request: ConfirmMenuSyncRequest): void;
}

/** `google.script`, read at each use: Apps Script defines it around the page's own script. */
function googleScript(): { run: ScriptRun; host: { close(): void } } | undefined {
  return (globalThis as { google?: { script?: { run: ScriptRun; host: { close(): void } } } }).google?.script;
}

/** While the sync runs, the dialog stays: closing it would hide the outcome, not stop the sync. */
let syncing = false;

function close(): void {
  googleScript()?.host.close();
}

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !syncing) {
    event.preventDefault();
    close();
  }
});

function button(label: string, kind: "danger" | "secondary" | "primary", onClick: () => void): HTMLButtonElement {
  return h("button", { class: `button ${kind}`, attrs: { type: "button" }, on: { click: onClick } }, label);
}

/** The whole page is the dialog: its heading names it and `describedBy` says what it is about. */
function page(role: "alertdialog" | "dialog", describedBy: string, ...children: Child[]): HTMLElement {
  return h(
    "main",
    null,
    h(
      "div",
      {
        class: "dialog",
        attrs: { role, "aria-modal": "true", "aria-labelledby": "heading", "aria-describedby": describedBy },
      },
      ...children,
    ),
  );
}

function ask(view: ConfirmView): void {
  const everyone = view.typedPhrase !== null;
  const cancel = button(CONFIRM_DIALOG.cancel, "secondary", close);
  const confirm = button(CONFIRM_DIALOG.confirm(view.removing, everyone), "danger", submit);
  const phraseError = h("p", { class: "error", attrs: { id: "phrase-error", "aria-live": "assertive" } });
  const phrase =
    view.typedPhrase === null
      ? null
      : h("input", {
          attrs: {
            id: "phrase",
            type: "text",
            autocomplete: "off",
            spellcheck: "false",
            "aria-describedby": "phrase-error",
          },
        });
  // The mismatch said after a press goes as soon as the text is edited.
  phrase?.addEventListener("input", () => {
    phrase.removeAttribute("aria-invalid");
    fill(phraseError);
  });
  const status = h("p", { class: "status", attrs: { role: "status", tabindex: -1 } });
  const more = view.removing - view.people.length;
  const list =
    view.people.length === 0
      ? null
      : h(
          "ul",
          { class: "people", attrs: { "aria-labelledby": "people-label" } },
          ...view.people.map(({ person, reason }) =>
            h("li", null, h("span", { class: "person" }, person), h("span", { class: "reason" }, reason)),
          ),
          more > 0 && h("li", null, CONFIRM_DIALOG.morePeople(more)),
        );
  const buttons = h("div", { class: "buttons" }, cancel, confirm);

  function submit(): void {
    if (phrase !== null && view.typedPhrase !== null && !matchesTypedPhrase(view.typedPhrase, phrase.value)) {
      fill(phraseError, CONFIRM_DIALOG.phraseMismatch(view.typedPhrase));
      phrase.setAttribute("aria-invalid", "true");
      phrase.focus();
      return;
    }
    syncing = true;
    buttons.hidden = true;
    fill(status, CONFIRM_DIALOG.syncing(view.tabName));
    status.focus();
    send({ sheetId: view.sheetId, token: view.token, typedPhrase: phrase?.value ?? null });
  }

  fill(
    document.body,
    page(
      "alertdialog",
      "why",
      h("h1", { attrs: { id: "heading" } }, CONFIRM_DIALOG.heading(view.removing, everyone)),
      h("p", { class: "tab" }, CONFIRM_DIALOG.tab(view.tabName)),
      view.changedSinceConfirmed && h("p", { class: "notice", attrs: { role: "alert" } }, CHANGED_SINCE_CONFIRMED),
      h("div", { attrs: { id: "why" } }, ...view.sentences.map((sentence) => h("p", null, sentence))),
      list && h("h2", { attrs: { id: "people-label" } }, CONFIRM_DIALOG.peopleLabel(view.removing)),
      list,
      phrase &&
        view.typedPhrase !== null &&
        h(
          "div",
          { class: "field" },
          h("label", { attrs: { for: "phrase" } }, CONFIRM_DIALOG.typePhrase(view.typedPhrase)),
          phrase,
          phraseError,
        ),
      status,
      buttons,
    ),
  );
  // A list taller than its box scrolls: it must then be reachable from the keyboard.
  if (list !== null && list.scrollHeight > list.clientHeight) list.tabIndex = 0;
  cancel.focus();
}

function send(request: ConfirmMenuSyncRequest): void {
  const run = googleScript()?.run;
  if (run === undefined) {
    done(CONFIRM_DIALOG.unreachable);
    return;
  }
  run
    .withSuccessHandler((raw) => {
      const answer = confirmMenuSyncAnswerSchema.safeParse(raw);
      syncing = false;
      if (!answer.success) done(CONFIRM_DIALOG.unreachable);
      else if (answer.data.state === "askAgain") ask(answer.data.view);
      else done(answer.data.message);
    })
    .withFailureHandler((error) => {
      syncing = false;
      // A thrown server error arrives as an Error holding the server's message.
      done(error instanceof Error && error.message.trim() !== "" ? error.message : CONFIRM_DIALOG.unreachable);
    })
    .confirmMenuSync(request);
}

/** The sync's outcome (or why it did not run), until the person closes the dialog. */
function done(message: string): void {
  const closeButton = button(CONFIRM_DIALOG.close, "primary", close);
  fill(
    document.body,
    page(
      "dialog",
      "outcome",
      h("h1", { attrs: { id: "heading" } }, CONFIRM_DIALOG.outcome),
      h("p", { class: "outcome", attrs: { id: "outcome" } }, message),
      h("div", { class: "buttons" }, closeButton),
    ),
  );
  closeButton.focus();
}

const holder = document.getElementById(VIEW_ELEMENT_ID);
ask(parseView(holder?.textContent ?? ""));
