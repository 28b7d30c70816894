import { normalizedColor } from "./colors";
import { BOOLEAN_CRITERIA } from "./enums";
import { MESSAGES } from "./messages";
import type { RuleCondition, RuleFormat } from "./conditionalFormatState";
import type { BuiltRule, RangeTarget, SheetsScope } from "./scope";

type BuilderMethod =
  | "build"
  | "copy"
  | "getBooleanCondition"
  | "getGradientCondition"
  | "getRanges"
  | "setBackground"
  | "setBold"
  | "setFontColor"
  | "setRanges"
  | "whenCellEmpty"
  | "whenCellNotEmpty"
  | "whenFormulaSatisfied"
  | "whenTextContains"
  | "whenTextEqualTo";
export type ScriptConditionalFormatRuleBuilder = Pick<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
  BuilderMethod
>;
export type ScriptConditionalFormatRule = Pick<
  GoogleAppsScript.Spreadsheet.ConditionalFormatRule,
  "copy" | "getBooleanCondition" | "getGradientCondition" | "getRanges"
>;
export type ScriptBooleanCondition = Pick<
  GoogleAppsScript.Spreadsheet.BooleanCondition,
  "getBackground" | "getBold" | "getCriteriaType" | "getCriteriaValues" | "getFontColor"
>;

interface Draft extends RuleFormat {
  targets: RangeTarget[];
  condition: RuleCondition | null;
}

/** `SpreadsheetApp.newConditionalFormatRule()`, or `rule.copy()` when `from` is given. */
export function createConditionalFormatRuleBuilder(
  scope: SheetsScope,
  from: Draft = { targets: [], condition: null, background: null, fontColor: null, bold: null },
): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
  const call = (method: BuilderMethod) => scope.execution.call("ConditionalFormatRuleBuilder", method, "other");
  const draft: Draft = { ...from };
  const text = (method: BuilderMethod, value: unknown): string => {
    if (typeof value !== "string") throw scope.signatureMismatch("ConditionalFormatRuleBuilder", method, [value]);
    return value;
  };

  const builder: ScriptConditionalFormatRuleBuilder = {
    build() {
      call("build");
      const { condition } = draft;
      if (condition === null) throw scope.execution.exception(MESSAGES.ruleWithoutCondition);
      return scope.conditionalFormatRule({ ...draft, condition });
    },
    copy() {
      call("copy");
      return createConditionalFormatRuleBuilder(scope, draft);
    },
    getBooleanCondition() {
      call("getBooleanCondition");
      return draft.condition && createBooleanCondition(scope, { ...draft, condition: draft.condition });
    },
    getGradientCondition() {
      call("getGradientCondition");
      return null;
    },
    getRanges() {
      call("getRanges");
      return scope.scriptArray(draft.targets.map(({ sheet, area }) => scope.range(sheet, area)));
    },
    setBackground(color: string | null) {
      call("setBackground");
      draft.background = normalizedColor(color) ?? null;
      return self;
    },
    setBold(bold: boolean | null) {
      call("setBold");
      draft.bold = bold === null ? null : bold === true;
      return self;
    },
    setFontColor(color: string | null) {
      call("setFontColor");
      draft.fontColor = normalizedColor(color) ?? null;
      return self;
    },
    setRanges(ranges: GoogleAppsScript.Spreadsheet.Range[]) {
      call("setRanges");
      const targets = Array.isArray(ranges) ? ranges.map((range) => scope.rangeTarget(range)) : [null];
      if (targets.some((target) => target === null)) {
        throw scope.signatureMismatch("ConditionalFormatRuleBuilder", "setRanges", [ranges]);
      }
      draft.targets = targets as RangeTarget[];
      return self;
    },
    whenCellEmpty() {
      call("whenCellEmpty");
      draft.condition = { criterion: "CELL_EMPTY", values: [] };
      return self;
    },
    whenCellNotEmpty() {
      call("whenCellNotEmpty");
      draft.condition = { criterion: "CELL_NOT_EMPTY", values: [] };
      return self;
    },
    whenFormulaSatisfied(formula: string) {
      call("whenFormulaSatisfied");
      draft.condition = { criterion: "CUSTOM_FORMULA", values: [text("whenFormulaSatisfied", formula)] };
      return self;
    },
    whenTextContains(value: string) {
      call("whenTextContains");
      draft.condition = { criterion: "TEXT_CONTAINS", values: [text("whenTextContains", value)] };
      return self;
    },
    whenTextEqualTo(value: string) {
      call("whenTextEqualTo");
      draft.condition = { criterion: "TEXT_EQUAL_TO", values: [text("whenTextEqualTo", value)] };
      return self;
    },
  };
  // The object has only the methods above; calling any other fails as "is not a function".
  const self = builder as GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
  return self;
}

/** The ConditionalFormatRule object a script gets for a built or stored rule. */
export function createConditionalFormatRule(
  scope: SheetsScope,
  rule: BuiltRule,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const call = (method: string) => scope.execution.call("ConditionalFormatRule", method, "other");
  const script: ScriptConditionalFormatRule = {
    copy() {
      call("copy");
      return createConditionalFormatRuleBuilder(scope, rule);
    },
    getBooleanCondition() {
      call("getBooleanCondition");
      return createBooleanCondition(scope, rule);
    },
    getGradientCondition() {
      call("getGradientCondition");
      return null;
    },
    getRanges() {
      call("getRanges");
      return scope.scriptArray(rule.targets.map(({ sheet, area }) => scope.range(sheet, area)));
    },
  };
  return script;
}

function createBooleanCondition(scope: SheetsScope, rule: BuiltRule): GoogleAppsScript.Spreadsheet.BooleanCondition {
  const call = (method: string) => scope.execution.call("BooleanCondition", method, "other");
  const condition: ScriptBooleanCondition = {
    getBackground() {
      call("getBackground");
      return rule.background;
    },
    getBold() {
      call("getBold");
      return rule.bold;
    },
    getCriteriaType() {
      call("getCriteriaType");
      return BOOLEAN_CRITERIA[rule.condition.criterion] as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria;
    },
    getCriteriaValues() {
      call("getCriteriaValues");
      return scope.scriptArray(rule.condition.values);
    },
    getFontColor() {
      call("getFontColor");
      return rule.fontColor;
    },
  };
  return condition as GoogleAppsScript.Spreadsheet.BooleanCondition;
}
