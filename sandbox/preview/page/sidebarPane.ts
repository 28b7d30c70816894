import { act } from "./api";
import { button, h, fill } from "./dom";

/** Sheets' sidebar: 300 px on the right, the page the script showed, with a title bar and ×. */
export const SIDEBAR_WIDTH_PX = 300;

export class SidebarPane {
  readonly element: HTMLElement;
  private version: number | null = null;

  constructor() {
    this.element = h("aside", { class: "sidebar", attrs: { "aria-label": "Sidebar" } });
    this.element.hidden = true;
  }

  update(sidebar: { title: string; version: number } | null): void {
    if (sidebar === null) {
      this.element.hidden = true;
      this.version = null;
      fill(this.element);
      return;
    }
    this.element.hidden = false;
    if (sidebar.version === this.version) return;
    // A sidebar shown again replaces the one open, as in Sheets: its page loads afresh.
    this.version = sidebar.version;
    const frame = h("iframe", {
      attrs: { title: sidebar.title, src: `/sidebar?version=${sidebar.version}`, width: String(SIDEBAR_WIDTH_PX) },
    });
    const close = button("×", () => void act("/api/sidebar/close"), {
      class: "icon-button",
      attrs: { "aria-label": "Close sidebar", title: "Close" },
    });
    fill(this.element, h("header", { class: "sidebar-title" }, h("h2", null, sidebar.title), close), frame);
  }
}
