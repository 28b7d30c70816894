import type { GridArea } from "./area";
import type { SheetsScope } from "./scope";
import type { SheetModel } from "./sheetModel";

export type ScriptRangeList = Pick<GoogleAppsScript.Spreadsheet.RangeList, "getRanges">;

/** The RangeList a script gets from `Sheet.getRangeList`: ranges of one sheet, in the order named. */
export function createRangeList(
  scope: SheetsScope,
  sheet: SheetModel,
  areas: readonly GridArea[],
): GoogleAppsScript.Spreadsheet.RangeList {
  const list: ScriptRangeList = {
    getRanges() {
      scope.execution.call("RangeList", "getRanges", "other");
      scope.requireLive(sheet);
      return scope.scriptArray(areas.map((area) => scope.range(sheet, { ...area })));
    },
  };
  // The object has only the methods above; calling any other fails as "is not a function".
  return list as GoogleAppsScript.Spreadsheet.RangeList;
}
