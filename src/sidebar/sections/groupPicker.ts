import {
  groupCreated,
  EXTERNAL_ID_HINT,
  LINK_INTRO,
  linkedToTab,
  NO_GROUPS_YET,
  noGroupMatches,
  groupReferenceOf,
  SEARCH_GROUPS,
} from "../../messages/sidebar";
import type { GroupView } from "../../shared/bridge";
import { call } from "../bridge";
import type { SidebarContext } from "../context";
import { h, fill } from "../dom";
import { act, button, disclosure, field, messageOf, note, notice, type Notice, row, spinner, textInput } from "../ui";
import { requiredGroupText } from "./groupText";

export interface GroupPicker {
  readonly element: HTMLElement;
  /** Shows the picker for a tab, loading the groups when it was hidden or shown for another tab. */
  show(sheetId: number): void;
  /** Forgets the loaded groups: they are loaded again the next time the picker is shown. */
  hide(): void;
}

/** Every group of the Vitable account, searchable, to link the tab to; and a form to create one. */
export function groupPicker(sidebar: SidebarContext): GroupPicker {
  let groups: GroupView[] | null = null;
  let shownFor: number | null = null;
  let loads = 0;
  let selectedId: string | null = null;

  const search = textInput({ type: "search", name: "groupSearch", placeholder: SEARCH_GROUPS });
  search.addEventListener("input", () => renderList());
  const list = h("div", { class: "group-list", attrs: { role: "radiogroup", "aria-label": "Vitable groups" } });
  const feedback = notice();
  const link: HTMLButtonElement = button("Link", "primary", () => {
    void act(link, feedback, async () => {
      if (shownFor === null || selectedId === null) return;
      const tab = await call("linkTab", { sheetId: shownFor, groupId: selectedId });
      selectedId = null;
      sidebar.apply((state) => (state.tab.sheetId === tab.sheetId ? { ...state, tab } : state));
    });
  });

  const selectable = (group: GroupView) => group.linkedTab === null || group.linkedTab.sheetId === shownFor;
  const matches = (group: GroupView) => {
    const query = search.value.trim().toLowerCase();
    return group.name.toLowerCase().includes(query) || group.externalReferenceId.toLowerCase().includes(query);
  };

  function renderList(): void {
    const visible = (groups ?? []).filter(matches);
    const selected = visible.find((group) => group.id === selectedId && selectable(group));
    link.disabled = selected === undefined;
    if (groups === null) return fill(list, spinner("Loading groups…"));
    if (groups.length === 0) return fill(list, note(NO_GROUPS_YET));
    if (visible.length === 0) return fill(list, note(noGroupMatches(search.value.trim())));
    fill(list, ...visible.map(option));
  }

  function option(group: GroupView): HTMLElement {
    const radio = h("input", { attrs: { type: "radio", name: "group", value: group.id } });
    radio.checked = group.id === selectedId;
    radio.disabled = !selectable(group);
    radio.addEventListener("change", () => {
      selectedId = group.id;
      renderList();
    });
    return h(
      "label",
      { class: `group-option${radio.disabled ? " unavailable" : ""}` },
      radio,
      h(
        "span",
        null,
        h("strong", null, group.name),
        h("span", { class: "detail" }, groupReferenceOf(group.externalReferenceId)),
        group.linkedTab !== null &&
          group.linkedTab.sheetId !== shownFor &&
          h("span", { class: "detail" }, linkedToTab(group.linkedTab.name)),
      ),
    );
  }

  function load(): void {
    const current = ++loads;
    groups = null;
    feedback.clear();
    renderList();
    call("listGroups", {}).then(
      (answer) => {
        if (current !== loads) return;
        groups = answer.groups;
        renderList();
      },
      (error) => {
        if (current !== loads) return;
        fill(
          list,
          h("p", { class: "notice error", attrs: { role: "alert" } }, messageOf(error)),
          button("Try again", "secondary", load),
        );
      },
    );
  }

  const created = notice();
  const create = createGroupForm(created, (group) => {
    if (groups !== null) groups = [...groups, group];
    selectedId = group.id;
    search.value = "";
    renderList();
  });

  const element = h("div", { class: "picker" }, note(LINK_INTRO), search, list, row(link), feedback.element, create);

  return {
    element,
    show(sheetId) {
      if (shownFor === sheetId) return;
      shownFor = sheetId;
      selectedId = null;
      // "Created …: choose Link" was about the tab it was shown on.
      created.clear();
      load();
    },
    hide() {
      shownFor = null;
      groups = null;
      loads++;
    },
  };
}

function createGroupForm(feedback: Notice, created: (group: GroupView) => void): HTMLElement {
  const name = textInput({ name: "groupName" });
  const referenceId = textInput({ name: "groupReferenceId" });
  const submit: HTMLButtonElement = button("Create group", "secondary", () => {
    void act(submit, feedback, async () => {
      const group = await call("createGroup", {
        name: requiredGroupText(name.value, "name"),
        externalReferenceId: requiredGroupText(referenceId.value, "externalReferenceId"),
      });
      name.value = "";
      referenceId.value = "";
      created(group);
      feedback.info(groupCreated(group.name));
    });
  });
  return disclosure(
    "Create a new group",
    field("Group name", name),
    field("Group reference", referenceId, EXTERNAL_ID_HINT),
    row(submit),
    feedback.element,
  );
}
