import type { BlockView, ConfirmationView } from "../shared/bridge";
import { h, type Child } from "./dom";
import { removalList } from "./people";

type Guard = ConfirmationView["guard"];

/** A short title in plain words above each guard's sentence. */
const GUARD_TITLES: Record<Guard, string> = {
  rosterUnreadable: "The tab can't be read as a roster",
  noLastAccepted: "No earlier sync on record",
  emptyRoster: "The roster is empty",
  removalBrake: "Many people would be removed",
  invalidRowRemoves: "Invalid rows would remove people",
};

/** One guard that asks or blocks: its title, its sentence, the people it is about, and `extra`. */
export function guardCard(item: ConfirmationView | BlockView, tone: "amber" | "red", ...extra: Child[]): HTMLElement {
  return h(
    "div",
    { class: `card ${tone}` },
    h("strong", { class: "card-title" }, GUARD_TITLES[item.guard]),
    h("p", null, item.message),
    item.people.length > 0 && removalList(item.people),
    ...extra,
  );
}
