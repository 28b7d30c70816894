import { CONNECT_TO_LINK, INSERT_HEADERS_HINT, linkedTo, NOT_LINKED } from "../../messages/sidebar";
import type { SidebarState } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { act, button, fold, note, notice, row } from "../ui";
import { groupPicker } from "./groupPicker";
import { linkedGroup } from "./linkedGroup";

/**
 * The active tab's group (or a picker), its columns and its headers. Open until the tab is
 * linked; then one folded line naming the group. The tab's name is in the header.
 */
export function tabSection(sidebar: SidebarContext): Section {
  const part = fold("This tab");
  // Which column is which can be reviewed and changed at any time, not only when a read fails.
  const columns: HTMLButtonElement = button("Columns", "link", () => sidebar.mapColumns(columns));
  const group = h("div");
  const picker = groupPicker(sidebar);
  const headersFeedback = notice();
  const insertHeaders: HTMLButtonElement = button("Insert roster headers", "secondary", () => {
    void act(insertHeaders, headersFeedback, async () => {
      const { message } = await call("insertRosterHeaders", { sheetId: sidebar.state.tab.sheetId });
      headersFeedback.info(message);
    });
  });

  const forgetHeadersMessage = whenChanged((_sheetId: number) => headersFeedback.clear());
  const renderGroup = whenChanged(
    ({ connected, sheetId, link }: { connected: boolean; sheetId: number; link: SidebarState["tab"]["link"] }) => {
      // Folded once linked; open on a tab still to link.
      part.set([link ? linkedTo(link.groupName) : NOT_LINKED], link === null);
      if (link) return fill(group, linkedGroup(sidebar, sheetId, link));
      if (connected) return fill(group, picker.element);
      fill(group, note(CONNECT_TO_LINK));
    },
  );

  fill(
    part.body,
    group,
    h("div", { class: "subsection" }, row(insertHeaders, columns), note(INSERT_HEADERS_HINT), headersFeedback.element),
  );

  return {
    element: part.element,
    show(state) {
      const { tab } = state;
      forgetHeadersMessage(tab.sheetId);
      renderGroup({ connected: state.connection !== null, sheetId: tab.sheetId, link: tab.link });
      if (tab.link === null && state.connection !== null) picker.show(tab.sheetId);
      else picker.hide();
    },
  };
}
