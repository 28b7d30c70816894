import type { DataValidationState, ValidationCriterion } from "./dataValidationState";
import { DATA_VALIDATION_CRITERIA } from "./enums";
import { MESSAGES } from "./messages";
import type { SheetsScope } from "./scope";

type BuilderMethod =
  | "build"
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText"
  | "requireCheckbox"
  | "requireValueInList"
  | "requireValueInRange"
  | "setAllowInvalid"
  | "setHelpText";
export type ScriptDataValidationBuilder = Pick<GoogleAppsScript.Spreadsheet.DataValidationBuilder, BuilderMethod>;
export type ScriptDataValidation = Pick<
  GoogleAppsScript.Spreadsheet.DataValidation,
  "copy" | "getAllowInvalid" | "getCriteriaType" | "getCriteriaValues" | "getHelpText"
>;

interface Draft {
  criterion: ValidationCriterion | null;
  allowInvalid: boolean;
  helpText: string;
}

/** `SpreadsheetApp.newDataValidation()`, or `rule.copy()` when `from` is given. */
export function createDataValidationBuilder(
  scope: SheetsScope,
  // New rules warn rather than reject, as in Apps Script.
  from: Draft = { criterion: null, allowInvalid: true, helpText: "" },
): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
  const call = (method: BuilderMethod) => scope.execution.call("DataValidationBuilder", method, "other");
  const draft: Draft = { ...from };

  const builder: ScriptDataValidationBuilder = {
    build() {
      call("build");
      if (draft.criterion === null) throw scope.execution.exception(MESSAGES.validationWithoutCriteria);
      return scope.dataValidation({
        criterion: draft.criterion,
        allowInvalid: draft.allowInvalid,
        helpText: draft.helpText,
      });
    },
    copy() {
      call("copy");
      return createDataValidationBuilder(scope, draft);
    },
    getAllowInvalid() {
      call("getAllowInvalid");
      return draft.allowInvalid;
    },
    getCriteriaType() {
      call("getCriteriaType");
      return criteriaType(draft.criterion);
    },
    getCriteriaValues() {
      call("getCriteriaValues");
      return criteriaValues(scope, draft.criterion);
    },
    getHelpText() {
      call("getHelpText");
      return draft.helpText;
    },
    requireCheckbox(...values: unknown[]) {
      call("requireCheckbox");
      const [checkedValue, uncheckedValue] = values.map((value) => {
        if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
        throw scope.signatureMismatch("DataValidationBuilder", "requireCheckbox", values);
      });
      draft.criterion = {
        type: "CHECKBOX",
        ...(checkedValue === undefined ? {} : { checkedValue }),
        ...(uncheckedValue === undefined ? {} : { uncheckedValue }),
      };
      return self;
    },
    requireValueInList(values: string[], showDropdown = true) {
      call("requireValueInList");
      if (!Array.isArray(values))
        throw scope.signatureMismatch("DataValidationBuilder", "requireValueInList", [values]);
      draft.criterion = { type: "VALUE_IN_LIST", values: values.map(String), showDropdown: showDropdown !== false };
      return self;
    },
    requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true) {
      call("requireValueInRange");
      const target = scope.rangeTarget(range);
      if (target === null) throw scope.signatureMismatch("DataValidationBuilder", "requireValueInRange", [range]);
      draft.criterion = {
        type: "VALUE_IN_RANGE",
        spreadsheetId: target.sheet.spreadsheet.id,
        sheetId: target.sheet.id,
        area: target.area,
        showDropdown: showDropdown !== false,
      };
      return self;
    },
    setAllowInvalid(allowInvalid: boolean) {
      call("setAllowInvalid");
      draft.allowInvalid = allowInvalid === true;
      return self;
    },
    setHelpText(helpText: string) {
      call("setHelpText");
      draft.helpText = String(helpText);
      return self;
    },
  };
  // The object has only the methods above; calling any other fails as "is not a function".
  const self = builder as GoogleAppsScript.Spreadsheet.DataValidationBuilder;
  return self;
}

/** The DataValidation object a script gets for a rule. */
export function createDataValidation(
  scope: SheetsScope,
  state: DataValidationState,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const call = (method: string) => scope.execution.call("DataValidation", method, "other");
  const rule: ScriptDataValidation = {
    copy() {
      call("copy");
      return createDataValidationBuilder(scope, state);
    },
    getAllowInvalid() {
      call("getAllowInvalid");
      return state.allowInvalid;
    },
    getCriteriaType() {
      call("getCriteriaType");
      return criteriaType(state.criterion);
    },
    getCriteriaValues() {
      call("getCriteriaValues");
      return criteriaValues(scope, state.criterion);
    },
    getHelpText() {
      call("getHelpText");
      return state.helpText;
    },
  };
  return rule;
}

function criteriaType(criterion: ValidationCriterion | null): GoogleAppsScript.Spreadsheet.DataValidationCriteria {
  // A builder with no criterion yet reports none, as Apps Script's does.
  const value = criterion === null ? null : DATA_VALIDATION_CRITERIA[criterion.type];
  return value as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria;
}

/** The arguments the criterion was built with: `[values, showDropdown]`, `[range, showDropdown]` … */
function criteriaValues(scope: SheetsScope, criterion: ValidationCriterion | null): unknown[] {
  if (criterion === null) return scope.scriptArray([]);
  switch (criterion.type) {
    case "VALUE_IN_LIST":
      return scope.scriptArray([scope.scriptArray(criterion.values), criterion.showDropdown]);
    case "VALUE_IN_RANGE": {
      const sheet = scope.store.get(criterion.spreadsheetId)?.sheetById(criterion.sheetId) ?? null;
      const range = sheet === null ? null : scope.range(sheet, criterion.area);
      return scope.scriptArray([range, criterion.showDropdown]);
    }
    case "CHECKBOX": {
      const values = [criterion.checkedValue, criterion.uncheckedValue].filter((value) => value !== undefined);
      return scope.scriptArray(values);
    }
  }
}
