import type { PreviewView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill, type Child } from "../dom";
import { formatTime } from "../format";
import { guardCard } from "../guards";
import { cellLink, moreThanShown, personList, removalList, who } from "../people";
import { act, button, chips, countChip, disclosure, note, notice, row, section, type Notice } from "../ui";
import { mapColumnsButton } from "./mapping";

/** What a sync would do now: who is added, changed and removed, and whether it may go ahead. */
export function previewSection(sidebar: SidebarContext): Section {
  const feedback = notice();
  const results = h("div", { class: "results" });
  const preview: HTMLButtonElement = button(
    "Preview changes",
    "secondary",
    () =>
      void act(preview, feedback, async () => {
        const answer = await call("previewSync", { sheetId: sidebar.state.tab.sheetId });
        if (answer.sheetId === sidebar.state.tab.sheetId) fill(results, previewView(answer, feedback, sidebar));
      }),
  );
  const hint = note();
  const render = whenChanged(({ linked }: { sheetId: number; linked: boolean }) => {
    fill(results);
    feedback.clear();
    preview.disabled = !linked;
    fill(hint, linked ? null : "Link this tab to a group to preview a sync.");
  });
  return {
    element: section("Preview", row(preview), hint, feedback.element, results),
    show: (state) => render({ sheetId: state.tab.sheetId, linked: state.tab.link !== null }),
  };
}

function previewView(preview: PreviewView, feedback: Notice, sidebar: SidebarContext): HTMLElement {
  const { counts } = preview;
  return h(
    "div",
    null,
    preview.headerProblem !== null &&
      h("div", { class: "card red" }, h("p", null, preview.headerProblem), row(mapColumnsButton(sidebar))),
    preview.pending !== null &&
      h(
        "div",
        { class: "card blue" },
        h(
          "p",
          null,
          `A sync started by ${preview.pending.startedBy} on ${formatTime(preview.pending.submittedAt)} is still being processed by Vitable.`,
        ),
      ),
    note(
      preview.hasLastAccepted
        ? `Compared with what the group "${preview.groupName}" held after its last sync.`
        : `There is no record of an earlier sync to "${preview.groupName}", so nobody counts as changed or removed.`,
    ),
    chips(
      countChip("Added", counts.added, "green"),
      countChip("Changed", counts.changed, "blue"),
      countChip("Unchanged", counts.unchanged, "grey"),
      countChip("Removed", counts.removed, "red"),
      countChip("Excluded", counts.excluded, "grey"),
      countChip("Invalid", counts.invalid, "amber"),
    ),
    list("Added", counts.added, preview.added.length, personList(preview.added, preview.sheetId, feedback)),
    list("Changed", counts.changed, preview.changed.length, personList(preview.changed, preview.sheetId, feedback)),
    list("Removed", counts.removed, preview.removed.length, removalList(preview.removed)),
    list("Excluded", counts.excluded, preview.excluded.length, personList(preview.excluded, preview.sheetId, feedback)),
    list(
      "Invalid, not sent",
      counts.invalid,
      preview.invalid.length,
      h(
        "ul",
        { class: "list", attrs: { tabindex: 0 } },
        ...preview.invalid.map((item) =>
          h(
            "li",
            null,
            cellLink({ sheetId: preview.sheetId, row: item.row }, feedback, `Row ${item.row} · `, ...who(item)),
            h("div", { class: "reason" }, item.problem),
            item.removes && h("div", { class: "reason warning" }, "Leaving this row out would remove this person."),
          ),
        ),
      ),
    ),
    decisionView(preview.decision),
  );
}

/** A list that opens on click, titled with its count, e.g. "Removed (3)". */
function list(title: string, count: number, shown: number, items: HTMLElement): Child {
  return count > 0 && disclosure(`${title} (${count})`, items, moreThanShown(shown, count));
}

function decisionView(decision: PreviewView["decision"]): HTMLElement {
  switch (decision.kind) {
    case "proceed":
      return h(
        "div",
        { class: "card green" },
        h("p", null, "A sync can go ahead now: nothing needs your confirmation."),
      );
    case "confirm":
      return h(
        "div",
        { class: "decision" },
        h("h3", null, "A sync will ask you to confirm first"),
        ...decision.confirmations.map((confirmation) => guardCard(confirmation, "amber")),
      );
    case "blocked":
      return h(
        "div",
        { class: "decision" },
        h("h3", null, "A sync is blocked"),
        ...decision.blocks.map((block) => guardCard(block, "red")),
      );
  }
}
