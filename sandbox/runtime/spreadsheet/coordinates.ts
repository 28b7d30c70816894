import { areaOf, parseA1 } from "./a1";
import type { GridArea } from "./area";
import { MESSAGES } from "./messages";
import type { SheetsScope } from "./scope";
import type { SheetModel } from "./sheetModel";

/**
 * The area `getRange(row, column, numRows, numColumns)` (or `offset`) names, checked against the
 * sheet's grid with Apps Script's errors. Fractions are cut off, as Apps Script turns a number
 * into an Integer parameter.
 */
export function checkedArea(
  scope: SheetsScope,
  sheet: SheetModel,
  className: string,
  method: string,
  args: readonly unknown[],
): GridArea {
  const [row, column, numRows = 1, numColumns = 1] = args;
  const numbers = [row, column, numRows, numColumns];
  if (args.length < 2 || args.length > 4 || numbers.some((n) => typeof n !== "number" || !Number.isFinite(n))) {
    throw scope.signatureMismatch(className, method, args);
  }
  const [r, c, h, w] = (numbers as number[]).map(Math.trunc) as [number, number, number, number];
  if (r < 1 || c < 1) throw scope.execution.exception(MESSAGES.outsideSheet);
  if (h < 1) throw scope.execution.exception(MESSAGES.tooFewRows);
  if (w < 1) throw scope.execution.exception(MESSAGES.tooFewColumns);
  const area = { row: r, column: c, numRows: h, numColumns: w };
  if (!sheet.contains(area)) throw scope.execution.exception(MESSAGES.outsideSheet);
  return area;
}

/** The area an A1 reference names on `sheet`, or null when it names none of its cells. */
export function areaOfA1(sheet: SheetModel, text: string): GridArea | null {
  const reference = parseA1(text);
  if (reference === null) return null;
  if (reference.sheetName !== null && reference.sheetName.toLowerCase() !== sheet.name.toLowerCase()) return null;
  const area = areaOf(reference, sheet.maxRows, sheet.maxColumns);
  return area.numRows >= 1 && area.numColumns >= 1 && sheet.contains(area) ? area : null;
}
