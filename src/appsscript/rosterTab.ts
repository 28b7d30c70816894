import type { CellValue } from "../core/roster/model";
import { DROPDOWN_HELP } from "../messages/sheet";
import {
  INVALID_MARK_BACKGROUND,
  invalidMarkFormula,
  invalidMarkRanges,
  isInvalidMarkRule,
} from "../core/sheet/invalidMarks";
import { ROSTER_HEADERS, rosterHeaderColumn, rosterStatusHeaderColumn } from "../core/sheet/rosterHeaders";
import type { StatusWrite } from "../core/sheet/statusColumns";
import { US_STATE_CODES } from "../vitable/usStates";
import { columnLetters } from "../core/sheet/a1";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** Plain text: Sheets keeps what is entered ("02134", "2026-01-02") instead of reading a number or date in it. */
const PLAIN_TEXT_FORMAT = "@";
const SYNCED_AT_FORMAT = "yyyy-mm-dd hh:mm";

/** The tab in ONE call (getDataRange().getValues()). */
export function readTabValues(sheet: Sheet): CellValue[][] {
  return sheet.getDataRange().getValues() as CellValue[][];
}

/**
 * The header row (1-based `headerRow`), then only the columns `pick` chooses from it (0-based),
 * read in one getValues per run of adjacent columns: a grid as tall as the tab's data and as wide
 * as its grid, blank outside the columns read. When `pick` gives null, every cell is read. With
 * the header row as this execution read it earlier (`knownHeader`), each run is read with its
 * header cells and the header row is not read on its own, unless a header cell read has changed.
 */
export function readTabColumns(
  sheet: Sheet,
  headerRow: number,
  pick: (header: readonly CellValue[]) => number[] | null,
  knownHeader?: readonly CellValue[],
): CellValue[][] {
  const lastRow = sheet.getLastRow();
  if (lastRow < headerRow) return readTabValues(sheet);
  const known = knownHeader === undefined ? null : readKnownColumns(sheet, headerRow, lastRow, knownHeader, pick);
  if (known !== null) return known;
  // The whole header row, as wide as the grid: its width need not be asked.
  const header = sheet.getRange(`${headerRow}:${headerRow}`).getValues()[0] as CellValue[];
  const columns = pick(header);
  if (columns === null) return readTabValues(sheet);
  const width = header.length;
  const grid: CellValue[][] = Array.from({ length: lastRow }, () => new Array<CellValue>(width).fill(""));
  grid[headerRow - 1] = header;
  const below = lastRow - headerRow;
  if (below < 1) return grid;
  for (const run of adjacentRuns(columns.filter((column) => column < width))) {
    const values = sheet.getRange(headerRow + 1, run.first + 1, below, run.count).getValues() as CellValue[][];
    values.forEach((cells, offset) => {
      const row = grid[headerRow + offset] as CellValue[];
      cells.forEach((cell, index) => (row[run.first + index] = cell));
    });
  }
  return grid;
}

/**
 * readTabColumns with the header as read earlier: each run of the columns `pick` chooses from it
 * is read from the header row down, and the grid is kept only if every header cell read is as it
 * was (no column was inserted, moved or renamed meanwhile); null otherwise.
 */
function readKnownColumns(
  sheet: Sheet,
  headerRow: number,
  lastRow: number,
  knownHeader: readonly CellValue[],
  pick: (header: readonly CellValue[]) => number[] | null,
): CellValue[][] | null {
  const columns = pick(knownHeader);
  if (columns === null) return null;
  const width = knownHeader.length;
  const grid: CellValue[][] = Array.from({ length: lastRow }, () => new Array<CellValue>(width).fill(""));
  grid[headerRow - 1] = knownHeader.slice();
  for (const run of adjacentRuns(columns.filter((column) => column < width))) {
    const values = sheet
      .getRange(headerRow, run.first + 1, lastRow - headerRow + 1, run.count)
      .getValues() as CellValue[][];
    const header = values[0] ?? [];
    if (header.some((cell, index) => cell !== knownHeader[run.first + index])) return null;
    values.forEach((cells, offset) => {
      const row = grid[headerRow - 1 + offset] as CellValue[];
      cells.forEach((cell, index) => (row[run.first + index] = cell));
    });
  }
  return grid;
}

/** Sorted runs of adjacent 0-based columns. */
function adjacentRuns(columns: readonly number[]): { first: number; count: number }[] {
  const runs: { first: number; count: number }[] = [];
  for (const column of [...new Set(columns)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.first + last.count === column) last.count++;
    else runs.push({ first: column, count: 1 });
  }
  return runs;
}

/**
 * One setValues per block. The first time status columns are added, the grid is widened if they
 * fall past its last column, their headers are bolded, and the Message column is set to plain
 * text and Synced At to a date and time, before any value is written into them.
 */
export function applyStatusWrite(sheet: Sheet, write: StatusWrite): void {
  if (write.added.length > 0) prepareAddedColumns(sheet, write);
  for (const block of write.blocks) {
    const width = block.values[0]?.length ?? 0;
    sheet.getRange(block.row, block.column, block.values.length, width).setValues(block.values);
  }
}

function prepareAddedColumns(sheet: Sheet, write: StatusWrite): void {
  // Added columns sit side by side at the right end of the tab.
  const added = write.added.map((key) => write.columns[key]);
  const first = Math.min(...added);
  const last = Math.max(...added);
  const maxColumns = sheet.getMaxColumns();
  if (last > maxColumns) sheet.insertColumnsAfter(maxColumns, last - maxColumns);
  sheet.getRange(write.headerRow, first, 1, last - first + 1).setFontWeight("bold");
  // Rows written below the header show the grid has some; only a tab of its header alone asks.
  const written = write.blocks[0]?.values.length ?? 0;
  if (written <= 1 && sheet.getMaxRows() <= write.headerRow) return;
  formatStatusColumns(sheet, write.headerRow + 1, {
    message: write.added.includes("message") ? write.columns.message : null,
    syncedAt: write.added.includes("syncedAt") ? write.columns.syncedAt : null,
  });
}

/**
 * Formats the Message and Synced At columns given from `firstRow` to the grid's last row (an
 * open-ended A1 range, so the grid's size need not be asked), one call each.
 */
function formatStatusColumns(
  sheet: Sheet,
  firstRow: number,
  columns: { message: number | null; syncedAt: number | null },
): void {
  const below = (column: number) => sheet.getRange(`${columnLetters(column)}${firstRow}:${columnLetters(column)}`);
  if (columns.message !== null) below(columns.message).setNumberFormat(PLAIN_TEXT_FORMAT);
  if (columns.syncedAt !== null) below(columns.syncedAt).setNumberFormat(SYNCED_AT_FORMAT);
}

/**
 * Marks the invalid cells (1-based row/column) light red through ONE conditional-format rule
 * owned by the add-on, whose formula keeps a mark only while the row's Vitable Status (in the
 * 1-based `statusColumn`) is "Invalid": a fixed row loses its mark as soon as its status changes,
 * and validating again rebuilds the rule. The user's own rules are kept, after ours so that a
 * mark shows over them. An empty list removes our rule. The number of Sheets calls does not
 * depend on the number of cells (see MAX_MARKED_RANGES for the cap).
 */
export function markInvalidCells(
  sheet: Sheet,
  cells: readonly { row: number; column: number }[],
  statusColumn: number,
): void {
  const rules = sheet.getConditionalFormatRules();
  const usersRules = rules.filter((rule) => !isOurRule(rule));
  const marks = invalidMarkRanges(cells);
  if (marks === null) {
    if (usersRules.length < rules.length) sheet.setConditionalFormatRules(usersRules);
    return;
  }
  const ours = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(invalidMarkFormula(statusColumn, marks.anchorRow))
    .setBackground(INVALID_MARK_BACKGROUND)
    .setRanges(sheet.getRangeList(marks.ranges).getRanges())
    .build();
  sheet.setConditionalFormatRules([ours, ...usersRules]);
}

function isOurRule(rule: ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  if (condition === null) return false;
  const criteria: unknown[] = condition.getCriteriaValues();
  const formula = criteria[0];
  return typeof formula === "string" && isInvalidMarkRule(formula, condition.getBackground());
}

/**
 * Writes the roster header row in row 1 of an empty tab (canInsertHeaders), bolds and freezes
 * it, adds dropdowns for Plan (the organization's plan names; a pasted plan ID is still
 * accepted, with a warning) and State, and sets Reference ID, Phone and ZIP to plain text so
 * Sheets keeps their leading zeros; the status columns get their formats as when added.
 */
export function insertRosterHeaders(sheet: Sheet, planNames: string[]): void {
  const width = ROSTER_HEADERS.length;
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  sheet.getRange(1, 1, 1, width).setValues([ROSTER_HEADERS.slice()]).setFontWeight("bold");
  sheet.setFrozenRows(1);

  const dataRows = sheet.getMaxRows() - 1;
  if (dataRows < 1) return;
  const dataColumn = (column: number) => sheet.getRange(2, column, dataRows, 1);
  if (planNames.length > 0) {
    const plans = SpreadsheetApp.newDataValidation()
      .requireValueInList(planNames, true)
      .setAllowInvalid(true)
      .setHelpText(DROPDOWN_HELP.plan)
      .build();
    dataColumn(rosterHeaderColumn("plan_id")).setDataValidation(plans);
  }
  const states = SpreadsheetApp.newDataValidation()
    .requireValueInList(US_STATE_CODES.slice(), true)
    .setAllowInvalid(true)
    .setHelpText(DROPDOWN_HELP.state)
    .build();
  dataColumn(rosterHeaderColumn("address.state")).setDataValidation(states);
  for (const field of ["reference_id", "phone", "address.zipcode"] as const) {
    dataColumn(rosterHeaderColumn(field)).setNumberFormat(PLAIN_TEXT_FORMAT);
  }
  formatStatusColumns(sheet, 2, {
    message: rosterStatusHeaderColumn("message"),
    syncedAt: rosterStatusHeaderColumn("syncedAt"),
  });
}
