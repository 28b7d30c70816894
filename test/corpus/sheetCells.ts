import { readValue, writeOfScriptValue, type CellWrite } from "../../sandbox/runtime/spreadsheet/cells";
import { PLAIN_TEXT_FORMAT } from "../../sandbox/runtime/spreadsheet/numberFormats";
import type { SheetModel } from "../../sandbox/runtime/spreadsheet/sheetModel";
import { instantOfWallClock, wallClockOf } from "../../sandbox/runtime/timeZones";
import type { CellValue } from "../../src/core/roster/model";
import type { CorpusCell } from "./model";

/**
 * A corpus cell in a spreadsheet: what Sheets stores for it, and what getValues() then gives.
 * Both go through the sandbox's own model of Sheets, so the pure core and the built add-on read
 * the very same values.
 */

/** The instant getValues() gives for a date cell: that calendar date's midnight (plus `hour`) in the spreadsheet's zone. */
function dateInstant(isoDate: string, hour: number, timeZone: string): number {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  return instantOfWallClock(wallClockOf(year, month, day, hour), timeZone);
}

/** What the cell holds once entered: typed text is parsed as Sheets parses it, the rest is set as is. */
function storedWrite(cell: CorpusCell, timeZone: string): CellWrite {
  if (typeof cell === "string") return writeOfScriptValue(cell, undefined, timeZone);
  if ("number" in cell) return writeOfScriptValue(cell.number, undefined, timeZone);
  if ("boolean" in cell) return writeOfScriptValue(cell.boolean, undefined, timeZone);
  if ("date" in cell)
    return writeOfScriptValue(new Date(dateInstant(cell.date, cell.hour ?? 0, timeZone)), undefined, timeZone);
  if ("text" in cell) return writeOfScriptValue(cell.text, PLAIN_TEXT_FORMAT, timeZone);
  // An error value reads as its text, which is all the add-on ever sees of it.
  if ("error" in cell) return { value: cell.error };
  return { value: undefined };
}

/** What `Range.getValues()` gives for the cell in a spreadsheet in `timeZone`. */
export function sheetValueOf(cell: CorpusCell, timeZone: string): CellValue {
  const write = storedWrite(cell, timeZone);
  const numberFormat = typeof cell === "object" && "text" in cell ? PLAIN_TEXT_FORMAT : write.numberFormat;
  return readValue(write.value, numberFormat, timeZone, (instant) => new Date(instant));
}

/**
 * Enters the cell into the tab: typed text as a person types it, the other kinds as a script's
 * setValues() writes them (a text cell gets the plain-text format first, as the user's column
 * has). The cells of a merged range other than its first hold nothing.
 */
export function enterCell(sheet: SheetModel, row: number, column: number, cell: CorpusCell): void {
  if (typeof cell === "string") {
    sheet.typeInto(row, column, cell);
    return;
  }
  if ("merged" in cell) return;
  if ("text" in cell) sheet.numberFormats.set(row, column, PLAIN_TEXT_FORMAT);
  sheet.write(row, column, storedWrite(cell, sheet.spreadsheet.timeZone));
}
