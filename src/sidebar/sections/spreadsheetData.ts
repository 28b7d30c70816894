import { REMOVE_DATA, REMOVE_DATA_QUESTION } from "../../messages/removeData";
import { SPREADSHEET_DATA_SUMMARY } from "../../messages/sidebar";
import { call } from "../bridge";
import type { Section, SidebarContext } from "../context";
import { fill, h } from "../dom";
import { removeDataExplained } from "../removeDataQuestion";
import { act, button, fold, notice, row } from "../ui";

/**
 * "This spreadsheet", folded at the bottom: a quiet way to remove the add-on's data from it. The
 * button asks first, in place, saying what goes and what stays; Cancel has the focus. Once the
 * data is gone, the sidebar loads again and shows the add-on as it was before anyone used it here.
 */
export function spreadsheetDataSection(sidebar: SidebarContext): Section {
  const part = fold("This spreadsheet");
  part.set([SPREADSHEET_DATA_SUMMARY]);
  const feedback = notice();
  const actions = h("div");
  const askFirst = () => {
    const cancel = button(REMOVE_DATA_QUESTION.cancel, "secondary", () => {
      showButton();
      opener.focus();
    });
    fill(
      actions,
      h(
        "div",
        { class: "card outlined", attrs: { role: "group", "aria-labelledby": "remove-data-question" } },
        h("h3", { attrs: { id: "remove-data-question" } }, REMOVE_DATA_QUESTION.heading),
        ...removeDataExplained("remove-data"),
        row(removeNow, cancel),
      ),
    );
    cancel.focus();
  };
  const opener = button(REMOVE_DATA.action, "secondary", askFirst);
  const showButton = () => fill(actions, opener);
  const removeNow: HTMLButtonElement = button(REMOVE_DATA_QUESTION.confirm, "danger", () => {
    void act(removeNow, feedback, async () => {
      const { message } = await call("removeAddonData", {});
      showButton();
      opener.focus();
      await sidebar.refresh();
      feedback.info(message);
    });
  });
  showButton();
  fill(part.body, actions, feedback.element);
  return { element: part.element, show: () => undefined };
}
