import type { PreviewState } from "../shared/api";
import { act } from "./api";
import { button, h, fill } from "./dom";

/**
 * A dialog the script showed with Ui.showModalDialog (or showModelessDialog), as Sheets draws it:
 * a title bar with ×, and the script's page in an iframe at the size the script set, over the
 * dimmed spreadsheet. The page closes it with google.script.host.close(); × closes it too.
 */
export class HtmlDialog {
  readonly element: HTMLElement;
  private version: number | null = null;

  constructor() {
    this.element = h("div", { class: "dialog-backdrop" });
    this.element.hidden = true;
  }

  update(dialog: PreviewState["dialog"]): void {
    if (dialog === null) {
      this.element.hidden = true;
      this.version = null;
      fill(this.element);
      return;
    }
    if (dialog.version === this.version) return;
    // A dialog shown again replaces the one open: its page loads afresh.
    this.version = dialog.version;
    const titleId = `html-dialog-title-${dialog.version}`;
    const frame = h("iframe", {
      attrs: {
        title: dialog.title,
        src: `/dialog?version=${dialog.version}`,
        width: String(dialog.width),
        height: String(dialog.height),
      },
    });
    // As in Sheets, the keyboard is in the dialog once it opens: the page then puts focus where it means to.
    frame.addEventListener("load", () => frame.contentWindow?.focus());
    const close = button("×", () => void act("/api/dialog/close"), {
      class: "icon-button",
      attrs: { "aria-label": "Close", title: "Close" },
    });
    fill(
      this.element,
      h(
        "div",
        { class: "dialog html-dialog", attrs: { role: "dialog", "aria-modal": "true", "aria-labelledby": titleId } },
        h("header", null, h("h2", { attrs: { id: titleId } }, dialog.title), close),
        frame,
      ),
    );
    this.element.hidden = false;
  }
}
