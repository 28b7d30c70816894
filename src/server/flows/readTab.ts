import { applyStatusWrite, markInvalidCells, readTabValues } from "../../appsscript/rosterTab";
import { readRoster } from "../../core/roster/readRoster";
import type { CellValue, ReadRosterResult, Roster } from "../../core/roster/model";
import { cachedPlans, rememberPlans } from "../../core/state/cachedPlans";
import { tabSettingsOf, type TabSettings } from "../../core/state/tabLink";
import { planStatusWrite } from "../../core/sheet/statusColumns";
import type { RowStatusCells } from "../../core/sync/rowStatuses";
import type { Plan } from "../../vitable/apiSchemas";
import { AddonError } from "../addonError";
import { NOT_CONNECTED, type AddonContext } from "../context";
import { invalidCells } from "../views";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A tab as read once at the start of a flow. */
export interface TabReading {
  sheet: Sheet;
  values: CellValue[][];
  settings: TabSettings;
  read: ReadRosterResult;
}

/**
 * The organization's plans: fresh from Vitable when connected (plan names in the tab are
 * matched against them), else the last ones fetched.
 */
export function plansFor(context: AddonContext): Plan[] {
  if (context.connection !== null) {
    const plans = context.client().listPlans();
    rememberPlans(context.records, plans, new Date().toISOString());
    return plans;
  }
  const saved = cachedPlans(context.records);
  if (saved === null) throw new AddonError(NOT_CONNECTED);
  return saved;
}

/** Reads the tab in one call and validates every row. */
export function readTab(context: AddonContext, sheet: Sheet, plans: readonly Plan[]): TabReading {
  const values = readTabValues(sheet);
  const settings = tabSettingsOf(context.records, sheet.getSheetId());
  const read = readRoster(values, {
    plans,
    timeZone: context.timeZone,
    today: context.today(),
    headerRow: settings.headerRow,
  });
  return { sheet, values, settings, read };
}

/** Writes the status columns (one write) and the invalid-cell marks of a read tab. */
export function writeRowStatuses(reading: TabReading, roster: Roster, cells: RowStatusCells): void {
  const write = planStatusWrite(reading.values, roster.headerRow, roster.columns.status, cells);
  applyStatusWrite(reading.sheet, write);
  markInvalidCells(reading.sheet, invalidCells(roster), write.columns.status);
}
