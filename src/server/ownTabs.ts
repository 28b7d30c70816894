import { LOG_SHEET_NAME } from "../appsscript/logTab";
import { RECORDS_SHEET_NAME } from "../appsscript/recordsSheet";
import { notARoster, OWN_TAB_HOLDS } from "../messages/sheet";
import { AddonError } from "./addonError";
import { tabById, type AddonContext } from "./context";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const OWN_TABS = [
  [LOG_SHEET_NAME, OWN_TAB_HOLDS.log],
  [RECORDS_SHEET_NAME, OWN_TAB_HOLDS.records],
] as const;

/**
 * `sheetId`, unless it is one of the add-on's own tabs (the log or the records), which no entry
 * links, validates, previews, syncs or gives headers: that would write a roster over them. They
 * are looked up as logTab.ts and recordsSheet.ts look them up, so the tab refused is the one
 * they write to.
 */
export function rosterTabId(context: AddonContext, sheetId: number): number {
  for (const [name, holds] of OWN_TABS) {
    if (context.spreadsheet.getSheetByName(name)?.getSheetId() === sheetId)
      throw new AddonError(notARoster(name, holds));
  }
  return sheetId;
}

/** The tab with this sheet ID, as a roster (rosterTabId). */
export function rosterTab(context: AddonContext, sheetId: number): Sheet {
  return tabById(context, rosterTabId(context, sheetId));
}
