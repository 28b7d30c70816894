import type { SidebarState } from "../shared/bridge";

/** What every section gets from the sidebar: the latest state, and ways to change it. */
export interface SidebarContext {
  /** The latest state from the server, with the answers of later actions applied. */
  readonly state: SidebarState;
  /** Applies an action's answer to the state at once, without waiting for a refresh. */
  apply(change: (state: SidebarState) => SidebarState): void;
  /** Reloads the whole state from the server. */
  refresh(): Promise<void>;
  /** Opens the mapping step for the active tab in place of the sections; `opener` gets focus back when it closes. */
  mapColumns(opener: HTMLElement): void;
  /**
   * What a validation or preview is computed against: it changes with the tab and with every
   * sync of it (the server's sync marker, and the sidebar's own syncs). A result whose
   * freshness is no longer the current one is out of date.
   */
  readonly freshness: string;
  /** How many people the last validation or preview found ready to send, if still fresh. */
  readyCount(): number | null;
  /** Records how many people are ready to send, as a validation or preview found at `freshness`. */
  setReadyCount(freshness: string, count: number): void;
  /** How many times the user came back from the sheet: what was shown before may be untrue. */
  readonly sheetVisits: number;
  /** Says a sync of the tab settled here: what was computed before it is out of date. */
  synced(): Promise<void>;
}

export interface Section {
  readonly element: HTMLElement;
  /** The section's button in the action bar at the bottom, if it has one. */
  readonly action?: HTMLButtonElement;
  /** Called with every new state; a section redraws only the parts whose data changed. */
  show(state: SidebarState): void;
  /** Stops the section's timers. */
  stop?(): void;
}

/**
 * Wraps a render function so it runs only when its data differs from the last call: a refresh
 * that changes nothing keeps what the user is typing and which lists are open.
 */
export function whenChanged<T>(render: (value: T) => void): (value: T) => void {
  let last: string | undefined;
  return (value) => {
    const key = JSON.stringify(value);
    if (key === last) return;
    last = key;
    render(value);
  };
}
