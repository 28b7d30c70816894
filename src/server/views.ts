import type { Roster } from "../core/roster/model";
import type { Block, Confirmation } from "../core/sync/guards";
import type { Removal, RowPerson } from "../core/sync/diff";
import type { PendingSync } from "../core/state/pendingSync";
import type { BlockView, ConfirmationView, PendingView, PersonView, RemovalView } from "../shared/bridge";

/** The sidebar shows this many items of a list; the counts say how many there are. */
export const SIDEBAR_LIST_LIMIT = 100;

export function capped<T>(items: readonly T[], detail: boolean): T[] {
  return detail ? [...items] : items.slice(0, SIDEBAR_LIST_LIMIT);
}

export function personView(person: RowPerson): PersonView {
  return { referenceId: person.referenceId, name: person.name, row: person.row };
}

export function removalView(removal: Removal): RemovalView {
  const { reason } = removal;
  const why =
    reason.kind === "notInTab"
      ? "Not in the tab"
      : reason.kind === "excluded"
        ? `Row ${reason.row} is excluded`
        : `Row ${reason.row} is invalid: ${reason.problem}`;
  return { referenceId: removal.referenceId, name: removal.name, reason: why };
}

export function confirmationView(confirmation: Confirmation, detail: boolean): ConfirmationView {
  return {
    guard: confirmation.guard,
    message: confirmation.message,
    people: capped(confirmation.people, detail).map(removalView),
    typedPhrase: confirmation.confirmWith.kind === "typed" ? confirmation.confirmWith.phrase : null,
  };
}

export function blockView(block: Block, detail: boolean): BlockView {
  return { guard: block.guard, message: block.message, people: capped(block.people, detail).map(removalView) };
}

export function pendingView(pending: PendingSync | null): PendingView | null {
  return pending === null
    ? null
    : { requestId: pending.requestId, submittedAt: pending.submittedAt, startedBy: pending.startedBy };
}

/** 1-based cells of every invalid field, for the marks. */
export function invalidCells(roster: Roster): { row: number; column: number }[] {
  const cells: { row: number; column: number }[] = [];
  for (const outcome of roster.rows) {
    if (outcome.status !== "Invalid") continue;
    for (const error of outcome.errors) {
      const index = roster.columns.fields[error.field];
      if (index !== undefined) cells.push({ row: outcome.row, column: index + 1 });
    }
  }
  return cells;
}
