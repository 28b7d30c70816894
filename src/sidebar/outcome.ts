import { COMPLETED_WITH_FAILURES, COUNTS, NOTHING_CHANGED } from "../messages/sidebar";
import type { LogEntryView, ScheduleView, SyncCountsView } from "../shared/bridge";
import { chip, type Tone } from "./ui";

type Outcome = NonNullable<ScheduleView["lastRun"]>["outcome"] | LogEntryView["outcome"];

const OUTCOMES: Record<Outcome, readonly [string, Tone]> = {
  completed: ["Completed", "green"],
  blocked: ["Blocked", "red"],
  failed: ["Failed", "red"],
  pending: ["Pending", "blue"],
  unchanged: ["No changes", "grey"],
  setting: ["Setting changed", "grey"],
};

/** A completed sync in which Vitable refused someone is amber, never green. */
export function outcomeChip(outcome: Outcome, counts?: SyncCountsView): HTMLElement {
  if (outcome === "completed" && counts && counts.failed > 0) return chip(COMPLETED_WITH_FAILURES, "amber");
  const [label, tone] = OUTCOMES[outcome];
  return chip(label, tone);
}

/** "3 added · 2 removed · 1 failed": the counts that are not zero. */
export function countsLine(counts: SyncCountsView): string {
  const parts = (Object.keys(COUNTS) as (keyof typeof COUNTS)[])
    .filter((count) => counts[count] > 0)
    .map((count) => COUNTS[count](counts[count]));
  return parts.length > 0 ? parts.join(" · ") : NOTHING_CHANGED;
}
