import { matchesTypedPhrase } from "../core/sync/typedPhrase";
import { CONFIRM_DIALOG } from "../messages/confirmDialog";
import { REMOVE_DATA, REMOVE_DATA_QUESTION } from "../messages/removeData";
import { CHANGED_SINCE_CONFIRMED } from "../messages/sync";
import {
  confirmMenuSyncAnswerSchema,
  parseDialogView,
  removeDataAnswerSchema,
  VIEW_ELEMENT_ID,
  type ConfirmMenuSyncRequest,
  type ConfirmView,
} from "../shared/confirmDialog";
import { fill, h, type Child } from "../sidebar/dom";
import { removeDataExplained } from "../sidebar/removeDataQuestion";

/**
 * The menu's confirmation dialog (dist/ConfirmDialog.html). Cancel is the default and has
 * focus; Escape cancels; only a click or Enter on the red button confirms. For a sync, confirming
 * calls confirmMenuSync, which syncs with the token of what this page showed, or sends a new view
 * when the tab changed meanwhile; for removing the add-on's data, removeAddonData. The outcome
 * stays until the person closes the dialog.
 */

interface ScriptRun {
  withSuccessHandler(handler: (answer: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  confirmMenuSync(request: ConfirmMenuSyncRequest): void;
  removeAddonData(request: Record<string, never>): void;
}

/** `google.script`, read at each use: Apps Script defines it around the page's own script. */
function googleScript(): { run: ScriptRun; host: { close(): void } } | undefined {
  return (globalThis as { google?: { script?: { run: ScriptRun; host: { close(): void } } } }).google?.script;
}

/** While the server works, the dialog stays: closing it would hide the outcome, not stop the work. */
let working = false;

function close(): void {
  googleScript()?.host.close();
}

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && !working) {
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
    working = true;
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

/**
 * Calls the server with `call` and hands its answer to `answered`, or says why there is none
 * under `heading`.
 */
function callServer(heading: string, call: (run: ScriptRun) => void, answered: (raw: unknown) => void): void {
  const run = googleScript()?.run;
  if (run === undefined) {
    done(heading, CONFIRM_DIALOG.unreachable);
    return;
  }
  call(
    run
      .withSuccessHandler((raw) => {
        working = false;
        answered(raw);
      })
      .withFailureHandler((error) => {
        working = false;
        // A thrown server error arrives as an Error holding the server's message.
        done(
          heading,
          error instanceof Error && error.message.trim() !== "" ? error.message : CONFIRM_DIALOG.unreachable,
        );
      }),
  );
}

function send(request: ConfirmMenuSyncRequest): void {
  callServer(
    CONFIRM_DIALOG.outcome,
    (run) => run.confirmMenuSync(request),
    (raw) => {
      const answer = confirmMenuSyncAnswerSchema.safeParse(raw);
      if (!answer.success) done(CONFIRM_DIALOG.outcome, CONFIRM_DIALOG.unreachable);
      else if (answer.data.state === "askAgain") ask(answer.data.view);
      else done(CONFIRM_DIALOG.outcome, answer.data.message);
    },
  );
}

/** What removing the add-on's data deletes and what it leaves alone, with Cancel focused. */
function askRemoveData(): void {
  const cancel = button(REMOVE_DATA_QUESTION.cancel, "secondary", close);
  const confirm = button(REMOVE_DATA_QUESTION.confirm, "danger", () => {
    working = true;
    buttons.hidden = true;
    fill(status, REMOVE_DATA_QUESTION.removing);
    status.focus();
    callServer(
      REMOVE_DATA.dialogTitle,
      (run) => run.removeAddonData({}),
      (raw) => {
        const answer = removeDataAnswerSchema.safeParse(raw);
        const message = !answer.success
          ? CONFIRM_DIALOG.unreachable
          : answer.data.ok
            ? answer.data.value.message
            : answer.data.message;
        done(REMOVE_DATA.dialogTitle, message);
      },
    );
  });
  const status = h("p", { class: "status", attrs: { role: "status", tabindex: -1 } });
  const buttons = h("div", { class: "buttons" }, cancel, confirm);
  fill(
    document.body,
    page(
      "alertdialog",
      "why",
      h("h1", { attrs: { id: "heading" } }, REMOVE_DATA_QUESTION.heading),
      h("div", { attrs: { id: "why" } }, ...removeDataExplained("remove-data")),
      status,
      buttons,
    ),
  );
  cancel.focus();
}

/** The outcome (or why nothing was done), under `heading`, until the person closes the dialog. */
function done(heading: string, message: string): void {
  const closeButton = button(CONFIRM_DIALOG.close, "primary", close);
  fill(
    document.body,
    page(
      "dialog",
      "outcome",
      h("h1", { attrs: { id: "heading" } }, heading),
      h("p", { class: "outcome", attrs: { id: "outcome" } }, message),
      h("div", { class: "buttons" }, closeButton),
    ),
  );
  closeButton.focus();
}

const view = parseDialogView(document.getElementById(VIEW_ELEMENT_ID)?.textContent ?? "");
if ("kind" in view) askRemoveData();
else ask(view);
