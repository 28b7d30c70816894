import { LOG_COLUMN_HEADERS } from "../../messages/logTab";
import type { CellValue } from "../roster/model";
import { isDateCell } from "../roster/cells";
import { escapeCellText } from "../text/cellText";
import { logEntrySchema, type LogEntry } from "./logEntry";

/** The columns of the Vitable Sync Log tab, one row per sync. */
export const LOG_HEADERS: readonly string[] = Object.values(LOG_COLUMN_HEADERS);

/** The log keeps the newest entries; older rows are deleted so it never grows without bound. */
export const LOG_ROW_LIMIT = 2_000;

type Outcome = LogEntry["outcome"];

const OUTCOME_LABELS: Record<Outcome, string> = {
  completed: "Completed",
  blocked: "Blocked",
  failed: "Failed",
  pending: "Pending",
};

const OUTCOME_BY_LABEL = new Map<string, Outcome>(
  (Object.keys(OUTCOME_LABELS) as Outcome[]).map((outcome) => [OUTCOME_LABELS[outcome].toLowerCase(), outcome]),
);

/**
 * A log row's cells, in LOG_HEADERS order. The time is a Date, which Sheets shows in the
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

/**
 * The entry a log row holds (cells as getValues() gives them), or null for a row that cannot be
 * read back, such as one a user edited by hand: the history shows the rows it can read. Times are
 * read to the second, as a cell's date-time keeps them.
 */
export function logRowToEntry(row: readonly CellValue[]): LogEntry | null {
  const [time, tab, group, startedBy, added, changed, removed, failed, invalid, requestId, outcome, detail] = row;
  if (time === undefined || !isDateCell(time) || Number.isNaN(time.getTime())) return null;
  const outcomeText = textOf(outcome);
  const parsed = logEntrySchema.safeParse({
    at: new Date(Math.round(time.getTime() / 1000) * 1000).toISOString(),
    tab: textOf(tab),
    group: textOf(group),
    startedBy: textOf(startedBy),
    counts: {
      added: countOf(added),
      changed: countOf(changed),
      removed: countOf(removed),
      failed: countOf(failed),
      invalid: countOf(invalid),
    },
    requestId: textOf(requestId),
    outcome: outcomeText === null ? null : OUTCOME_BY_LABEL.get(outcomeText.toLowerCase()),
    detail: textOf(detail),
  });
  return parsed.success ? parsed.data : null;
}

/**
 * A text cell's text. Sheets turns text that looks like a number (a tab named "2026") into one,
 * so numbers and booleans are read as the text they were written from; a date cannot be.
 */
function textOf(cell: CellValue | undefined): string | null {
  if (cell === undefined || isDateCell(cell)) return null;
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell);
}

function countOf(cell: CellValue | undefined): number | null {
  return typeof cell === "number" && Number.isInteger(cell) && cell >= 0 ? cell : null;
}
