import { createSandboxClock } from "../sandbox/runtime/clock";
import { SCOPES } from "../sandbox/runtime/permissions";
import type { AppsScriptProject } from "../sandbox/runtime/project";
import { AppsScriptRuntime, type ExecutionReport } from "../sandbox/runtime/runtime";
import { STATUS_COLUMN_NAMES } from "../src/core/roster/columnNames";
import { pasteRows } from "./typedTab";

/**
 * The reference a user would otherwise get: a sync script as many Sheets scripts are written,
 * reading the tab one cell at a time and writing each row's three status cells one at a time.
 * It is generous to that script: it reads every cell once and writes every status once, where the
 * add-on reads the tab twice and writes the statuses twice (Pending, then the outcome), and it
 * leaves out the network entirely.
 */
export const NAIVE_FUNCTION = "naiveSync";

const STATUS_CELLS_PER_ROW = Object.keys(STATUS_COLUMN_NAMES).length;

export const NAIVE_SCRIPT = `
function ${NAIVE_FUNCTION}(memberColumns) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  var lastRow = sheet.getLastRow();
  var lastColumn = sheet.getLastColumn();
  var statusColumn = lastColumn - ${STATUS_CELLS_PER_ROW} + 1;
  for (var row = 2; row <= lastRow; row++) {
    var member = [];
    for (var column = 1; column <= memberColumns; column++) member.push(sheet.getRange(row, column).getValue());
    var ok = member[0] !== "";
    sheet.getRange(row, statusColumn).setValue(ok ? "Ready" : "Invalid");
    sheet.getRange(row, statusColumn + 1).setValue(ok ? "" : "The ID is empty.");
    sheet.getRange(row, statusColumn + 2).setValue(new Date());
  }
}
`;

/**
 * The naive script's Sheets calls for a tab of `dataRows` rows and `memberColumns` member
 * columns: getActiveSpreadsheet, getActiveSheet, getLastRow and getLastColumn, then per row a
 * getRange and a getValue per member cell and a getRange and a setValue per status cell.
 */
export function naiveSheetsCalls(dataRows: number, memberColumns: number): number {
  return 4 + dataRows * (2 * memberColumns + 2 * STATUS_CELLS_PER_ROW);
}

/** Cells the naive script reads and writes, one call each. */
export function naiveCells(dataRows: number, memberColumns: number): { read: number; written: number } {
  return { read: dataRows * memberColumns, written: dataRows * STATUS_CELLS_PER_ROW };
}

const NAIVE_PROJECT: AppsScriptProject = {
  code: NAIVE_SCRIPT,
  manifest: { timeZone: "Etc/UTC", oauthScopes: [SCOPES.currentSpreadsheet] },
  htmlFiles: new Map(),
};

/** Runs the naive script in the Apps Script runtime on a tab typed from `rows` (header first). */
export function runNaiveSync(rows: readonly (readonly string[])[]): ExecutionReport {
  const runtime = new AppsScriptRuntime({
    project: NAIVE_PROJECT,
    addonName: "Naive roster sync",
    clock: createSandboxClock({ followsRealTime: false }),
  });
  const spreadsheet = runtime.spreadsheets.create({
    name: "HR roster",
    timeZone: "America/New_York",
    owner: "hr@example.com",
  });
  const [header = [], ...data] = rows;
  const statusHeaders = Object.values(STATUS_COLUMN_NAMES);
  pasteRows(spreadsheet.activeSheet(), [[...header, ...statusHeaders], ...data]);
  const report = runtime.run(NAIVE_FUNCTION, { spreadsheetId: spreadsheet.id, args: [header.length] });
  if (!report.ok) throw new Error(`The naive sync failed: ${report.error}`);
  return report;
}
