import type { ScheduleView, SyncCounts } from "../shared/bridge";
import { chip, type Tone } from "./ui";

type Outcome = NonNullable<ScheduleView["lastRun"]>["outcome"];

const OUTCOMES: Record<Outcome, readonly [string, Tone]> = {
  completed: ["Completed", "green"],
  blocked: ["Blocked", "red"],
  failed: ["Failed", "red"],
  pending: ["Pending", "blue"],
  unchanged: ["No changes", "grey"],
};

export function outcomeChip(outcome: Outcome): HTMLElement {
  const [label, tone] = OUTCOMES[outcome];
  return chip(label, tone);
}

/** "3 added · 2 removed · 1 failed": the counts that are not zero. */
export function countsLine(counts: SyncCounts): string {
  const parts = (
    [
      [counts.added, "added"],
      [counts.changed, "changed"],
      [counts.removed, "removed"],
      [counts.failed, "failed"],
      [counts.invalid, "invalid"],
    ] as const
  )
    .filter(([count]) => count > 0)
    .map(([count, label]) => `${count} ${label}`);
  return parts.length > 0 ? parts.join(" · ") : "No one added, changed or removed";
}
