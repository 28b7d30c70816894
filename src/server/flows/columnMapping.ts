import type { ColumnMapping } from "../../core/roster/columnMapping";
import { createCalendarDateReader, isoDate } from "../../core/roster/fields/calendarDate";
import { describeMapping, mappingToSave } from "../../core/roster/mappingChoices";
import type { CellValue } from "../../core/roster/model";
import { hasPendingSync } from "../../core/state/pendingSync";
import { saveTabSettings, tabSettingsOf } from "../../core/state/tabLink";
import { WAIT_BEFORE_MAPPING } from "../../messages/mapping";
import type { ColumnMappingView, SaveColumnMappingRequest } from "../../shared/bridge";
import { AddonError } from "../addonError";
import { rosterTabOf, type AddonContext } from "../context";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The mapping step of a tab: one read of the tab, nothing written. */
export function columnMappingView(context: AddonContext, sheet: Sheet): ColumnMappingView {
  return viewOf(context, sheet, rosterTabOf(sheet).values());
}

/** Saves the user's choices for the tab's columns; every later read of the tab uses them. */
export function saveColumnMapping(
  context: AddonContext,
  sheet: Sheet,
  request: SaveColumnMappingRequest,
): ColumnMappingView {
  const values = rosterTabOf(sheet).values();
  const { headerRow } = tabSettingsOf(context.records, sheet.getSheetId());
  const toSave = mappingToSave(values[headerRow - 1] ?? [], headerRow, request.columns, request.statusValues);
  if (!toSave.ok) throw new AddonError(toSave.message);
  setMapping(context, sheet, toSave.mapping);
  return viewOf(context, sheet, values);
}

/** Forgets the user's choices: the headers say again which column is which. */
export function clearColumnMapping(context: AddonContext, sheet: Sheet): ColumnMappingView {
  setMapping(context, sheet, null);
  return columnMappingView(context, sheet);
}

/** A pending sync writes its results back by the columns it was read with, so they stay until it ends. */
function setMapping(context: AddonContext, sheet: Sheet, mapping: ColumnMapping | null): void {
  const sheetId = sheet.getSheetId();
  if (hasPendingSync(context.records, sheetId)) throw new AddonError(WAIT_BEFORE_MAPPING);
  const { mapping: _previous, ...settings } = tabSettingsOf(context.records, sheetId);
  saveTabSettings(context.records, sheetId, mapping === null ? settings : { ...settings, mapping });
}

function viewOf(context: AddonContext, sheet: Sheet, values: CellValue[][]): ColumnMappingView {
  const settings = tabSettingsOf(context.records, sheet.getSheetId());
  const description = describeMapping(
    values,
    settings.headerRow,
    settings.mapping ?? null,
    cellShower(context.timeZone),
  );
  return {
    sheetId: sheet.getSheetId(),
    tabName: sheet.getName(),
    headerRow: settings.headerRow,
    ...description,
    saved: settings.mapping !== undefined,
  };
}

/** A cell as the mapping step shows it: dates as the calendar date the sheet shows, YYYY-MM-DD. */
function cellShower(timeZone: string): (cell: CellValue) => string {
  const readDate = createCalendarDateReader(timeZone);
  return (cell) => {
    if (typeof cell !== "object") return typeof cell === "boolean" ? String(cell).toUpperCase() : String(cell).trim();
    const reading = readDate(cell);
    return reading.ok ? isoDate(reading.date) : "";
  };
}
