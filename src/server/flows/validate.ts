import type { ColumnTarget } from "../../core/roster/columnMapping";
import type { Roster } from "../../core/roster/model";
import { lastAcceptedOf } from "../../core/state/createdGroups";
import { pendingSyncOf } from "../../core/state/pendingSync";
import { inBatch } from "../../core/state/records";
import { tabLinkOf } from "../../core/state/tabLink";
import type { AcceptedMember } from "../../core/sync/acceptedRoster";
import { diffRoster } from "../../core/sync/diff";
import { readStatusCells } from "../../core/sync/rowStatuses";
import type { ValidationView } from "../../shared/bridge";
import type { AddonContext } from "../context";
import { capped } from "../views";
import { readTabWithRecentPlans, writeRowStatuses } from "../sync/tabReading";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The sidebar lists this many problems; the count says how many there are. */
const PROBLEMS_SHOWN = 50;

/** Reference IDs whose rows Vitable already holds as they are now (or is processing as they are). */
function settledIds(context: AddonContext, sheetId: number, roster: Roster): Set<string> {
  const link = tabLinkOf(context.records, sheetId);
  const ids = new Set<string>();
  if (link === null) return ids;
  const compareWith = (members: AcceptedMember[] | undefined) => {
    if (members === undefined) return;
    const diff = diffRoster(
      roster,
      { groupId: link.groupId, requestId: "", completedAt: "", members },
      context.fingerprintKey,
    );
    for (const person of diff.unchanged) ids.add(person.referenceId);
  };
  compareWith(lastAcceptedOf(context.records, sheetId, link.groupId)?.members);
  compareWith(pendingSyncOf(context.records, sheetId)?.submitted);
  return ids;
}

/**
 * Validate (product.md §5): one read, every row checked, statuses and marks written once, and
 * the records it keeps (the plans, the marks made) written together at the end.
 */
export function validateTab(context: AddonContext, sheet: Sheet, detail: boolean): ValidationView {
  return inBatch(context.records, () => validated(context, sheet, detail));
}

function validated(context: AddonContext, sheet: Sheet, detail: boolean): ValidationView {
  const tab = context.tabOf(sheet);
  const reading = readTabWithRecentPlans(context, tab);
  const base = { sheetId: tab.sheetId, tabName: tab.name() };
  if (!reading.read.ok) {
    const { problem } = reading.read;
    return {
      ...base,
      headerProblem: problem.message,
      headerDetail:
        problem.kind === "needsMapping"
          ? {
              missing: problem.missing.map(({ field, label, closest }) => ({ target: field, label, closest })),
              ambiguous: problem.ambiguous,
              vanished: problem.vanished,
            }
          : null,
      columns: [],
      summary: { ready: 0, invalid: 0, excluded: 0, blank: 0, duplicates: 0 },
      problems: [],
      problemCount: 0,
      rows: detail ? [] : null,
    };
  }
  const { roster } = reading.read;
  const cells = readStatusCells(reading.values, roster, settledIds(context, base.sheetId, roster));
  writeRowStatuses(context.records, reading, roster, cells);

  const summary = { ready: 0, invalid: 0, excluded: 0, blank: roster.blankRows, duplicates: 0 };
  const problems: ValidationView["problems"] = [];
  let problemCount = 0;
  for (const row of roster.rows) {
    if (row.status === "Ready") summary.ready++;
    else if (row.status === "Excluded") summary.excluded++;
    else summary.invalid++;
    if (row.errors.some((error) => error.duplicate)) summary.duplicates++;
    for (const error of row.errors) {
      problemCount++;
      if (problems.length < PROBLEMS_SHOWN) {
        const index = roster.columns.fields[error.field];
        problems.push({ row: row.row, column: (index ?? 0) + 1, columnLabel: error.column, message: error.message });
      }
    }
  }
  const chosen = reading.settings.mapping?.columns ?? {};
  return {
    ...base,
    headerProblem: null,
    headerDetail: null,
    columns: (Object.entries(roster.columns.fields) as [ColumnTarget, number][])
      .sort(([, a], [, b]) => a - b)
      .map(([target]) => ({
        header: roster.columns.labels[target] ?? "",
        target,
        chosen: typeof chosen[target] === "string",
      })),
    summary,
    problems: capped(problems, detail),
    problemCount,
    rows: detail
      ? roster.rows.map((row) => ({
          row: row.row,
          status: row.status,
          message: row.message,
          errors: row.errors.map((error) => ({ field: error.field, column: error.column, message: error.message })),
          member: row.member === null ? null : { ...row.member },
          readable: row.readable === undefined ? null : { ...row.readable },
        }))
      : null,
  };
}
