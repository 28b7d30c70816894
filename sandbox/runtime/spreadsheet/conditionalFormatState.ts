import type { GridArea } from "./area";

/** The conditions the sandbox supports; the add-on keys its rules on formulas. */
export type RuleCriterion = "CUSTOM_FORMULA" | "CELL_EMPTY" | "CELL_NOT_EMPTY" | "TEXT_EQUAL_TO" | "TEXT_CONTAINS";

export interface RuleCondition {
  criterion: RuleCriterion;
  /** The formula or text the condition was built with; empty for CELL_EMPTY and CELL_NOT_EMPTY. */
  values: string[];
}

/** What a matching cell looks like; null leaves that property as the cell has it. */
export interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
}

/** A conditional format rule as its sheet keeps it: ranges of that sheet, a condition, a format. */
export interface ConditionalFormatRuleState extends RuleFormat {
  ranges: GridArea[];
  condition: RuleCondition;
}
