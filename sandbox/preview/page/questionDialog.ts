import type { ButtonName, QuestionView } from "../shared/api";
import { act } from "./api";
import { button, h, fill } from "./dom";

const LABELS: Record<QuestionView["buttons"][number], string> = { OK: "OK", CANCEL: "Cancel", YES: "Yes", NO: "No" };

/**
 * The alert or prompt the script waits on, as a modal dialog. The script goes on once the user
 * answers: a button, or × (CLOSE), which Escape also presses.
 */
export class QuestionDialog {
  readonly element: HTMLElement;
  private shownId: number | null = null;

  constructor() {
    this.element = h("div", { class: "dialog-backdrop" });
    this.element.hidden = true;
  }

  update(question: QuestionView | null): void {
    if (question === null) {
      this.hide();
      return;
    }
    if (question.id === this.shownId) return;
    this.shownId = question.id;
    const titleId = `dialog-title-${question.id}`;
    const promptId = `dialog-prompt-${question.id}`;
    const textbox =
      question.type === "prompt"
        ? h("input", { class: "dialog-input", attrs: { type: "text", "aria-labelledby": promptId } })
        : null;
    const answer = (name: ButtonName) => {
      this.hide();
      void act("/api/dialog", { id: question.id, button: name, text: textbox?.value ?? "" });
    };
    const buttons = question.buttons.map((name, index) =>
      button(LABELS[name], () => answer(name), { class: index === 0 ? "primary" : "secondary" }),
    );
    textbox?.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && question.buttons.includes("OK")) answer("OK");
    });
    const dialog = h(
      "div",
      {
        class: "dialog",
        attrs: { role: "dialog", "aria-modal": "true", "aria-labelledby": titleId, "aria-describedby": promptId },
        on: {
          keydown: (event) => {
            if (event.key === "Escape") answer("CLOSE");
          },
        },
      },
      h(
        "header",
        null,
        h("h2", { attrs: { id: titleId } }, question.title),
        button("×", () => answer("CLOSE"), { class: "icon-button", attrs: { "aria-label": "Close" } }),
      ),
      h("p", { class: "dialog-prompt", attrs: { id: promptId } }, question.prompt),
      textbox,
      h("div", { class: "dialog-buttons" }, ...buttons),
    );
    fill(this.element, dialog);
    this.element.hidden = false;
    (textbox ?? buttons[0])?.focus();
  }

  private hide(): void {
    this.element.hidden = true;
    fill(this.element);
  }
}
