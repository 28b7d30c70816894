import type { CellValue } from "../core/roster/model";
import type { RosterTab } from "./syncContext";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The tabs of one execution, each asked its sheet ID once and its name once, since every Sheets
 * call costs tens of milliseconds. While the execution waits for Vitable the user may rename or
 * delete a tab, so names and look-ups by ID are asked again after a wait (`forget`).
 */
export interface TabCache {
  /** The tab the user has open. */
  activeSheet(): Sheet;
  /** `sheet` (whose sheet ID may be known already) as the sync pipeline sees it. */
  tabOf(sheet: Sheet, sheetId?: number): RosterTab;
  /** The tab with this sheet ID, or null once it has been deleted. */
  sheetById(sheetId: number): Sheet | null;
  forget(): void;
}

export function tabCache(
  spreadsheet: Spreadsheet,
  rosterTabOf: (sheet: Sheet, sheetId: number | undefined, reads: Map<number, CellValue[][]>) => RosterTab,
): TabCache {
  let active: Sheet | null = null;
  // Each tab's top rows when last read, kept past a wait: a header read then is checked, not trusted.
  const reads = new Map<number, CellValue[][]>();
  const tabs = new Map<Sheet, RosterTab>();
  const names = new Map<Sheet, string>();
  const sheets = new Map<number, Sheet | null>();

  function tabOf(sheet: Sheet, sheetId?: number): RosterTab {
    let tab = tabs.get(sheet);
    if (tab === undefined) {
      tab = {
        ...rosterTabOf(sheet, sheetId, reads),
        name() {
          let name = names.get(sheet);
          if (name === undefined) names.set(sheet, (name = sheet.getName()));
          return name;
        },
      };
      tabs.set(sheet, tab);
    }
    if (!sheets.has(tab.sheetId)) sheets.set(tab.sheetId, sheet);
    return tab;
  }

  return {
    activeSheet: () => (active ??= spreadsheet.getActiveSheet()),
    tabOf,
    sheetById(sheetId) {
      let sheet = sheets.get(sheetId);
      if (sheet === undefined) sheets.set(sheetId, (sheet = spreadsheet.getSheetById(sheetId)));
      return sheet;
    },
    forget() {
      names.clear();
      sheets.clear();
    },
  };
}
