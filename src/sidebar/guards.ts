import { GUARD_TITLES } from "../messages/sidebar";
import type { BlockView, ConfirmationView } from "../shared/bridge";
import { h, type Child } from "./dom";
import { removalList } from "./people";

type Guard = ConfirmationView["guard"];

/** Every guard has a title: a guard added without one fails to type-check here. */
const TITLES: Record<Guard, string> = GUARD_TITLES;

/** One guard that asks or blocks: its title, its sentence, the people it is about, and `extra`. */
export function guardCard(item: ConfirmationView | BlockView, tone: "amber" | "red", ...extra: Child[]): HTMLElement {
  return h(
    "div",
    { class: `card ${tone}` },
    h("strong", { class: "card-title" }, TITLES[item.guard]),
    h("p", null, item.message),
    item.people.length > 0 && removalList(item.people),
    ...extra,
  );
}
