import type { Execution } from "../execution";
import { signatureMismatch } from "../signatureMismatch";
import type { GridArea } from "./area";
import { createConditionalFormatRule } from "./conditionalFormat";
import { createDataValidation } from "./dataValidation";
import type { DataValidationState } from "./dataValidationState";
import { MESSAGES } from "./messages";
import { createProtection } from "./protection";
import type { ProtectionState } from "./protectionState";
import { createRange } from "./range";
import type { BuiltRule, RangeTarget, SheetsScope } from "./scope";
import { createSheet } from "./sheet";
import type { SheetModel } from "./sheetModel";
import { createSpreadsheet } from "./spreadsheet";
import type { SpreadsheetModel } from "./spreadsheetModel";
import type { SpreadsheetStore } from "./store";
import type { UiRecorder } from "./uiRecorder";

/**
 * The Sheets scope of one execution (see scope.ts): it makes the objects handed to the script,
 * each given this scope, and records them to recognise them when they come back.
 */
export class ExecutionScope implements SheetsScope {
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

  emailOf(value: unknown): string | null {
    if (typeof value === "string") return value;
    if (!isObject(value)) return null;
    const known = this.userEmails.get(value);
    if (known !== undefined) return known;
    const getEmail = (value as { getEmail?: unknown }).getEmail;
    return typeof getEmail === "function" ? String(getEmail.call(value)) : null;
  }

  parentOf(sheet: SheetModel): SpreadsheetModel {
    const parent = this.store.get(sheet.spreadsheet.id);
    if (parent === undefined) throw new Error(`The sandbox holds no spreadsheet ${sheet.spreadsheet.id}.`);
    return parent;
  }

  scriptArray<T>(items: readonly T[]): T[] {
    return this.execution.realm.Array.from(items);
  }

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

  requireLive(sheet: SheetModel): void {
    if (!sheet.spreadsheet.isLive(sheet)) throw this.execution.exception(MESSAGES.sheetDeleted);
  }

  guardEdit(sheet: SheetModel, area?: GridArea): void {
    if (sheet.blockingProtection(this.execution.user.email, area) !== undefined) {
      throw this.execution.exception(MESSAGES.protectedCell);
    }
  }
}

function isObject(value: unknown): value is object {
  return (typeof value === "object" || typeof value === "function") && value !== null;
}
