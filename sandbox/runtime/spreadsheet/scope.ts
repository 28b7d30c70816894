import type { Execution } from "../execution";
import type { GridArea } from "./area";
import type { RuleCondition, RuleFormat } from "./conditionalFormatState";
import type { DataValidationState } from "./dataValidationState";
import type { ProtectionState } from "./protectionState";
import type { SheetModel } from "./sheetModel";
import type { SpreadsheetModel } from "./spreadsheetModel";
import type { SpreadsheetStore } from "./store";
import type { UiRecorder } from "./uiRecorder";

/** The sheet and cells behind a Range object. */
export interface RangeTarget {
  sheet: SheetModel;
  area: GridArea;
}

/** A rule as a script holds it: built but perhaps not yet set on a sheet, so its ranges carry their sheet. */
export interface BuiltRule extends RuleFormat {
  targets: RangeTarget[];
  condition: RuleCondition;
}

/**
 * What the Sheets objects of one execution share, handed to each of them when it is made
 * (executionScope.ts has the one there is): the world's state, the execution, and the objects
 * handed to the script, so that one passed back (a Range to `setActiveRange`, a rule to
 * `setDataValidation`) is recognised, and anything else is refused as Apps Script refuses a
 * wrong argument. An interface, so that the objects and the scope that makes them do not import
 * each other.
 */
export interface SheetsScope {
  readonly execution: Execution;
  readonly store: SpreadsheetStore;
  readonly ui: UiRecorder;

  range(sheet: SheetModel, area: GridArea): GoogleAppsScript.Spreadsheet.Range;
  sheet(model: SheetModel): GoogleAppsScript.Spreadsheet.Sheet;
  spreadsheet(model: SpreadsheetModel): GoogleAppsScript.Spreadsheet.Spreadsheet;
  protection(sheet: SheetModel, state: ProtectionState): GoogleAppsScript.Spreadsheet.Protection;
  dataValidation(state: DataValidationState): GoogleAppsScript.Spreadsheet.DataValidation;
  conditionalFormatRule(built: BuiltRule): GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
  user(email: string): GoogleAppsScript.Base.User;

  /** What is behind an object the script passed back, or null when it is not one of ours. */
  rangeTarget(value: unknown): RangeTarget | null;
  sheetModel(value: unknown): SheetModel | null;
  dataValidationState(value: unknown): DataValidationState | null;
  builtRule(value: unknown): BuiltRule | null;
  /** An email given as text, or a User (ours, or another service's such as Session's). */
  emailOf(value: unknown): string | null;

  /** The spreadsheet holding a sheet, as the store keeps it. */
  parentOf(sheet: SheetModel): SpreadsheetModel;

  /** An array of the script's realm holding these items. */
  scriptArray<T>(items: readonly T[]): T[];
  /** A 2-D array of the script's realm, filled cell by cell (0-based indexes). */
  scriptGrid<T>(numRows: number, numColumns: number, cell: (r: number, c: number) => T): T[][];

  signatureMismatch(className: string, method: string, args: readonly unknown[]): Error;
  /** Throws when the sheet was deleted since the script got hold of it. */
  requireLive(sheet: SheetModel): void;
  /**
   * Throws Apps Script's error when a protection keeps the user running the script from editing
   * `area` (or, without an area, the sheet itself: its name, rows, rules).
   */
  guardEdit(sheet: SheetModel, area?: GridArea): void;
}
