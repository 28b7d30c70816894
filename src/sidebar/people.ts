import { andMore, rowPrefix, selectRow } from "../messages/sidebar";
import type { PersonView, RemovalView } from "../shared/bridge";
import { call } from "./bridge";
import { h, type Child } from "./dom";
import { act, note, type Notice } from "./ui";

/**
 * A line that selects its cell in the sheet when clicked, e.g. "Row 12 · Phone — …". People
 * without a column (sync failures, excluded rows) select the row's first cell.
 */
export function cellLink(
  target: { sheetId: number; row: number; column?: number },
  feedback: Notice,
  ...children: Child[]
): HTMLButtonElement {
  const link: HTMLButtonElement = h(
    "button",
    {
      class: "cell-link",
      attrs: { type: "button", title: selectRow(target.row) },
      on: {
        click: () => {
          void act(link, feedback, async () => {
            await call("selectCell", { sheetId: target.sheetId, row: target.row, column: target.column ?? 1 });
          });
        },
      },
    },
    ...children,
  );
  return link;
}

/** "Jane Doe · E1001" (or the reference ID alone when the name is unknown): who a line is about. */
export function who(person: { name: string; referenceId: string | null }): Child[] {
  if (person.name === "") return [h("strong", null, person.referenceId ?? "")];
  return [h("strong", null, person.name), person.referenceId !== null && ` · ${person.referenceId}`];
}

/** People with the row they are on, if any: a row selects its first cell when clicked. */
export function personList(people: readonly PersonView[], sheetId: number, feedback: Notice): HTMLElement {
  return h(
    "ul",
    { class: "list", attrs: { tabindex: 0 } },
    ...people.map((person) =>
      h(
        "li",
        null,
        ...(person.row === null
          ? who(person)
          : [cellLink({ sheetId, row: person.row }, feedback, rowPrefix(person.row), ...who(person))]),
      ),
    ),
  );
}

/** People who would leave the group, each with why. */
export function removalList(people: readonly RemovalView[]): HTMLElement {
  return h(
    "ul",
    { class: "list", attrs: { tabindex: 0 } },
    ...people.map((person) => h("li", null, ...who(person), h("div", { class: "reason" }, person.reason))),
  );
}

/** "and 12 more" when a list in an answer was capped below its count. */
export function moreThanShown(shown: number, total: number): HTMLElement | null {
  return total > shown ? note(andMore(total - shown)) : null;
}
