import { matchesTypedPhrase } from "../../core/sync/typedPhrase";
import { CHANGED_SINCE_CONFIRMED } from "../../messages/sync";
import type { ConfirmationView, SidebarState, SyncResultView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { formatElapsed, formatTime } from "../format";
import { guardCard } from "../guards";
import { countsLine, outcomeChip } from "../outcome";
import { act, button, field, messageOf, note, notice, row, section, spinner, textInput } from "../ui";
import { mapColumnsButton } from "./mapping";
import { syncResultView } from "./syncResult";

/** How often the sidebar asks whether Vitable has finished a submitted sync. */
export const POLL_INTERVAL_MS = 3000;

/** What the sync section shows, for the tab the sync was started on. */
type Run =
  | { kind: "idle" }
  | { kind: "confirm"; confirmations: ConfirmationView[]; token: string; changedSinceConfirmed: boolean }
  | { kind: "pending"; submittedAt: string; message: string }
  | { kind: "done"; result: Extract<SyncResultView, { state: "completed" | "blocked" | "failed" }> };

/**
 * Sync: start, confirm what the guards ask, then follow the submitted sync until Vitable has
 * finished it (polling every few seconds), and show the outcome. A pending sync found in the
 * state (started from the menu, or before the sidebar was closed) is followed the same way.
 */
export function syncSection(sidebar: SidebarContext): Section {
  let run: Run = { kind: "idle" };
  /** The tab the run is about: it may no longer be the active one while its sync is pending. */
  let runTab = { sheetId: sidebar.state.tab.sheetId, name: sidebar.state.tab.name };
  /** Request IDs whose outcome is known: a refresh that still lists one as pending is stale. */
  const finished = new Set<string>();
  let requestId: string | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let tickTimer: ReturnType<typeof setInterval> | undefined;

  const feedback = notice();
  const hint = h("div");
  const view = h("div", { class: "results" });
  const start: HTMLButtonElement = button("Sync to Vitable", "primary", () => {
    runTab = { sheetId: sidebar.state.tab.sheetId, name: sidebar.state.tab.name };
    void submit(start, null);
  });

  const elapsed = h("span", { class: "elapsed" });
  const progressMessage = h("p", { class: "note" });
  const progressActions = h("div");
  const checkAgain: HTMLButtonElement = button(
    "Check again",
    "secondary",
    () =>
      void act(checkAgain, feedback, async () => {
        fill(progressActions);
        handle(await call("checkSync", { sheetId: runTab.sheetId }));
      }),
  );

  /** Starts the sync; `confirmation` is the token of the removals the user confirmed, with what they typed. */
  function submit(trigger: HTMLButtonElement, confirmation: { token: string; typedPhrase: string | null } | null) {
    return act(trigger, feedback, async () => {
      handle(await call("startSync", { sheetId: runTab.sheetId, confirmation }));
    }).then(updateStart);
  }

  function handle(result: SyncResultView): void {
    switch (result.state) {
      case "needsConfirmation":
        return setRun({
          kind: "confirm",
          confirmations: result.confirmations,
          token: result.token,
          changedSinceConfirmed: result.changedSinceConfirmed,
        });
      case "pending":
        return follow(result.requestId, result.submittedAt, result.message, POLL_INTERVAL_MS);
      default:
        if (requestId !== null) finished.add(requestId);
        if (result.state === "completed") finished.add(result.requestId);
        requestId = null;
        setRun({ kind: "done", result });
        // The tab's statuses, its last sync and the history have changed.
        void sidebar.refresh();
    }
  }

  /** Shows a submitted sync's progress and checks on it after `firstCheckMs`, then every few seconds. */
  function follow(id: string, submittedAt: string, message: string, firstCheckMs: number): void {
    if (run.kind === "pending" && requestId === id) fill(progressMessage, message);
    else setRun({ kind: "pending", submittedAt, message });
    requestId = id;
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, firstCheckMs);
  }

  function poll(): void {
    call("checkSync", { sheetId: runTab.sheetId }).then(handle, (error) => {
      feedback.error(messageOf(error));
      fill(progressActions, checkAgain);
    });
  }

  function showElapsed(): void {
    if (run.kind === "pending") fill(elapsed, formatElapsed(Date.now() - Date.parse(run.submittedAt)));
  }

  function stopTimers(): void {
    clearTimeout(pollTimer);
    clearInterval(tickTimer);
  }

  function updateStart(): void {
    start.disabled = sidebar.state.tab.link === null || run.kind === "pending" || run.kind === "confirm";
  }

  function setRun(next: Run): void {
    stopTimers();
    run = next;
    feedback.clear();
    updateStart();
    switch (run.kind) {
      case "idle":
        return fill(view);
      case "confirm":
        return fill(view, confirmView(run));
      case "pending":
        fill(progressMessage, run.message);
        fill(progressActions);
        showElapsed();
        tickTimer = setInterval(showElapsed, 1000);
        return fill(
          view,
          h(
            "div",
            { class: "progress" },
            h("h3", null, `Syncing "${runTab.name}"`),
            h(
              "ol",
              { class: "steps" },
              h("li", { class: "step done" }, `Submitted ${formatTime(run.submittedAt)}`),
              h("li", { class: "step current" }, spinner("Vitable is processing the roster")),
              h("li", { class: "step" }, "Done: each row's outcome is written to the tab"),
            ),
            h("p", null, "Elapsed ", elapsed),
            progressMessage,
            progressActions,
          ),
        );
      case "done":
        return fill(
          view,
          h("h3", null, `Sync of "${runTab.name}"`),
          syncResultView(run.result, runTab.sheetId, feedback),
          run.result.state === "blocked" &&
            run.result.blocks.some((block) => block.guard === "rosterUnreadable") &&
            row(mapColumnsButton(sidebar)),
        );
    }
  }

  function confirmView({
    confirmations,
    token,
    changedSinceConfirmed,
  }: Extract<Run, { kind: "confirm" }>): HTMLElement {
    const phrases: Array<{ input: HTMLInputElement; phrase: string }> = [];
    const proceed: HTMLButtonElement = button("Sync anyway", "danger", () => {
      void submit(proceed, { token, typedPhrase: phrases[0]?.input.value ?? null });
    });
    const cards = confirmations.map((confirmation) => {
      if (confirmation.typedPhrase === null) return guardCard(confirmation, "amber");
      const input = textInput({ name: `typed-${confirmation.guard}`, placeholder: confirmation.typedPhrase });
      input.addEventListener("input", updateProceed);
      phrases.push({ input, phrase: confirmation.typedPhrase });
      return guardCard(confirmation, "amber", field(`To go ahead, type "${confirmation.typedPhrase}"`, input));
    });
    function updateProceed(): void {
      proceed.disabled = !phrases.every(({ input, phrase }) => matchesTypedPhrase(phrase, input.value));
    }
    updateProceed();
    return h(
      "div",
      { class: "decision" },
      h("h3", null, `Before syncing "${runTab.name}"`),
      changedSinceConfirmed && h("p", { class: "notice error", attrs: { role: "alert" } }, CHANGED_SINCE_CONFIRMED),
      ...cards,
      row(
        proceed,
        button("Cancel", "secondary", () => setRun({ kind: "idle" })),
      ),
    );
  }

  const renderHint = whenChanged(
    ({ linked, lastSync }: { linked: boolean; lastSync: SidebarState["tab"]["lastSync"] }) =>
      fill(
        hint,
        !linked
          ? note("Link this tab to a group to sync it.")
          : lastSync &&
              h(
                "div",
                { class: "last-sync" },
                outcomeChip(lastSync.outcome),
                ` Last sync ${formatTime(lastSync.at)}: ${countsLine(lastSync.counts)}`,
                lastSync.detail && h("div", { class: "reason" }, lastSync.detail),
              ),
      ),
  );

  /** When the user moves to another tab, what was shown for the last one goes, unless it is still running. */
  const forgetOtherTab = whenChanged(({ sheetId, name }: { sheetId: number; name: string }) => {
    if (run.kind === "pending" || sheetId === runTab.sheetId) return;
    runTab = { sheetId, name };
    setRun({ kind: "idle" });
  });

  return {
    element: section("Sync", row(start), hint, feedback.element, view),
    show(state) {
      renderHint({ linked: state.tab.link !== null, lastSync: state.tab.lastSync });
      forgetOtherTab(state.tab);
      const pending = state.tab.pending;
      if (pending !== null && requestId === null && !finished.has(pending.requestId)) {
        runTab = { sheetId: state.tab.sheetId, name: state.tab.name };
        follow(pending.requestId, pending.submittedAt, `Started by ${pending.startedBy}.`, 0);
      }
      updateStart();
    },
    stop: stopTimers,
  };
}
