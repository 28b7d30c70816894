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
 * `sheet`, unless it is one of the add-on's own tabs (the log or the records), which no entry
 * links, validates, previews, syncs or gives headers: that would write a roster over them. Names
 * are unique in a spreadsheet, so the tab with one of their names is the one logTab.ts and
 * recordsSheet.ts write to; the name is the execution's own (context.tabOf), asked of Sheets once.
 */
export function refuseOwnTab(context: AddonContext, sheet: Sheet): Sheet {
  const name = context.tabOf(sheet).name();
  for (const [ownName, holds] of OWN_TABS) {
    if (name === ownName) throw new AddonError(notARoster(ownName, holds));
  }
  return sheet;
}

/** The tab with this sheet ID, as a roster (refuseOwnTab). */
export function rosterTab(context: AddonContext, sheetId: number): Sheet {
  return refuseOwnTab(context, tabById(context, sheetId));
}

/**
 * The tab with this sheet ID, if it is the one on screen. The sidebar acts on the tab it shows,
 * which lags behind a click on another tab: acting on it then would act on a tab the user no
 * longer looks at, so nothing is done and the sidebar is told (its code) to show the tab on screen.
 */
export function tabOnScreen(context: AddonContext, sheetId: number): Sheet {
  const active = context.activeSheet();
  if (context.tabOf(active).sheetId === sheetId) return active;
  const shown = context.sheetById(sheetId);
  throw new AddonError(
    tabNotOnScreen(shown === null ? null : context.tabOf(shown).name(), context.tabOf(active).name()),
    "tabNotOnScreen",
  );
}

/** The tab on screen with this sheet ID (tabOnScreen), as a roster (refuseOwnTab). */
export function rosterTabOnScreen(context: AddonContext, sheetId: number): Sheet {
  return refuseOwnTab(context, tabOnScreen(context, sheetId));
}
