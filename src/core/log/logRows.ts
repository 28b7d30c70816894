import { LOG_COLUMN_HEADERS, logTimeHeader } from "../../messages/logTab";
import type { CellValue } from "../roster/model";
import { escapeCellText } from "../text/cellText";
import type { LogEntry } from "./logEntry";

/** The columns of the Vitable Sync Log tab, one row per sync or setting changed, its times in `timeZone`. */
export function logHeaders(timeZone: string): string[] {
  return [logTimeHeader(timeZone), ...Object.values(LOG_COLUMN_HEADERS)];
}

/** How many columns a log row has. */
export const LOG_WIDTH = Object.values(LOG_COLUMN_HEADERS).length + 1;

/** The log keeps the newest entries; older rows are deleted so it never grows without bound. */
export const LOG_ROW_LIMIT = 2_000;

type Outcome = LogEntry["outcome"];

const OUTCOME_LABELS: Record<Outcome, string> = {
  completed: "Completed",
  blocked: "Blocked",
  failed: "Failed",
  pending: "Pending",
  setting: "Setting changed",
};

/**
 * A log row's cells, in logHeaders order. The time is a Date, which Sheets shows in the
 * spreadsheet's time zone; text is escaped so that nothing in it becomes a formula.
 */
export function logEntryToRow(entry: LogEntry): CellValue[] {
  const { counts } = entry;
  return [
    new Date(entry.at),
    escapeCellText(entry.tab),
    escapeCellText(entry.group),
    escapeCellText(entry.startedBy),
    counts.added,
    counts.changed,
    counts.removed,
    counts.failed,
    counts.invalid,
    escapeCellText(entry.requestId),
    OUTCOME_LABELS[entry.outcome],
    escapeCellText(entry.detail),
  ];
}
