import type { GridArea } from "./area";

/** The criteria the sandbox supports: dropdowns from a list or a range, and checkboxes. */
export type ValidationCriterion =
  | { type: "VALUE_IN_LIST"; values: string[]; showDropdown: boolean }
  | { type: "VALUE_IN_RANGE"; spreadsheetId: string; sheetId: number; area: GridArea; showDropdown: boolean }
  | { type: "CHECKBOX"; checkedValue?: string | number | boolean; uncheckedValue?: string | number | boolean };

/** A data validation rule as the sheet keeps it on each cell it applies to. */
export interface DataValidationState {
  criterion: ValidationCriterion;
  /** True: a wrong entry gets a warning; false: it is rejected (for people typing, not for scripts). */
  allowInvalid: boolean;
  helpText: string;
}
