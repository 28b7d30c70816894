import {
  comparedWith,
  GUARD_TITLES,
  LEAVING_ROW_OUT_REMOVES,
  noEarlierSync,
  MAY_HAVE_CHANGED,
  OUT_OF_DATE,
  PROCEED,
  stillProcessing,
  willAsk,
} from "../../messages/sidebar";
import type { PreviewView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill, type Child } from "../dom";
import { formatTime } from "../format";
import { guardCard } from "../guards";
import { cellLink, moreThanShown, personList, removalList, who } from "../people";
import { act, button, chips, countChip, disclosure, note, notice, row, section, type Notice } from "../ui";
import { mapColumnsButton } from "./mapping";
import { mayHaveChangedNote } from "../sheetVisits";

/**
 * What a sync would do now: who is added, changed and removed, and whether it may go ahead. The
 * button is in the action bar; the section shows once there is a preview.
 */
export function previewSection(sidebar: SidebarContext): Section & { readonly action: HTMLButtonElement } {
  const feedback = notice();
  const results = h("div", { class: "results", attrs: { role: "status" } });
  const maybeChanged = mayHaveChangedNote(sidebar, MAY_HAVE_CHANGED.preview);
  let shownAt: string | null = null;
  const preview: HTMLButtonElement = button(
    "Preview",
    "secondary",
    () =>
      void act(preview, feedback, async () => {
        const askedAt = sidebar.freshness;
        element.hidden = false;
        const answer = await call("previewSync", { sheetId: sidebar.state.tab.sheetId });
        if (answer.sheetId !== sidebar.state.tab.sheetId) return;
        shownAt = askedAt;
        if (answer.headerProblem === null) {
          const { added, changed, unchanged } = answer.counts;
          sidebar.setReadyCount(askedAt, added + changed + unchanged);
        }
        fill(results, previewView(answer, feedback, sidebar));
        maybeChanged.computed();
        markIfStale();
      }),
  );
  preview.title = "See who a sync would add, change and remove";
  const element = section("Preview", feedback.element, maybeChanged.element, results);
  element.hidden = true;

  /** After a sync (from here, the menu or the schedule) the numbers shown are no longer true. */
  function markIfStale(): void {
    if (shownAt === null || shownAt === sidebar.freshness) return;
    shownAt = null;
    maybeChanged.cleared();
    fill(results, note(OUT_OF_DATE.preview));
  }

  const render = whenChanged((_tab: { sheetId: number; linked: boolean }) => {
    maybeChanged.cleared();
    fill(results);
    feedback.clear();
    shownAt = null;
    element.hidden = true;
  });
  return {
    element,
    action: preview,
    show: (state) => {
      render({ sheetId: state.tab.sheetId, linked: state.tab.link !== null });
      // It compares with the group's last sync, so it needs the group, and the key that reads it.
      if (!preview.classList.contains("busy")) preview.disabled = state.tab.link === null || state.connection === null;
      markIfStale();
      maybeChanged.check();
    },
  };
}

function previewView(preview: PreviewView, feedback: Notice, sidebar: SidebarContext): HTMLElement {
  const { counts } = preview;
  if (preview.headerProblem !== null) {
    return h(
      "div",
      { class: "card red", attrs: { role: "alert" } },
      h("p", null, preview.headerProblem),
      row(mapColumnsButton(sidebar)),
    );
  }
  return h(
    "div",
    null,
    preview.pending !== null &&
      h(
        "div",
        { class: "card blue" },
        h("p", null, stillProcessing(preview.pending.startedBy, formatTime(preview.pending.submittedAt))),
      ),
    note(preview.hasLastAccepted ? comparedWith(preview.groupName) : noEarlierSync(preview.groupName)),
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
        { class: "list", attrs: { tabindex: 0, "aria-label": "Invalid, not sent" } },
        ...preview.invalid.map((item) =>
          h(
            "li",
            null,
            cellLink({ sheetId: preview.sheetId, row: item.row }, feedback, `Row ${item.row} · `, ...who(item)),
            h("div", { class: "reason" }, item.problem),
            item.removes && h("div", { class: "reason warning" }, LEAVING_ROW_OUT_REMOVES),
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
      return h("div", { class: "card green" }, h("p", null, PROCEED));
    case "confirm":
      // One removal warning in the sidebar: the sync's question, which names the people.
      return h(
        "div",
        { class: "card amber" },
        h("p", null, willAsk(decision.confirmations.map((c) => GUARD_TITLES[c.guard]).join("; "))),
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
