import {
  EVERY_ROW_READY,
  MAY_HAVE_CHANGED,
  OUT_OF_DATE,
  problemCount,
  problemLine,
  PROBLEMS_IN_MESSAGE_COLUMN,
} from "../../messages/sidebar";
import type { ValidationView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { cellLink, moreThanShown } from "../people";
import { act, button, chips, countChip, note, notice, row, section, type Notice } from "../ui";
import { mapColumnsButton } from "./mapping";
import { mayHaveChangedNote } from "../sheetVisits";

export interface ValidateSection extends Section {
  readonly action: HTMLButtonElement;
  /** Validates the tab as the button does, e.g. once its columns were chosen; never rejects. */
  run(): Promise<void>;
}

/**
 * Checks every row of the tab and lists the first problems; clicking one selects its cell. The
 * button is in the action bar; the section shows only once there is something to show.
 */
export function validateSection(sidebar: SidebarContext): ValidateSection {
  const feedback = notice();
  // A live region: the counts are read out when they arrive.
  const results = h("div", { class: "results", attrs: { role: "status" } });
  const maybeChanged = mayHaveChangedNote(sidebar, MAY_HAVE_CHANGED.validation);
  /** The freshness the shown results were computed at; null when none are shown. */
  let shownAt: string | null = null;
  const run = () =>
    act(validate, feedback, async () => {
      const askedAt = sidebar.freshness;
      element.hidden = false;
      const validation = await call("validateTab", { sheetId: sidebar.state.tab.sheetId });
      if (validation.sheetId !== sidebar.state.tab.sheetId) return;
      shownAt = askedAt;
      if (validation.headerProblem === null) sidebar.setReadyCount(askedAt, validation.summary.ready);
      fill(results, validationView(validation, feedback, sidebar));
      maybeChanged.computed();
      markIfStale();
    });
  const validate: HTMLButtonElement = button("Validate", "secondary", () => void run());
  validate.title = "Check every row of this tab";
  const element = section("Validate", feedback.element, maybeChanged.element, results);
  element.hidden = true;

  function markIfStale(): void {
    if (shownAt === null || shownAt === sidebar.freshness) return;
    shownAt = null;
    maybeChanged.cleared();
    fill(results, note(OUT_OF_DATE.validation));
  }

  // Results belong to the tab they were made for.
  const forgetResults = whenChanged((_sheetId: number) => {
    maybeChanged.cleared();
    fill(results);
    feedback.clear();
    shownAt = null;
    element.hidden = true;
  });
  return {
    element,
    action: validate,
    show: (state) => {
      forgetResults(state.tab.sheetId);
      markIfStale();
      maybeChanged.check();
    },
    run,
  };
}

function validationView(validation: ValidationView, feedback: Notice, sidebar: SidebarContext): HTMLElement {
  const { summary, problems } = validation;
  const blocked = validation.headerProblem !== null;
  return h(
    "div",
    null,
    blocked &&
      h(
        "div",
        { class: "card red", attrs: { role: "alert" } },
        h("p", null, validation.headerProblem),
        // Only a tab with headers to choose from: an empty header row needs its headers typed first.
        validation.headerDetail !== null && row(mapColumnsButton(sidebar)),
      ),
    // A tab that cannot be read has no rows to count.
    !blocked &&
      chips(
        countChip("Ready", summary.ready, "green"),
        countChip("Invalid", summary.invalid, "red"),
        countChip("Excluded", summary.excluded, "grey"),
        countChip("Blank", summary.blank, "grey"),
        countChip("Duplicates", summary.duplicates, "amber"),
      ),
    !blocked &&
      (validation.problemCount === 0
        ? note(EVERY_ROW_READY)
        : h(
            "div",
            null,
            h("h3", null, problemCount(validation.problemCount)),
            h(
              "ul",
              { class: "list", attrs: { tabindex: 0, "aria-label": problemCount(validation.problemCount) } },
              ...problems.map((problem) =>
                h(
                  "li",
                  null,
                  cellLink(
                    { sheetId: validation.sheetId, row: problem.row, column: problem.column },
                    feedback,
                    problemLine(problem.row, problem.columnLabel, problem.message),
                  ),
                ),
              ),
            ),
            moreThanShown(problems.length, validation.problemCount),
            note(PROBLEMS_IN_MESSAGE_COLUMN),
          )),
  );
}
