import type { Execution } from "../execution";
import { createConditionalFormatRuleBuilder } from "./conditionalFormat";
import { createDataValidationBuilder } from "./dataValidation";
import { BOOLEAN_CRITERIA, DATA_VALIDATION_CRITERIA, PROTECTION_TYPE } from "./enums";
import { MESSAGES } from "./messages";
import { ExecutionScope } from "./executionScope";
import type { SpreadsheetModel } from "./spreadsheetModel";
import type { SpreadsheetStore } from "./store";
import { createUi } from "./ui";
import type { UiRecorder } from "./uiRecorder";

export type ScriptSpreadsheetApp = Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  | "BooleanCriteria"
  | "DataValidationCriteria"
  | "ProtectionType"
  | "flush"
  | "getUi"
  | "newConditionalFormatRule"
  | "newDataValidation"
  | "openById"
> & {
  // Without a spreadsheet open in the editor (a time-driven trigger) these give null, which
  // Apps Script's published types leave out.
  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range | null;
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet | null;
  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null;
};

/**
 * The `SpreadsheetApp` global for one execution, over the sandbox's spreadsheets and editor UI.
 * Only the members of ScriptSpreadsheetApp exist; calling any other fails as "is not a function".
 */
export function createSpreadsheetApp(
  store: SpreadsheetStore,
  execution: Execution,
  ui: UiRecorder,
): ScriptSpreadsheetApp {
  const scope = new ExecutionScope(execution, store, ui);

  /** The spreadsheet open in the editor; none in a time-driven trigger. */
  function active(): SpreadsheetModel | null {
    const id = execution.activeSpreadsheetId;
    if (id === null) return null;
    const spreadsheet = store.get(id);
    if (spreadsheet === undefined) throw new Error(`The execution's active spreadsheet ${id} is not in the sandbox.`);
    return spreadsheet;
  }

  const app: ScriptSpreadsheetApp = {
    BooleanCriteria: BOOLEAN_CRITERIA as unknown as typeof GoogleAppsScript.Spreadsheet.BooleanCriteria,
    DataValidationCriteria:
      DATA_VALIDATION_CRITERIA as unknown as typeof GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    ProtectionType: PROTECTION_TYPE as unknown as typeof GoogleAppsScript.Spreadsheet.ProtectionType,
    flush() {
      // Writes apply at once in the sandbox, so there is nothing to push.
      execution.call("SpreadsheetApp", "flush", "other");
    },
    getActive() {
      execution.call("SpreadsheetApp", "getActive", "other");
      const spreadsheet = active();
      return spreadsheet && scope.spreadsheet(spreadsheet);
    },
    getActiveRange() {
      execution.call("SpreadsheetApp", "getActiveRange", "read");
      const spreadsheet = active();
      return spreadsheet && scope.range(spreadsheet.activeSheet(), spreadsheet.activeArea());
    },
    getActiveSheet() {
      execution.call("SpreadsheetApp", "getActiveSheet", "read");
      const spreadsheet = active();
      return spreadsheet && scope.sheet(spreadsheet.activeSheet());
    },
    getActiveSpreadsheet() {
      execution.call("SpreadsheetApp", "getActiveSpreadsheet", "other");
      const spreadsheet = active();
      return spreadsheet && scope.spreadsheet(spreadsheet);
    },
    getUi() {
      execution.call("SpreadsheetApp", "getUi", "other");
      if (execution.kind === "trigger") throw execution.exception(MESSAGES.getUiFromTrigger);
      return createUi(ui, execution);
    },
    newConditionalFormatRule() {
      execution.call("SpreadsheetApp", "newConditionalFormatRule", "other");
      return createConditionalFormatRuleBuilder(scope);
    },
    newDataValidation() {
      execution.call("SpreadsheetApp", "newDataValidation", "other");
      return createDataValidationBuilder(scope);
    },
    openById(id: string) {
      execution.call("SpreadsheetApp", "openById", "read");
      const spreadsheet = typeof id === "string" ? store.get(id) : undefined;
      if (spreadsheet === undefined) throw execution.exception(MESSAGES.openById);
      return scope.spreadsheet(spreadsheet);
    },
  };
  return app;
}
