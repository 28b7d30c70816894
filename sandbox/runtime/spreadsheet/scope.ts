import type { Execution } from "../execution";
import type { GridArea } from "./area";
import { createConditionalFormatRule, type BuiltRule } from "./conditionalFormat";
import { createDataValidation, type DataValidationState } from "./dataValidation";
import { MESSAGES } from "./messages";
import { signatureMismatch } from "../signatureMismatch";
import { createProtection, type ProtectionState } from "./protection";
import { createRange } from "./range";
import { createSheet } from "./sheet";
import type { SheetModel } from "./sheetModel";
import { createSpreadsheet } from "./spreadsheet";
import type { SpreadsheetModel } from "./spreadsheetModel";
import type { SpreadsheetStore } from "./store";
import type { UiRecorder } from "./uiRecorder";

/** The sheet and cells behind a Range object. */
export interface RangeTarget {
  sheet: SheetModel;
  area: GridArea;
}

/**
 * Everything the Sheets objects of one execution share: the world's state, the execution, and a
 * record of the objects handed to the script, so that one passed back (a Range to
 * `setActiveRange`, a rule to `setDataValidation`) is recognised, and anything else is refused as
 * Apps Script refuses a wrong argument.
 */
export class SheetsScope {
  private readonly rangeTargets = new WeakMap<object, RangeTarget>();
  private readonly sheetModels = new WeakMap<object, SheetModel>();
  private readonly validationStates = new WeakMap<object, DataValidationState>();
  private readonly builtRules = new WeakMap<object, BuiltRule>();
  private readonly userEmails = new WeakMap<object, string>();

  constructor(
    readonly execution: Execution,
    readonly store: SpreadsheetStore,
    readonly ui: UiRecorder,
  ) {}

  range(sheet: SheetModel, area: GridArea): GoogleAppsScript.Spreadsheet.Range {
    const range = createRange(this, sheet, area);
    this.rangeTargets.set(range, { sheet, area });
    return range;
  }

  sheet(model: SheetModel): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = createSheet(this, model);
    this.sheetModels.set(sheet, model);
    return sheet;
  }

  spreadsheet(model: SpreadsheetModel): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return createSpreadsheet(this, model);
  }

  protection(sheet: SheetModel, state: ProtectionState): GoogleAppsScript.Spreadsheet.Protection {
    return createProtection(this, sheet, state);
  }

  dataValidation(state: DataValidationState): GoogleAppsScript.Spreadsheet.DataValidation {
    const rule = createDataValidation(this, state);
    this.validationStates.set(rule, state);
    return rule;
  }

  conditionalFormatRule(built: BuiltRule): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
    const rule = createConditionalFormatRule(this, built);
    this.builtRules.set(rule, built);
    return rule;
  }

  user(email: string): GoogleAppsScript.Base.User {
    const user: Pick<GoogleAppsScript.Base.User, "getEmail"> = {
      getEmail: () => {
        this.execution.call("User", "getEmail", "read");
        return email;
      },
    };
    this.userEmails.set(user, email);
    return user as GoogleAppsScript.Base.User;
  }

  rangeTarget(value: unknown): RangeTarget | null {
    return (isObject(value) && this.rangeTargets.get(value)) || null;
  }

  sheetModel(value: unknown): SheetModel | null {
    return (isObject(value) && this.sheetModels.get(value)) || null;
  }

  dataValidationState(value: unknown): DataValidationState | null {
    return (isObject(value) && this.validationStates.get(value)) || null;
  }

  builtRule(value: unknown): BuiltRule | null {
    return (isObject(value) && this.builtRules.get(value)) || null;
  }

  /** An email given as text, or a User (ours, or another service's such as Session's). */
  emailOf(value: unknown): string | null {
    if (typeof value === "string") return value;
    if (!isObject(value)) return null;
    const known = this.userEmails.get(value);
    if (known !== undefined) return known;
    const getEmail = (value as { getEmail?: unknown }).getEmail;
    return typeof getEmail === "function" ? String(getEmail.call(value)) : null;
  }

  /** An array of the script's realm holding these items. */
  scriptArray<T>(items: readonly T[]): T[] {
    return this.execution.realm.Array.from(items);
  }

  /** A 2-D array of the script's realm, filled cell by cell (0-based indexes). */
  scriptGrid<T>(numRows: number, numColumns: number, cell: (r: number, c: number) => T): T[][] {
    const rows = new this.execution.realm.Array<T[]>(numRows);
    for (let r = 0; r < numRows; r++) {
      const row = new this.execution.realm.Array<T>(numColumns);
      for (let c = 0; c < numColumns; c++) row[c] = cell(r, c);
      rows[r] = row;
    }
    return rows;
  }

  signatureMismatch(className: string, method: string, args: readonly unknown[]): Error {
    return this.execution.exception(signatureMismatch(`SpreadsheetApp.${className}`, method, args));
  }

  /** Throws when the sheet was deleted since the script got hold of it. */
  requireLive(sheet: SheetModel): void {
    if (!sheet.spreadsheet.isLive(sheet)) throw this.execution.exception(MESSAGES.sheetDeleted);
  }

  /**
   * Throws Apps Script's error when a protection keeps the user running the script from editing
   * `area` (or, without an area, the sheet itself: its name, rows, rules).
   */
  guardEdit(sheet: SheetModel, area?: GridArea): void {
    if (sheet.blockingProtection(this.execution.user.email, area) !== undefined) {
      throw this.execution.exception(MESSAGES.protectedCell);
    }
  }
}

function isObject(value: unknown): value is object {
  return (typeof value === "object" || typeof value === "function") && value !== null;
}
