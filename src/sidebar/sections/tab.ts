import { CONNECT_TO_LINK, INSERT_HEADERS_HINT } from "../../messages/sidebar";
import type { SidebarState } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { act, button, note, notice, row, section } from "../ui";
import { groupPicker } from "./groupPicker";
import { linkedGroup } from "./linkedGroup";
import { safetyPanel } from "./safety";

/** The active tab: its name, the group it is linked to (or a picker), its headers and its brake. */
export function tabSection(sidebar: SidebarContext): Section {
  const name = h("p", { class: "tab-name" });
  // Which column is which can be reviewed and changed at any time, not only when a read fails.
  const columns: HTMLButtonElement = button("Columns", "link", () => sidebar.mapColumns(columns));
  const group = h("div");
  const picker = groupPicker(sidebar);
  const safety = safetyPanel(sidebar);
  const headersFeedback = notice();
  const insertHeaders: HTMLButtonElement = button("Insert roster headers", "secondary", () => {
    void act(insertHeaders, headersFeedback, async () => {
      const { message } = await call("insertRosterHeaders", { sheetId: sidebar.state.tab.sheetId });
      headersFeedback.info(message);
    });
  });

  const renderName = whenChanged((tabName: string) => fill(name, h("strong", null, tabName)));
  const forgetHeadersMessage = whenChanged((_sheetId: number) => headersFeedback.clear());
  const renderGroup = whenChanged(
    ({ connected, sheetId, link }: { connected: boolean; sheetId: number; link: SidebarState["tab"]["link"] }) => {
      if (link) return fill(group, linkedGroup(sidebar, sheetId, link));
      if (connected) return fill(group, picker.element);
      fill(group, note(CONNECT_TO_LINK));
    },
  );

  const element = section(
    "This tab",
    h("div", { class: "tab-heading" }, name, columns),
    group,
    h("div", { class: "subsection" }, row(insertHeaders), note(INSERT_HEADERS_HINT), headersFeedback.element),
    safety.element,
  );

  return {
    element,
    show(state) {
      const { tab } = state;
      renderName(tab.name);
      forgetHeadersMessage(tab.sheetId);
      renderGroup({ connected: state.connection !== null, sheetId: tab.sheetId, link: tab.link });
      if (tab.link === null && state.connection !== null) picker.show(tab.sheetId);
      else picker.hide();
      safety.show(tab);
    },
  };
}
