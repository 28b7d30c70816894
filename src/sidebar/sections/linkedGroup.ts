import { groupReferenceOf } from "../../messages/sidebar";
import type { TabView } from "../../shared/bridge";
import { call } from "../bridge";
import type { SidebarContext } from "../context";
import { h, fill } from "../dom";
import { act, button, field, note, notice, row, textInput } from "../ui";
import { requiredGroupText } from "./groupText";

type Link = NonNullable<TabView["link"]>;

/** The group this tab is linked to, with rename and unlink. */
export function linkedGroup(sidebar: SidebarContext, sheetId: number, link: Link): HTMLElement {
  const feedback = notice();
  const body = h("div");

  const unlink: HTMLButtonElement = button("Unlink", "secondary", () => {
    void act(unlink, feedback, async () => {
      const tab = await call("unlinkTab", { sheetId });
      sidebar.apply((state) => (state.tab.sheetId === tab.sheetId ? { ...state, tab } : state));
    });
  });

  const showLink = () =>
    fill(
      body,
      h("p", { class: "group-name" }, h("strong", null, link.groupName)),
      note(groupReferenceOf(link.externalReferenceId)),
      row(button("Rename", "secondary", showRename), unlink),
    );

  const showRename = () => {
    const name = textInput({ name: "newGroupName", value: link.groupName });
    const save: HTMLButtonElement = button("Save name", "secondary", () => {
      void act(save, feedback, async () => {
        const group = await call("renameGroup", {
          groupId: link.groupId,
          name: requiredGroupText(name.value, "name"),
        });
        sidebar.apply((state) =>
          state.tab.link?.groupId === group.id
            ? { ...state, tab: { ...state.tab, link: { ...state.tab.link, groupName: group.name } } }
            : state,
        );
      });
    });
    fill(body, field("New group name", name), row(save, button("Cancel", "secondary", cancelRename)));
    name.focus();
  };

  const cancelRename = () => {
    feedback.clear();
    showLink();
  };

  showLink();
  return h("div", { class: "linked" }, h("span", { class: "label" }, "Linked Vitable group"), body, feedback.element);
}
