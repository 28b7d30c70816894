import { ADDON_NAME } from "../messages/menu";
import {
  ENVIRONMENT_LABELS,
  HELP,
  NEEDS_KEY,
  NEEDS_LINK,
  NO_GROUP,
  NOT_CONNECTED,
  nowShowing,
} from "../messages/sidebar";
import type { SidebarState } from "../shared/bridge";
import { call, onRefusal, showHelp, TAB_NOT_ON_SCREEN, timeZoneOf } from "./bridge";
import type { Section, SidebarContext } from "./context";
import { h, fill } from "./dom";
import { useTimeZone } from "./format";
import { connectionSection } from "./sections/connection";
import { historySection } from "./sections/history";
import { mappingStep, type MappingStep } from "./sections/mapping";
import { previewSection } from "./sections/preview";
import { removalLimitSection } from "./sections/removalLimit";
import { scheduleSection } from "./sections/schedule";
import { spreadsheetDataSection } from "./sections/spreadsheetData";
import { syncSection } from "./sections/sync";
import { tabSection } from "./sections/tab";
import { validateSection, type ValidateSection } from "./sections/validate";
import { button, chip, messageOf, notice, setBusy, spinner } from "./ui";

export interface Sidebar {
  /** Reloads the state from the server; the sidebar also does so when its window gets focus. */
  refresh(): Promise<void>;
  /** Stops listening and polling, e.g. before the page is torn down. */
  stop(): void;
}

/**
 * How often the sidebar asks which tab is on screen: every few seconds while it is visible and
 * things change, less and less often (up to half a minute) while nothing does or it is hidden.
 */
export const ACTIVE_TAB_POLL = { fastMs: 3000, slowMs: 30_000, fastPolls: 20, backOff: 1.5 } as const;

/**
 * Starts the sidebar in `root`: a compact header (tab → group, connection), the sections, and
 * an action bar that stays at the bottom of the window (Sync to Vitable, Validate, Preview). It
 * follows the tab on screen: the state is loaded again when that tab changes, when it was
 * synced from anywhere, and when the window gets focus.
 */
export function startSidebar(root: HTMLElement): Sidebar {
  let state: SidebarState | null = null;
  let sections: Section[] = [];
  let validate: ValidateSection | null = null;
  /** The mapping step while it is open, with the button that opened it. */
  let mapping: { step: MappingStep; opener: HTMLElement; home: HTMLElement | null } | null = null;
  /** Bumped by every applied answer: a refresh that started before one is stale. */
  let changes = 0;
  let loading: Promise<void> | null = null;
  let loadAgain = false;
  /** Syncs settled here: the server's marker says the same, but only once the state is loaded again. */
  let localSyncs = 0;
  let ready: { at: string; count: number } | null = null;

  const where = h("p", { class: "where" });
  const connection = h("span");
  const refreshButton = h(
    "button",
    {
      class: "icon-button",
      attrs: { type: "button", title: "Refresh", "aria-label": "Refresh" },
      on: { click: () => void refresh() },
    },
    "↻",
  );
  const helpFeedback = notice();
  const help: HTMLButtonElement = button(HELP, "link", () => {
    helpFeedback.clear();
    showHelp().catch((error: unknown) => helpFeedback.error(messageOf(error)));
  });
  const loadFeedback = notice();
  const content = h("main", null, spinner("Loading…"));
  // The mapping step shows in their place: hidden together, each keeps whether it hides itself.
  const sectionList = h("div");
  const reason = h("p", { class: "note reason-line" });
  const actions = h("div", { class: "actions" });
  const actionBar = h("footer", { class: "action-bar" }, actions);
  actionBar.hidden = true;
  fill(
    root,
    h(
      "header",
      { class: "topbar" },
      // Google draws the sidebar's visible title; this one names the page for screen readers.
      h("h1", { class: "visually-hidden" }, ADDON_NAME),
      where,
      h("div", { class: "status-line" }, connection, h("span", { class: "spacer" }), help, refreshButton),
    ),
    helpFeedback.element,
    loadFeedback.element,
    content,
    actionBar,
  );

  /** The user left the sidebar (for the sheet), and how many times they came back. */
  let awayInSheet = false;
  let sheetVisits = 0;
  const freshness = () => (state === null ? "" : `${state.tab.sheetId}|${state.tab.syncMarker}|${localSyncs}`);

  const context: SidebarContext = {
    get state() {
      if (state === null) throw new Error("The sidebar has not loaded yet.");
      return state;
    },
    apply(change) {
      changes++;
      show(change(context.state));
    },
    refresh,
    mapColumns(opener) {
      closeMapping();
      const step = mappingStep(context.state.tab.sheetId, closeMapping, () => validate?.run() ?? Promise.resolve());
      mapping = { step, opener, home: opener.closest("section") };
      sectionList.hidden = true;
      actionBar.hidden = true;
      content.append(step.element);
      step.focus();
    },
    get freshness() {
      return freshness();
    },
    get sheetVisits() {
      return sheetVisits;
    },
    readyCount: () => (ready !== null && ready.at === freshness() ? ready.count : null),
    setReadyCount(at, count) {
      ready = { at, count };
    },
    synced() {
      localSyncs++;
      return refresh();
    },
  };

  function closeMapping(): void {
    if (!mapping) return;
    const { step, opener, home } = mapping;
    mapping = null;
    step.element.remove();
    sectionList.hidden = false;
    actionBar.hidden = false;
    // A result redrawn meanwhile (validated again after a save) took its button with it: the
    // section's own action (Validate, in the action bar) stands in for it.
    const target = opener.isConnected
      ? opener
      : (sections.find((s) => s.element === home)?.action ?? home?.querySelector("button"));
    target?.focus();
  }

  function show(next: SidebarState): void {
    state = next;
    useTimeZone(timeZoneOf(next));
    // The step belongs to the tab it was opened on.
    if (mapping && mapping.step.sheetId !== next.tab.sheetId) closeMapping();
    if (sections.length === 0) {
      validate = validateSection(context);
      const preview = previewSection(context);
      const sync = syncSection(context, (asked) => {
        actions.hidden = asked;
        reason.hidden = asked;
      });
      sections = [
        connectionSection(context),
        tabSection(context),
        removalLimitSection(context),
        validate,
        preview,
        sync,
        scheduleSection(context),
        historySection(),
        spreadsheetDataSection(context),
      ];
      fill(sectionList, ...sections.map((s) => s.element));
      fill(content, sectionList);
      fill(actions, sync.action, validate.action, preview.action);
      actionBar.append(sync.answers, reason);
      actionBar.hidden = mapping !== null;
    }
    renderHeader(next);
    for (const s of sections) s.show(next);
    updateActions(next);
  }

  function renderHeader(next: SidebarState): void {
    fill(
      where,
      h("strong", null, next.tab.name),
      " → ",
      next.tab.link ? h("span", null, next.tab.link.groupName) : h("span", { class: "muted" }, NO_GROUP),
    );
    const c = next.connection;
    fill(
      connection,
      c
        ? chip(ENVIRONMENT_LABELS[c.environment], c.environment === "production" ? "green" : "blue")
        : chip(NOT_CONNECTED, "grey"),
    );
  }

  /** Preview and Sync disable themselves without a key or a group; one line says why. */
  function updateActions(next: SidebarState): void {
    fill(reason, next.connection === null ? NEEDS_KEY : next.tab.link === null ? NEEDS_LINK : null);
  }

  async function load(): Promise<void> {
    do {
      loadAgain = false;
      const before = changes;
      try {
        const next = await call("getSidebarState", {});
        loadFeedback.clear();
        if (changes === before) show(next);
        else loadAgain = true;
      } catch (error) {
        loadFeedback.error(messageOf(error));
      }
    } while (loadAgain);
  }

  function refresh(): Promise<void> {
    if (loading) {
      loadAgain = true;
      return loading;
    }
    setBusy(refreshButton, true);
    loading = load().finally(() => {
      loading = null;
      setBusy(refreshButton, false);
    });
    return loading;
  }

  // Following the tab on screen.
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let quietPolls = 0;
  let stopped = false;

  function pollSoon(delay: number): void {
    clearTimeout(pollTimer);
    if (!stopped) pollTimer = setTimeout(() => void pollActiveTab(), delay);
  }

  function nextDelay(): number {
    if (document.visibilityState === "hidden") return ACTIVE_TAB_POLL.slowMs;
    const slower =
      ACTIVE_TAB_POLL.fastMs * ACTIVE_TAB_POLL.backOff ** Math.max(0, quietPolls - ACTIVE_TAB_POLL.fastPolls);
    return Math.min(ACTIVE_TAB_POLL.slowMs, slower);
  }

  async function pollActiveTab(): Promise<void> {
    try {
      const active = await call("getActiveTab", {});
      const shown = state?.tab;
      if (shown && (active.sheetId !== shown.sheetId || active.syncMarker !== shown.syncMarker)) {
        quietPolls = 0;
        await refresh();
      } else quietPolls++;
    } catch {
      // Offline for a moment, or the add-on being updated: the next poll, or a focus, tries again.
      quietPolls++;
    }
    pollSoon(nextDelay());
  }

  /** Back to quick polls the moment the user is here again. */
  const wake = () => {
    quietPolls = 0;
    if (document.visibilityState === "visible") pollSoon(0);
  };
  const busy = () => {
    quietPolls = 0;
  };

  const stopListening = onRefusal((refusal) => {
    if (refusal.code !== TAB_NOT_ON_SCREEN) return;
    // The server did nothing: show the tab on screen, and why the action did not happen.
    void refresh().then(() => {
      loadFeedback.error(`${refusal.message} ${state ? nowShowing(state.tab.name) : ""}`.trim());
    });
  });

  const onBlur = () => {
    awayInSheet = true;
  };
  const onFocus = () => {
    quietPolls = 0;
    if (awayInSheet) sheetVisits++;
    awayInSheet = false;
    void refresh();
  };
  window.addEventListener("blur", onBlur);
  window.addEventListener("focus", onFocus);
  document.addEventListener("visibilitychange", wake);
  root.addEventListener("pointerdown", busy);
  void refresh().then(() => pollSoon(ACTIVE_TAB_POLL.fastMs));

  return {
    refresh,
    stop() {
      stopped = true;
      clearTimeout(pollTimer);
      stopListening();
      window.removeEventListener("blur", onBlur);
      window.removeEventListener("focus", onFocus);
      document.removeEventListener("visibilitychange", wake);
      root.removeEventListener("pointerdown", busy);
      for (const s of sections) s.stop?.();
    },
  };
}
