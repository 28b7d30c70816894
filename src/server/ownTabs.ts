import { LOG_SHEET_NAME } from "../appsscript/logTab";
import { RECORDS_SHEET_NAME } from "../appsscript/recordsSheet";
import { notARoster, OWN_TAB_HOLDS } from "../messages/sheet";
import { tabNotOnScreen } from "../messages/tabs";
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

/**
 * The tab with this sheet ID, if it is the one on screen. The sidebar acts on the tab it shows,
 * which lags behind a click on another tab: acting on it then would act on a tab the user no
 * longer looks at, so nothing is done and the sidebar is told (its code) to show the tab on screen.
 */
export function tabOnScreen(context: AddonContext, sheetId: number): Sheet {
  const active = context.activeSheet();
  if (active.getSheetId() === sheetId) return active;
  const shown = context.spreadsheet.getSheetById(sheetId)?.getName() ?? null;
  throw new AddonError(tabNotOnScreen(shown, active.getName()), "tabNotOnScreen");
}

/** The tab on screen with this sheet ID (tabOnScreen), as a roster (rosterTabId). */
export function rosterTabOnScreen(context: AddonContext, sheetId: number): Sheet {
  const sheet = tabOnScreen(context, sheetId);
  rosterTabId(context, sheetId);
  return sheet;
}
