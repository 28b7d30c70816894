import {
  COUNTS,
  finishedAt,
  NOT_DONE,
  NOTHING_CHANGED,
  RESULT_LISTS,
  rowPrefix,
  rowsNotSent,
  syncDone,
  technicalDetail,
} from "../../messages/sidebar";
import type { SyncResultView } from "../../shared/bridge";
import { h, type Child } from "../dom";
import { formatTime } from "../format";
import { guardCard } from "../guards";
import { cellLink, moreThanShown, personList, who } from "../people";
import { chips, countChip, disclosure, note, type Notice } from "../ui";

type Final = Extract<SyncResultView, { state: "completed" | "blocked" | "failed" }>;
type Completed = Extract<SyncResultView, { state: "completed" }>;

/**
 * How a sync ended: what changed in Vitable, or why nothing was sent. `finished` is when it
 * finished as the log records it (the one time the sidebar shows for it).
 */
export function syncResultView(result: Final, sheetId: number, feedback: Notice, finished: string | null): HTMLElement {
  switch (result.state) {
    case "completed":
      return completedView(result, sheetId, feedback, finished ?? result.completedAt);
    case "blocked":
      return h(
        "div",
        { class: "outcome" },
        h("div", { class: "card red prominent", attrs: { role: "alert" } }, ...serverSentence(result.message)),
        ...result.blocks.map((block) => guardCard(block, "red")),
      );
    case "failed":
      return h(
        "div",
        { class: "outcome" },
        h("div", { class: "card red prominent", attrs: { role: "alert" } }, ...serverSentence(result.message)),
      );
  }
}

/**
 * A server sentence with any HTTP status taken out of it into a small detail line below: the
 * status helps support, not the person reading.
 */
export function serverSentence(message: string): Child[] {
  const codes: string[] = [];
  const sentence = message.replace(/\s*\((HTTP \d{3})\)/g, (_, code: string) => {
    codes.push(code);
    return "";
  });
  return [h("p", null, sentence), codes.length > 0 && h("p", { class: "detail" }, technicalDetail(codes.join(", ")))];
}

function completedView(result: Completed, sheetId: number, feedback: Notice, finished: string): HTMLElement {
  const { counts, failures } = result;
  const parts = (["added", "changed", "removed", "failed"] as const)
    .filter((count) => counts[count] > 0)
    .map((count) => COUNTS[count](counts[count]));
  const failed =
    failures.length > 0 &&
    disclosure(
      RESULT_LISTS.failed(counts.failed),
      h(
        "ul",
        { class: "list", attrs: { tabindex: 0, "aria-label": RESULT_LISTS.failed(counts.failed) } },
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
    // Not green when Vitable refused someone: the sync finished, but not as asked.
    h(
      "div",
      { class: `card ${counts.failed > 0 ? "amber" : "green"} prominent` },
      h("p", null, syncDone(parts.join(", ") || NOTHING_CHANGED)),
      counts.invalid > 0 && h("p", { class: "card-detail" }, rowsNotSent(counts.invalid)),
    ),
    note(finishedAt(formatTime(finished))),
    chips(
      countChip("Added", counts.added, "green"),
      countChip("Changed", counts.changed, "blue"),
      countChip("Removed", counts.removed, "red"),
      countChip("Failed", counts.failed, "amber"),
      countChip("Not sent", counts.invalid, "amber"),
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
