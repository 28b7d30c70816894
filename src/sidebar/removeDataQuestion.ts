import { REMOVE_DATA_QUESTION } from "../messages/removeData";
import { h } from "./dom";

/**
 * What removing the add-on's data deletes and what it leaves alone, then what it means for the
 * next sync: the same words in the sidebar's inline question and the menu's dialog. `idPrefix`
 * keeps the lists' labels unique on the page.
 */
export function removeDataExplained(idPrefix: string): HTMLElement[] {
  const list = (id: string, label: string, items: readonly string[]) => [
    h("p", { class: "list-label", attrs: { id } }, label),
    h("ul", { class: "plain", attrs: { "aria-labelledby": id } }, ...items.map((item) => h("li", null, item))),
  ];
  return [
    ...list(`${idPrefix}-deletes`, REMOVE_DATA_QUESTION.deletesLabel, REMOVE_DATA_QUESTION.deletes),
    ...list(`${idPrefix}-keeps`, REMOVE_DATA_QUESTION.keepsLabel, REMOVE_DATA_QUESTION.keeps),
    h("p", null, REMOVE_DATA_QUESTION.nextSync),
  ];
}
