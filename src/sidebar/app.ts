import { ADDON_NAME } from "../messages/menu";
import type { SidebarState } from "../shared/bridge";
import { call } from "./bridge";
import type { Section, SidebarContext } from "./context";
import { h, fill } from "./dom";
import { connectionSection } from "./sections/connection";
import { historySection } from "./sections/history";
import { mappingStep, type MappingStep } from "./sections/mapping";
import { previewSection } from "./sections/preview";
import { scheduleSection } from "./sections/schedule";
import { syncSection } from "./sections/sync";
import { tabSection } from "./sections/tab";
import { validateSection, type ValidateSection } from "./sections/validate";
import { messageOf, notice, setBusy, spinner } from "./ui";

export interface Sidebar {
  /** Reloads the state from the server; the sidebar also does so when its window gets focus. */
  refresh(): Promise<void>;
  /** Stops listening and polling, e.g. before the page is torn down. */
  stop(): void;
}

/**
 * Starts the sidebar in `root`: loads the state, then builds the sections, which redraw as the
 * state changes. The state is loaded again when the window gets focus, since the user may have
 * switched tabs in the spreadsheet meanwhile.
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

  const user = h("span", { class: "user" });
  const refreshButton = h(
    "button",
    {
      class: "icon-button",
      attrs: { type: "button", title: "Refresh", "aria-label": "Refresh" },
      on: { click: () => void refresh() },
    },
    "↻",
  );
  const loadFeedback = notice();
  const content = h("main", null, spinner("Loading…"));
  fill(
    root,
    h(
      "header",
      { class: "topbar" },
      // Google draws the sidebar's visible title; this one names the page for screen readers.
      h("h1", { class: "visually-hidden" }, ADDON_NAME),
      user,
      refreshButton,
    ),
    loadFeedback.element,
    content,
  );

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
      for (const s of sections) s.element.hidden = true;
      content.append(step.element);
      step.focus();
    },
  };

  function closeMapping(): void {
    if (!mapping) return;
    const { step, opener, home } = mapping;
    mapping = null;
    step.element.remove();
    for (const s of sections) s.element.hidden = false;
    // A result redrawn meanwhile (validated again after a save) took its button with it.
    const target = opener.isConnected ? opener : home?.querySelector("button");
    target?.focus();
  }

  function show(next: SidebarState): void {
    state = next;
    fill(user, next.user);
    // The step belongs to the tab it was opened on.
    if (mapping && mapping.step.sheetId !== next.tab.sheetId) closeMapping();
    if (sections.length === 0) {
      validate = validateSection(context);
      sections = [
        connectionSection(context),
        tabSection(context),
        validate,
        previewSection(context),
        syncSection(context),
        scheduleSection(context),
        historySection(),
      ];
      fill(content, ...sections.map((s) => s.element));
    }
    for (const s of sections) s.show(next);
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

  const onFocus = () => void refresh();
  window.addEventListener("focus", onFocus);
  void refresh();

  return {
    refresh,
    stop() {
      window.removeEventListener("focus", onFocus);
      for (const s of sections) s.stop?.();
    },
  };
}
