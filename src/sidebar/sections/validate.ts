import { EVERY_ROW_READY, problemCount, problemLine, PROBLEMS_IN_MESSAGE_COLUMN } from "../../messages/sidebar";
import type { ValidationView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { cellLink, moreThanShown } from "../people";
import { act, button, chips, countChip, note, notice, row, section, type Notice } from "../ui";
import { mapColumnsButton } from "./mapping";

export interface ValidateSection extends Section {
  /** Validates the tab as the button does, e.g. once its columns were chosen; never rejects. */
  run(): Promise<void>;
}

/** Checks every row of the tab and lists the first problems; clicking one selects its cell. */
export function validateSection(sidebar: SidebarContext): ValidateSection {
  const feedback = notice();
  const results = h("div", { class: "results" });
  const run = () =>
    act(validate, feedback, async () => {
      const validation = await call("validateTab", { sheetId: sidebar.state.tab.sheetId });
      if (validation.sheetId === sidebar.state.tab.sheetId)
        fill(results, validationView(validation, feedback, sidebar));
    });
  const validate: HTMLButtonElement = button("Validate this tab", "secondary", () => void run());
  // Results belong to the tab they were made for.
  const forgetResults = whenChanged((_sheetId: number) => {
    fill(results);
    feedback.clear();
  });
  return {
    element: section("Validate", row(validate), feedback.element, results),
    show: (state) => forgetResults(state.tab.sheetId),
    run,
  };
}

function validationView(validation: ValidationView, feedback: Notice, sidebar: SidebarContext): HTMLElement {
  const { summary, problems } = validation;
  return h(
    "div",
    null,
    validation.headerProblem !== null &&
      h(
        "div",
        { class: "card red" },
        h("p", null, validation.headerProblem),
        // Only a tab with headers to choose from: an empty header row needs its headers typed first.
        validation.headerDetail !== null && row(mapColumnsButton(sidebar)),
      ),
    chips(
      countChip("Ready", summary.ready, "green"),
      countChip("Invalid", summary.invalid, "red"),
      countChip("Excluded", summary.excluded, "grey"),
      countChip("Blank", summary.blank, "grey"),
      countChip("Duplicates", summary.duplicates, "amber"),
    ),
    validation.headerProblem === null &&
      (validation.problemCount === 0
        ? note(EVERY_ROW_READY)
        : h(
            "div",
            null,
            h("h3", null, problemCount(validation.problemCount)),
            h(
              "ul",
              { class: "list", attrs: { tabindex: 0 } },
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
