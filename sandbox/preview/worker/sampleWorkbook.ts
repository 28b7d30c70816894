import { readFileSync } from "node:fs";
import path from "node:path";
import { AddonClient } from "../../cli/addon";
import { DEFAULT_TIME_ZONE } from "../../cli/arguments";
import { ensureConnected } from "../../cli/connection";
import { parseCsv } from "../../cli/csv";
import { findOrCreateGroup } from "../../cli/groups";
import { createRosterSpreadsheet, enterRows, rosterSheet } from "../../cli/rosterTab";
import type { AppsScriptRuntime } from "../../runtime/runtime";
import type { SpreadsheetModel } from "../../runtime/spreadsheet/spreadsheetModel";
import type { SeedKind } from "./protocol";

/** The sample roster, as HR typed it into the Roster tab (mistakes included). */
export const SAMPLE_ROSTER_CSV = path.resolve(__dirname, "../sample-roster.csv");
export const SAMPLE_SPREADSHEET_NAME = "Sample Company HR";
export const SAMPLE_GROUP_NAME = "Sample Company Staff";

/**
 * The workbook a new preview starts with: the sample roster typed into its Roster tab (cells
 * parsed as Sheets parses typed input, so a ZIP's leading zero is lost as it would be), its header
 * row bold and frozen. With "sample", the add-on is also connected to the emulated Vitable with
 * `apiKey` and the tab linked to the group "Sample Company Staff", through the sidebar's own
 * calls, so the first thing to do is press "Sync to Vitable".
 */
export function createSampleWorkbook(runtime: AppsScriptRuntime, seed: SeedKind, apiKey: string): SpreadsheetModel {
  const spreadsheet = createRosterSpreadsheet(runtime.spreadsheets, {
    timeZone: DEFAULT_TIME_ZONE,
    owner: runtime.user.email,
  });
  spreadsheet.name = SAMPLE_SPREADSHEET_NAME;
  const sheet = rosterSheet(spreadsheet);
  const rows = parseCsv(readFileSync(SAMPLE_ROSTER_CSV, "utf8"));
  enterRows(sheet, rows, { raw: false });
  const width = rows[0]?.length ?? 0;
  for (let column = 1; column <= width; column++) sheet.fontWeights.set(1, column, "bold");
  sheet.frozenRows = 1;
  if (seed === "sample") {
    const addon = new AddonClient(runtime, spreadsheet.id);
    ensureConnected(addon, apiKey);
    const group = findOrCreateGroup(addon, SAMPLE_GROUP_NAME, sheet.id);
    addon.call("linkTab", { sheetId: sheet.id, groupId: group.id });
  }
  return spreadsheet;
}
