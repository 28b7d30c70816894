import { matchesTypedPhrase } from "../../core/sync/typedPhrase";
import {
  beforeSyncing,
  elapsedTime,
  lastSyncAt,
  sendingPeople,
  startedByWho,
  SYNC_STEPS,
  syncingTab,
  syncOf,
} from "../../messages/sidebar";
import { CHANGED_SINCE_CONFIRMED } from "../../messages/sync";
import type { ConfirmationView, LogEntryView, SidebarState, SyncResultView } from "../../shared/bridge";
import { call } from "../bridge";
import { type Section, type SidebarContext, whenChanged } from "../context";
import { h, fill } from "../dom";
import { formatElapsed, formatTime } from "../format";
import { guardCard } from "../guards";
import { countsLine, outcomeChip } from "../outcome";
import { button, field, messageOf, notice, row, section, setBusy, spinner, textInput } from "../ui";
import { mapColumnsButton } from "./mapping";
import { serverSentence, syncResultView } from "./syncResult";

/** How often the sidebar asks whether Vitable has finished a submitted sync: each check is short. */
export const POLL_INTERVAL_MS = 2000;

/** The question's title names the question in the section and its answers in the action bar. */
const QUESTION_TITLE = "sync-question-title";

type Final = Extract<SyncResultView, { state: "completed" | "blocked" | "failed" }>;

/** What the sync section shows, for the tab the sync was started on. */
type Run =
  | { kind: "idle" }
  /** Clicked: the request is on its way, and nothing has come back yet. */
  | { kind: "sending"; since: number; people: number | null }
  | { kind: "confirm"; confirmations: ConfirmationView[]; token: string; changedSinceConfirmed: boolean }
  | { kind: "pending"; since: number; submittedAt: string; message: string }
  | { kind: "done"; result: Final; tabName: string };

/**
 * Sync: start, confirm what the guards ask, then follow the submitted sync until Vitable has
 * finished it (a short check every two seconds), and show the outcome. Progress shows from the
 * click on. A pending sync found in the state (started from the menu, or before the sidebar was
 * closed) is followed the same way. The button is the action bar's primary. While a question
 * is asked, its answers (`answers`) take the bar's place, so they are on screen however long
 * the question is: `asking` says when the bar's usual buttons should make way.
 */
export function syncSection(
  sidebar: SidebarContext,
  asking: (asked: boolean) => void,
): Section & { readonly action: HTMLButtonElement; readonly answers: HTMLElement } {
  let run: Run = { kind: "idle" };
  /** The tab the run is about: the one on screen when it started. */
  let runTab = { sheetId: sidebar.state.tab.sheetId, name: sidebar.state.tab.name };
  /** Request IDs whose outcome is known: a refresh that still lists one as pending is stale. */
  const finished = new Set<string>();
  let requestId: string | null = null;
  /** The freshness the shown result is true at; null until the state after the sync has arrived. */
  let resultAt: string | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let tickTimer: ReturnType<typeof setInterval> | undefined;

  const feedback = notice();
  const hint = h("div");
  const question = h("div");
  const answers = h("div", { class: "actions", attrs: { role: "group", "aria-labelledby": QUESTION_TITLE } });
  answers.hidden = true;
  // Progress and results are read out as they change; the ticking time is kept out of it.
  const view = h("div", { class: "results", attrs: { role: "status" } });
  const elapsed = h("p", { class: "elapsed" });
  const start: HTMLButtonElement = button("Sync to Vitable", "primary", () => {
    runTab = { sheetId: sidebar.state.tab.sheetId, name: sidebar.state.tab.name };
    void submit(null);
  });

  const progressActions = h("div");
  const checkAgain: HTMLButtonElement = button("Check again", "secondary", () => {
    setBusy(checkAgain, true);
    feedback.clear();
    poll();
  });

  /** Starts the sync; `confirmation` is the token of the removals the user confirmed, with what they typed. */
  async function submit(confirmation: { token: string; typedPhrase: string | null } | null): Promise<void> {
    setRun({ kind: "sending", since: Date.now(), people: sidebar.readyCount() });
    try {
      handle(await call("startSync", { sheetId: runTab.sheetId, confirmation }));
    } catch (error) {
      setRun({ kind: "idle" });
      feedback.error(messageOf(error));
      updateHidden();
    }
  }

  function handle(result: SyncResultView): void {
    switch (result.state) {
      case "needsConfirmation":
        setRun({
          kind: "confirm",
          confirmations: result.confirmations,
          token: result.token,
          changedSinceConfirmed: result.changedSinceConfirmed,
        });
        return askForAnswer();
      case "pending":
        return follow(result.requestId, result.submittedAt, result.message, POLL_INTERVAL_MS);
      default:
        if (requestId !== null) finished.add(requestId);
        if (result.state === "completed") finished.add(result.requestId);
        requestId = null;
        resultAt = null;
        setRun({ kind: "done", result, tabName: "tabName" in result ? result.tabName : runTab.name });
        // The tab's last sync and the history have changed. Only a completed sync changed what
        // Vitable holds: after a blocked or failed one, a validation or preview still holds.
        void (result.state === "completed" ? sidebar.synced() : sidebar.refresh()).then(() => {
          if (run.kind === "done") resultAt = sidebar.freshness;
        });
    }
  }

  /** The question takes focus and comes into view, above the action bar. */
  function askForAnswer(): void {
    const title = question.querySelector<HTMLElement>("h3");
    question.scrollIntoView?.({ block: "nearest" });
    title?.focus({ preventScroll: true });
  }

  /** Shows a submitted sync's progress and checks on it after `firstCheckMs`, then every few seconds. */
  function follow(id: string, submittedAt: string, message: string, firstCheckMs: number): void {
    if (run.kind === "pending" && requestId === id) {
      run = { ...run, message };
      renderProgress();
    } else {
      const since = run.kind === "sending" ? run.since : Date.parse(submittedAt);
      setRun({ kind: "pending", since, submittedAt, message });
    }
    requestId = id;
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, firstCheckMs);
  }

  function poll(): void {
    call("checkSync", { sheetId: runTab.sheetId })
      .then(handle, (error) => {
        feedback.error(messageOf(error));
        fill(progressActions, checkAgain);
      })
      .finally(() => setBusy(checkAgain, false));
  }

  function showElapsed(): void {
    if (run.kind === "sending" || run.kind === "pending") {
      fill(elapsed, elapsedTime(formatElapsed(Date.now() - run.since)));
    }
  }

  function stopTimers(): void {
    clearTimeout(pollTimer);
    clearInterval(tickTimer);
  }

  function updateStart(state: SidebarState = sidebar.state): void {
    start.disabled =
      state.connection === null || state.tab.link === null || (run.kind !== "idle" && run.kind !== "done");
  }

  function renderProgress(): void {
    if (run.kind !== "sending" && run.kind !== "pending") return;
    const sent = run.kind === "pending" ? run : null;
    const people = run.kind === "sending" ? run.people : null;
    fill(
      view,
      h(
        "div",
        { class: "progress" },
        h("h3", null, syncingTab(runTab.name)),
        h(
          "ol",
          { class: "steps" },
          sent
            ? h("li", { class: "step done" }, SYNC_STEPS.submitted(formatTime(sent.submittedAt)))
            : h("li", { class: "step current" }, spinner(sendingPeople(people))),
          sent
            ? h("li", { class: "step current" }, spinner(SYNC_STEPS.processing))
            : h("li", { class: "step" }, SYNC_STEPS.processing),
          h("li", { class: "step" }, SYNC_STEPS.done),
        ),
        sent && h("p", { class: "note" }, sent.message),
      ),
    );
  }

  /** An empty heading says nothing: while idle, the section shows only for a last sync or a message. */
  function updateHidden(): void {
    element.hidden = run.kind === "idle" && hint.childElementCount === 0 && feedback.element.textContent === "";
  }

  function setRun(next: Run): void {
    stopTimers();
    run = next;
    feedback.clear();
    updateStart();
    fill(question);
    fill(answers);
    answers.hidden = run.kind !== "confirm";
    asking(run.kind === "confirm");
    fill(progressActions);
    elapsed.hidden = true;
    renderHint(hintOf(sidebar.state));
    updateHidden();
    switch (run.kind) {
      case "idle":
        return fill(view);
      case "confirm":
        fill(view);
        return confirmView(run);
      case "sending":
      case "pending":
        renderProgress();
        elapsed.hidden = false;
        showElapsed();
        tickTimer = setInterval(showElapsed, 1000);
        return;
      case "done":
        return fill(
          view,
          h("h3", null, syncOf(run.tabName)),
          syncResultView(run.result, runTab.sheetId, feedback, finishedTime(run.result)),
          run.result.state === "blocked" &&
            run.result.blocks.some((block) => block.guard === "rosterUnreadable") &&
            row(mapColumnsButton(sidebar)),
        );
    }
  }

  /** One source for when a sync finished: the log's record of it, once the state has it. */
  function finishedTime(result: Final): string | null {
    if (result.state !== "completed") return null;
    const last = sidebar.state.tab.lastSync;
    return last !== null && last.requestId === result.requestId ? last.at : result.completedAt;
  }

  function confirmView({ confirmations, token, changedSinceConfirmed }: Extract<Run, { kind: "confirm" }>): void {
    const phrases: Array<{ input: HTMLInputElement; phrase: string }> = [];
    const proceed: HTMLButtonElement = button("Sync anyway", "danger", () => {
      void submit({ token, typedPhrase: phrases[0]?.input.value ?? null });
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
    fill(
      question,
      h(
        "div",
        { class: "decision", attrs: { role: "group", "aria-labelledby": QUESTION_TITLE } },
        h("h3", { attrs: { id: QUESTION_TITLE, tabindex: -1 } }, beforeSyncing(runTab.name)),
        changedSinceConfirmed && h("p", { class: "notice error", attrs: { role: "alert" } }, CHANGED_SINCE_CONFIRMED),
        ...cards,
      ),
    );
    fill(
      answers,
      proceed,
      button("Cancel", "secondary", () => {
        setRun({ kind: "idle" });
        start.focus();
      }),
    );
  }

  type Hint = { lastSync: LogEntryView | null; showingResult: boolean };
  const hintOf = (state: SidebarState): Hint => ({
    lastSync: state.tab.link === null ? null : state.tab.lastSync,
    showingResult: run.kind === "done",
  });
  const renderHint = whenChanged(({ lastSync, showingResult }: Hint) =>
    fill(
      hint,
      // A result on screen is the latest sync, and says how it went: a line about it would repeat it.
      lastSync &&
        !showingResult &&
        h(
          "div",
          { class: "last-sync" },
          outcomeChip(lastSync.outcome, lastSync.counts),
          ` ${lastSyncAt(formatTime(lastSync.at), countsLine(lastSync.counts))}`,
          lastSync.detail && h("div", { class: "reason" }, ...serverSentence(lastSync.detail)),
        ),
    ),
  );

  /** The sidebar shows the tab on screen: what belonged to another one goes, a sync in progress too (it is finished later). */
  const forgetOtherTab = whenChanged(({ sheetId, name }: { sheetId: number; name: string }) => {
    if (sheetId === runTab.sheetId) return;
    runTab = { sheetId, name };
    requestId = null;
    setRun({ kind: "idle" });
  });

  const element = section("Sync", hint, feedback.element, question, view, elapsed, progressActions);
  return {
    element,
    action: start,
    answers,
    show(state) {
      forgetOtherTab(state.tab);
      if (run.kind === "done" && resultAt !== null && resultAt !== sidebar.freshness) {
        // A later sync (the menu's, the schedule's) replaced what is shown: Last sync says how it went.
        resultAt = null;
        setRun({ kind: "idle" });
      }
      renderHint(hintOf(state));
      const pending = state.tab.pending;
      if (pending !== null && requestId === null && !finished.has(pending.requestId) && run.kind !== "sending") {
        runTab = { sheetId: state.tab.sheetId, name: state.tab.name };
        follow(pending.requestId, pending.submittedAt, startedByWho(pending.startedBy), 0);
      }
      updateStart(state);
      updateHidden();
    },
    stop: stopTimers,
  };
}
