import type { LogEntryView, SyncCounts } from "../../shared/bridge";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const NO_COUNTS: SyncCounts = { added: 0, changed: 0, removed: 0, failed: 0, invalid: 0 };

/** One row of the log (product.md §5 "Log"). `detail` never names a member. */
export function logEntry(
  sheet: Sheet | null,
  group: string,
  fields: Pick<LogEntryView, "startedBy" | "outcome" | "detail"> & Partial<Pick<LogEntryView, "counts" | "requestId">>,
): LogEntryView {
  return {
    at: new Date().toISOString(),
    tab: sheet?.getName() ?? "(deleted tab)",
    group,
    counts: fields.counts ?? NO_COUNTS,
    requestId: fields.requestId ?? "",
    startedBy: fields.startedBy,
    outcome: fields.outcome,
    detail: fields.detail,
  };
}
