import { listInSentence, describePerson } from "../core/sync/people";
import { matchesTypedPhrase } from "../core/sync/typedPhrase";
import { POLLING_ENDS_AFTER_MS } from "../core/sync/pollSchedule";
import type { SyncResultView } from "../shared/bridge";
import { userMessageOf } from "./addonError";
import { interactiveContext } from "./context";
import { rosterTab, rosterTabId } from "./ownTabs";
import { validateTab } from "./flows/validate";
import { runSync, type SyncStep } from "./sync/syncRun";
import type { GivenConfirmation, SyncRunResult } from "./sync/syncResult";
import { syncResultView } from "./views";
import { CHANGED_SINCE_CONFIRMED, MENU_SYNC, MENU_VALIDATE, NOTHING_SENT, SYNC_STEPS } from "../messages/sync";
import { ADDON_NAME } from "../messages/menu";

type Ui = GoogleAppsScript.Base.Ui;

/** Menu item: Open sidebar (also Schedule syncs…, whose settings live in the sidebar). */
export function showSidebar(): void {
  const sidebar = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(ADDON_NAME);
  SpreadsheetApp.getUi().showSidebar(sidebar);
}

/**
 * Asks about each guard in turn; a typed confirmation needs the exact phrase. Returns what was
 * typed (null when nothing had to be), or false when the person said no.
 */
function askEach(
  ui: Ui,
  result: Extract<SyncRunResult, { state: "needsConfirmation" }>,
): { typed: string | null } | false {
  let typed: string | null = null;
  for (const [index, confirmation] of result.confirmations.entries()) {
    const lead = index === 0 && result.changedSinceConfirmed ? `${CHANGED_SINCE_CONFIRMED}\n\n` : "";
    const { confirmWith } = confirmation;
    if (confirmWith.kind === "typed") {
      const answer = ui.prompt(MENU_SYNC.confirmTitle(ADDON_NAME), lead + confirmation.message, ui.ButtonSet.OK_CANCEL);
      if (
        answer.getSelectedButton() !== ui.Button.OK ||
        !matchesTypedPhrase(confirmWith.phrase, answer.getResponseText())
      ) {
        return false;
      }
      typed = answer.getResponseText();
    } else {
      const everyone =
        confirmation.people.length > 0
          ? `\n\n${MENU_SYNC.who(listInSentence(confirmation.people, describePerson, 20))}`
          : "";
      if (
        ui.alert(MENU_SYNC.confirmTitle(ADDON_NAME), lead + confirmation.message + everyone, ui.ButtonSet.YES_NO) !==
        ui.Button.YES
      ) {
        return false;
      }
    }
  }
  return { typed };
}

function resultText(result: SyncResultView): string {
  switch (result.state) {
    case "needsConfirmation":
      return NOTHING_SENT;
    case "completed":
      return result.failures.length > 0
        ? `${result.message}\n\n${MENU_SYNC.failed(
            result.failures
              .slice(0, 10)
              .map((failure) => MENU_SYNC.failure(failure.name || failure.referenceId, failure.row, failure.reason))
              .join("; "),
          )}`
        : result.message;
    default:
      return result.message;
  }
}

/**
 * Menu item: Sync to Vitable — the active tab, asking through dialogs, with toasts for progress.
 * Each answer is checked against the tab as it is after the dialog: if the removals changed
 * while the person read it, they are asked again about the new ones.
 */
export function syncActiveTab(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const context = interactiveContext();
    const sheetId = rosterTabId(context, context.activeSheet().getSheetId());
    let confirmation: GivenConfirmation | null = null;
    for (;;) {
      const result: SyncRunResult = runSync(context, sheetId, {
        mode: "interactive",
        startedBy: context.user,
        confirmation,
        pollBudgetMs: POLLING_ENDS_AFTER_MS,
        onStep: (step) => context.spreadsheet.toast(stepText(step), ADDON_NAME),
      });
      if (result.state === "needsConfirmation") {
        const answer = askEach(ui, result);
        if (answer !== false) {
          confirmation = { token: result.token, typedPhrase: answer.typed };
          continue;
        }
      }
      ui.alert(ADDON_NAME, resultText(syncResultView(result, false)), ui.ButtonSet.OK);
      return;
    }
  } catch (error) {
    ui.alert(ADDON_NAME, userMessageOf(error), ui.ButtonSet.OK);
  }
}

function stepText(step: SyncStep): string {
  switch (step.kind) {
    case "checking":
      return SYNC_STEPS.checking;
    case "sending":
      return SYNC_STEPS.sending(step.members);
    case "processing":
      return SYNC_STEPS.processing;
  }
}

const PROBLEMS_IN_ALERT = 5;

/** Menu item: Validate this tab — statuses and marks written, a summary in an alert. */
export function validateActiveTab(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const context = interactiveContext();
    const view = validateTab(context, rosterTab(context, context.activeSheet().getSheetId()), false);
    if (view.headerProblem !== null) {
      ui.alert(ADDON_NAME, view.headerProblem, ui.ButtonSet.OK);
      return;
    }
    const { summary } = view;
    const lines = [
      MENU_VALIDATE.summary(view.tabName, summary.ready, summary.invalid, summary.excluded, summary.blank),
    ];
    if (view.problems.length > 0) {
      lines.push(
        "",
        ...view.problems
          .slice(0, PROBLEMS_IN_ALERT)
          .map((problem) => MENU_VALIDATE.problem(problem.row, problem.message)),
      );
      if (view.problemCount > PROBLEMS_IN_ALERT) lines.push(MENU_VALIDATE.more(view.problemCount - PROBLEMS_IN_ALERT));
    }
    ui.alert(ADDON_NAME, lines.join("\n"), ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(ADDON_NAME, userMessageOf(error), ui.ButtonSet.OK);
  }
}
