import { finishedAt, NOT_DONE, RESULT_LISTS, rowPrefix } from "../../messages/sidebar";
import type { SyncResultView } from "../../shared/bridge";
import { h } from "../dom";
import { formatTime } from "../format";
import { guardCard } from "../guards";
import { cellLink, moreThanShown, personList, who } from "../people";
import { chips, countChip, disclosure, type Notice } from "../ui";

type Final = Extract<SyncResultView, { state: "completed" | "blocked" | "failed" }>;
type Completed = Extract<SyncResultView, { state: "completed" }>;

/** How a sync ended: what changed in Vitable, or why nothing was sent. */
export function syncResultView(result: Final, sheetId: number, feedback: Notice): HTMLElement {
  switch (result.state) {
    case "completed":
      return completedView(result, sheetId, feedback);
    case "blocked":
      return h(
        "div",
        { class: "outcome" },
        h("div", { class: "card red prominent" }, h("p", null, result.message)),
        ...result.blocks.map((block) => guardCard(block, "red")),
      );
    case "failed":
      return h("div", { class: "outcome" }, h("div", { class: "card red prominent" }, h("p", null, result.message)));
  }
}

function completedView(result: Completed, sheetId: number, feedback: Notice): HTMLElement {
  const { counts, failures } = result;
  const failed =
    failures.length > 0 &&
    disclosure(
      RESULT_LISTS.failed(counts.failed),
      h(
        "ul",
        { class: "list", attrs: { tabindex: 0 } },
        ...failures.map((failure) =>
          h(
            "li",
            null,
            ...(failure.row === null
              ? who(failure)
              : [cellLink({ sheetId, row: failure.row }, feedback, rowPrefix(failure.row), ...who(failure))]),
            h("div", { class: "reason" }, NOT_DONE[failure.operation](failure.reason)),
          ),
        ),
      ),
      moreThanShown(failures.length, counts.failed),
    );
  if (failed) failed.open = true;
  return h(
    "div",
    { class: "outcome" },
    h("div", { class: `card ${counts.failed > 0 ? "amber" : "green"} prominent` }, h("p", null, result.message)),
    h("p", { class: "note" }, finishedAt(formatTime(result.completedAt))),
    chips(
      countChip("Added", counts.added, "green"),
      countChip("Changed", counts.changed, "blue"),
      countChip("Removed", counts.removed, "red"),
      countChip("Failed", counts.failed, "red"),
      countChip("Invalid", counts.invalid, "amber"),
    ),
    failed,
    result.added.length > 0 &&
      disclosure(
        RESULT_LISTS.added(counts.added),
        personList(result.added, sheetId, feedback),
        moreThanShown(result.added.length, counts.added),
      ),
    result.removed.length > 0 &&
      disclosure(
        RESULT_LISTS.removed(counts.removed),
        personList(result.removed, sheetId, feedback),
        moreThanShown(result.removed.length, counts.removed),
      ),
  );
}
