import { HELP_TEXT, HELP_TITLE } from "../messages/help";

/** Menu item: Help. */
export function showHelp(): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(HELP_TITLE, HELP_TEXT, ui.ButtonSet.OK);
}
