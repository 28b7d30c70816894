import type { WorkbookView } from "../shared/api";
import { act } from "./api";
import { button, h, fill } from "./dom";

/**
 * The tabs at the bottom: a click makes a tab the active one (the one the menu's "Sync to Vitable"
 * syncs). "Import CSV" adds a tab named after the file, its cells entered as Sheets parses typed values.
 */
export class TabStrip {
  readonly element: HTMLElement;
  private readonly tabs: HTMLElement;
  private shown = "";

  constructor() {
    this.tabs = h("div", { class: "tabs", attrs: { role: "tablist", "aria-label": "Sheets" } });
    const file = h("input", { attrs: { type: "file", accept: ".csv,text/csv" } });
    file.hidden = true;
    file.addEventListener("change", () => {
      const chosen = file.files?.[0];
      file.value = "";
      if (chosen !== undefined) {
        void chosen.text().then((text) => act("/api/import", { fileName: chosen.name, text }));
      }
    });
    const importButton = button("Import CSV", () => file.click(), { class: "secondary import-button" });
    this.element = h("div", { class: "tab-strip" }, this.tabs, importButton, file);
  }

  update(workbook: WorkbookView): void {
    const active = workbook.sheet.sheetId;
    const key = JSON.stringify([workbook.tabs, active]);
    if (key === this.shown) return;
    this.shown = key;
    fill(
      this.tabs,
      ...workbook.tabs.map((tab) =>
        h(
          "button",
          {
            class: "tab",
            attrs: { type: "button", role: "tab", "aria-selected": String(tab.sheetId === active) },
            on: { click: () => void act("/api/tab", { sheetId: tab.sheetId }) },
          },
          tab.name,
        ),
      ),
    );
  }
}
