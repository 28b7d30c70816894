import type { AddonMenuView, MenuEntryView } from "../shared/api";
import { act } from "./api";
import { h, fill } from "./dom";

/**
 * The menu bar: Extensions ▸ <add-on> ▸ the items the add-on added in onOpen, which run its
 * functions by their captions (`POST /api/menu`).
 */
export class MenuBar {
  readonly element: HTMLElement;
  private readonly extensions: HTMLButtonElement;
  private readonly menu: HTMLElement;
  private shown = "";

  constructor() {
    this.extensions = h(
      "button",
      {
        class: "menubar-button",
        attrs: { type: "button", "aria-haspopup": "menu", "aria-expanded": "false" },
        on: { click: () => (this.menu.hidden ? this.open() : this.close()) },
      },
      "Extensions",
    );
    this.menu = h("div", { class: "menu", attrs: { role: "menu", "aria-label": "Extensions" } });
    this.menu.hidden = true;
    this.element = h("div", { class: "menubar" }, h("div", { class: "menu-anchor" }, this.extensions, this.menu));
    document.addEventListener("mousedown", (event) => {
      if (!this.element.contains(event.target as Node)) this.close();
    });
    this.element.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        this.close();
        this.extensions.focus();
      }
    });
    this.update(null);
  }

  update(addonMenu: AddonMenuView | null): void {
    const key = JSON.stringify(addonMenu);
    if (key === this.shown) return;
    this.shown = key;
    if (addonMenu === null) {
      // onOpen has not built the menu yet.
      fill(
        this.menu,
        h("div", { class: "menuitem", attrs: { role: "menuitem", "aria-disabled": "true" } }, "Vitable Roster Sync"),
      );
      return;
    }
    fill(this.menu, this.submenu(addonMenu.title, addonMenu.entries, []));
  }

  private open(): void {
    this.menu.hidden = false;
    this.extensions.setAttribute("aria-expanded", "true");
  }

  close(): void {
    this.menu.hidden = true;
    this.extensions.setAttribute("aria-expanded", "false");
    for (const sub of this.menu.querySelectorAll<HTMLElement>(".submenu")) sub.hidden = true;
    for (const item of this.menu.querySelectorAll("[aria-expanded]")) item.setAttribute("aria-expanded", "false");
  }

  /** A menu item that opens `entries` beside it, on click or when the pointer rests on it. */
  private submenu(title: string, entries: MenuEntryView[], path: string[]): HTMLElement {
    const list = h(
      "div",
      { class: "menu submenu", attrs: { role: "menu", "aria-label": title } },
      ...entries.map((entry) => this.entry(entry, path)),
    );
    list.hidden = true;
    const show = () => {
      const siblings = anchor.parentElement?.querySelectorAll<HTMLElement>(":scope > .submenu-anchor > .submenu");
      for (const other of siblings ?? []) if (other !== list) other.hidden = true;
      list.hidden = false;
      opener.setAttribute("aria-expanded", "true");
    };
    const opener = h(
      "button",
      {
        class: "menuitem has-submenu",
        attrs: { type: "button", role: "menuitem", "aria-haspopup": "menu", "aria-expanded": "false" },
        on: { click: show, mouseenter: show, keydown: (event) => event.key === "ArrowRight" && show() },
      },
      title,
    );
    const anchor = h("div", { class: "submenu-anchor" }, opener, list);
    return anchor;
  }

  private entry(entry: MenuEntryView, path: string[]): HTMLElement {
    switch (entry.type) {
      case "separator":
        return h("div", { class: "menu-separator", attrs: { role: "separator" } });
      case "submenu":
        return this.submenu(entry.title, entry.entries, [...path, entry.title]);
      case "item": {
        const captions = [...path, entry.caption];
        return h(
          "button",
          {
            class: "menuitem",
            attrs: { type: "button", role: "menuitem" },
            on: {
              click: () => {
                this.close();
                void act("/api/menu", { captions });
              },
            },
          },
          entry.caption,
        );
      }
    }
  }
}
