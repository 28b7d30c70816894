/**
 * Apps Script's own sentences for the errors its Sheets services throw. Those marked
 * "(wording not confirmed)" are our best reconstruction and need checking on a live account.
 */
export const MESSAGES = {
  outsideSheet: "The coordinates of the range are outside the dimensions of the sheet.",
  rowsOutOfBounds: "Those rows are out of bounds.",
  columnsOutOfBounds: "Those columns are out of bounds.",
  tooFewRows: "The number of rows in the range must be at least 1.",
  tooFewColumns: "The number of columns in the range must be at least 1.",
  rangeNotFound: "Range not found",
  deleteAllRows: "Sorry, it is not possible to delete all non-frozen rows.",
  deleteAllColumns: "Sorry, it is not possible to delete all non-frozen columns.",
  deleteLastSheet: "You can't remove all the sheets in a document.",
  hideLastSheet: "You can't hide all the sheets in a document.",
  protectedCell:
    "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
  cellTooLong: `Your input contains more than the maximum of 50000 characters in a single cell.`,
  openById: "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
  getUiFromTrigger: "Cannot call SpreadsheetApp.getUi() from this context.",
  /** (wording not confirmed) */
  sheetDeleted: "The sheet you are working with has been deleted.",
  /** (wording not confirmed) */
  invalidTimeZone: (timeZone: string) => `Invalid argument: ${timeZone}`,
  /** (wording not confirmed) */
  ruleWithoutCondition: "A conditional format rule needs a condition before it can be built.",
  /** (wording not confirmed) */
  validationWithoutCriteria: "A data validation rule needs criteria before it can be built.",
  /** (wording not confirmed) */
  emptyRangeList: "A range list needs at least one range.",
  /** (wording not confirmed) */
  rangeOnAnotherSheet: "The ranges of a conditional format rule must be on the sheet the rule is set on.",
  sheetNameTaken: (name: string) => `A sheet with the name "${name}" already exists. Please enter another name.`,
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
} as const;
