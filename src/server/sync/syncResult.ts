import type { PendingSync } from "../../core/state/pendingSync";
import type { FinishedSync } from "../../core/state/tabSyncRecord";
import type { Block, Confirmation, SyncMode } from "../../core/sync/guards";

/**
 * What a sync run ended with, in the domain's terms; the sidebar's, the menu's and the CLI's
 * views are made from it at the edge (src/server/views.ts). `tabName` is the synced tab's name
 * now (null once it has been deleted), which heads the result wherever it is shown.
 */
export type SyncRunResult =
  | {
      state: "needsConfirmation";
      tabName: string | null;
      confirmations: Confirmation[];
      /** What a confirmation of exactly these removals must send back. */
      token: string;
      /** A confirmation was given, but for other removals than the sync would make now. */
      changedSinceConfirmed: boolean;
    }
  | { state: "blocked"; tabName: string | null; blocks: Block[] }
  | { state: "pending"; tabName: string | null; pending: PendingSync; message: string }
  | { state: "completed"; sync: FinishedSync; tabName: string | null }
  | { state: "failed"; message: string };

/**
 * A scheduled run's result for a tab: also "unchanged" when the tab is as Vitable holds it, and
 * "unchangedSinceAttempt" when it is as last sent and differs only by members Vitable failed then;
 * either way nothing was sent.
 */
export type ScheduledTabResult = SyncRunResult | { state: "unchanged" | "unchangedSinceAttempt" };

/** Only a scheduled run leaves an unchanged tab alone (and says so). */
export type SyncResultOf<M extends SyncMode> = M extends "scheduled" ? ScheduledTabResult : SyncRunResult;

/** What the person confirmed: the token they were shown, and the phrase they typed if one was asked. */
export interface GivenConfirmation {
  token: string;
  typedPhrase: string | null;
}
