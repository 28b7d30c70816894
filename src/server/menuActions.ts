import { listInSentence, describePerson } from "../core/sync/people";
import type { Confirmation } from "../core/sync/guards";
import { matchesTypedPhrase } from "../core/sync/typedPhrase";
import { POLLING_ENDS_AFTER_MS } from "../core/sync/pollSchedule";
import type { SyncResultView } from "../shared/bridge";
import { userMessageOf } from "./addonError";
import { interactiveContext } from "./context";
import { syncTab } from "./flows/sync";
import { validateTab } from "./flows/validate";
import { ADDON_NAME } from "./menu";

type Ui = GoogleAppsScript.Base.Ui;

/** Menu item: Open sidebar (also Schedule syncs…, whose settings live in the sidebar). */
export function showSidebar(): void {
  const sidebar = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(ADDON_NAME);
  SpreadsheetApp.getUi().showSidebar(sidebar);
}

/** Asks about each guard in turn; a typed confirmation needs the exact phrase. */
function askEach(ui: Ui, confirmations: readonly Confirmation[]): boolean {
  for (const confirmation of confirmations) {
    const { confirmWith } = confirmation;
    if (confirmWith.kind === "typed") {
      const answer = ui.prompt(`${ADDON_NAME}: confirm`, `${confirmation.message}`, ui.ButtonSet.OK_CANCEL);
      if (
        answer.getSelectedButton() !== ui.Button.OK ||
        !matchesTypedPhrase(confirmWith.phrase, answer.getResponseText())
      ) {
        return false;
      }
    } else {
      const everyone =
        confirmation.people.length > 0 ? `\n\nWho: ${listInSentence(confirmation.people, describePerson, 20)}.` : "";
      if (ui.alert(`${ADDON_NAME}: confirm`, confirmation.message + everyone, ui.ButtonSet.YES_NO) !== ui.Button.YES) {
        return false;
      }
    }
  }
  return true;
}

function resultText(result: SyncResultView): string {
  switch (result.state) {
    case "needsConfirmation":
      return "Nothing was sent to Vitable.";
    case "completed":
      return result.failures.length > 0
        ? `${result.message}\n\nFailed: ${result.failures
            .slice(0, 10)
            .map(
              (failure) =>
                `${failure.name || failure.referenceId}${failure.row ? ` (row ${failure.row})` : ""}: ${failure.reason}`,
            )
            .join("; ")}`
        : result.message;
    default:
      return result.message;
  }
}

/** Menu item: Sync to Vitable — the active tab, asking through dialogs, with toasts for progress. */
export function syncActiveTab(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const context = interactiveContext();
    const sheet = context.spreadsheet.getActiveSheet();
    const result = syncTab(context, sheet, {
      mode: "interactive",
      startedBy: context.user,
      approve: (confirmations) => askEach(ui, confirmations),
      pollBudgetMs: POLLING_ENDS_AFTER_MS,
      detail: false,
      progress: (message) => context.spreadsheet.toast(message, ADDON_NAME),
    });
    ui.alert(ADDON_NAME, resultText(result), ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(ADDON_NAME, userMessageOf(error), ui.ButtonSet.OK);
  }
}

const PROBLEMS_IN_ALERT = 5;

/** Menu item: Validate this tab — statuses and marks written, a summary in an alert. */
export function validateActiveTab(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const context = interactiveContext();
    const view = validateTab(context, context.spreadsheet.getActiveSheet(), false);
    if (view.headerProblem !== null) {
      ui.alert(ADDON_NAME, view.headerProblem, ui.ButtonSet.OK);
      return;
    }
    const { summary } = view;
    const lines = [
      `"${view.tabName}": ${summary.ready} ready, ${summary.invalid} invalid, ${summary.excluded} excluded, ${summary.blank} blank rows.`,
    ];
    if (view.problems.length > 0) {
      lines.push(
        "",
        ...view.problems.slice(0, PROBLEMS_IN_ALERT).map((problem) => `Row ${problem.row}: ${problem.message}`),
      );
      if (view.problemCount > PROBLEMS_IN_ALERT)
        lines.push(`…and ${view.problemCount - PROBLEMS_IN_ALERT} more. The Vitable Message column lists them all.`);
    }
    ui.alert(ADDON_NAME, lines.join("\n"), ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(ADDON_NAME, userMessageOf(error), ui.ButtonSet.OK);
  }
}
