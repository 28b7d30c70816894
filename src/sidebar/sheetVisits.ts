import type { SidebarContext } from "./context";
import { fill, h } from "./dom";
import { note } from "./ui";

/**
 * A note over a result the user may have made untrue in the sheet: Apps Script tells an add-on
 * nothing about edits, so each time the user comes back to the sidebar from the sheet, a
 * validation or preview shown before says it may be out of date. The result stays, since its
 * links to rows are what the user went to the sheet with.
 */
export function mayHaveChangedNote(sidebar: SidebarContext, sentence: string) {
  const element = h("div");
  let shownAtVisit: number | null = null;
  return {
    element,
    /** The result was computed now. */
    computed(): void {
      shownAtVisit = sidebar.sheetVisits;
      fill(element);
    },
    /** No result is shown any more. */
    cleared(): void {
      shownAtVisit = null;
      fill(element);
    },
    /** Shows the note when the user was in the sheet since the result was computed. */
    check(): void {
      const visited = shownAtVisit !== null && shownAtVisit !== sidebar.sheetVisits;
      if (visited !== element.childElementCount > 0) fill(element, ...(visited ? [note(sentence)] : []));
    },
  };
}
