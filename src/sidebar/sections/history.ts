import { NO_HISTORY, startedBy, toGroup } from "../../messages/sidebar";
import type { LogEntryView } from "../../shared/bridge";
import { type Section, whenChanged } from "../context";
import { h, fill } from "../dom";
import { formatTime } from "../format";
import { countsLine, outcomeChip } from "../outcome";
import { note, section } from "../ui";
import { serverSentence } from "./syncResult";

/** The latest syncs of this spreadsheet, newest first, as the Vitable Sync Log tab records them. */
export function historySection(): Section {
  const body = h("div");
  const render = whenChanged((history: LogEntryView[]) =>
    fill(
      body,
      history.length === 0
        ? note(NO_HISTORY)
        : h(
            "ul",
            { class: "list history", attrs: { tabindex: 0, "aria-label": "Recent syncs" } },
            ...history.map(entry),
          ),
    ),
  );
  return { element: section("Recent history", body), show: (state) => render(state.history) };
}

function entry(log: LogEntryView): HTMLElement {
  return h(
    "li",
    null,
    h(
      "div",
      { class: "row" },
      outcomeChip(log.outcome, log.counts),
      h("span", { class: "detail" }, formatTime(log.at)),
    ),
    h("div", null, h("strong", null, log.tab), toGroup(log.group)),
    h("div", { class: "detail" }, countsLine(log.counts)),
    log.detail && h("div", { class: "reason" }, ...serverSentence(log.detail)),
    h("div", { class: "detail" }, startedBy(log.startedBy)),
  );
}
