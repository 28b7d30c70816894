import { POLLING_ENDS_AFTER_MS } from "../core/sync/pollSchedule";
import { showConfirmDialog } from "../appsscript/confirmDialog";
import {
  confirmMenuSyncAnswerSchema,
  confirmMenuSyncRequestSchema,
  viewJson,
  type ConfirmMenuSyncAnswer,
} from "../shared/confirmDialog";
import { userMessageOf } from "./addonError";
import { confirmView, dialogHeight, REMOVE_DATA_DIALOG_HEIGHT } from "./confirmDialog";
import { interactiveContext, type AddonContext } from "./context";
import { refuseOwnTab, rosterTab } from "./ownTabs";
import { validateTab } from "./flows/validate";
import { runSync, type SyncStep } from "./sync/syncRun";
import type { GivenConfirmation, SyncRunResult } from "./sync/syncResult";
import { syncResultView } from "./views";
import { MENU_SYNC, MENU_VALIDATE, SYNC_STEPS } from "../messages/sync";
import { ADDON_NAME } from "../messages/menu";
import { REQUEST_NOT_UNDERSTOOD } from "../messages/confirmDialog";
import { REMOVE_DATA } from "../messages/removeData";

/** Menu item: Open sidebar (also Schedule syncs…, whose settings live in the sidebar). */
export function showSidebar(): void {
  const sidebar = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(ADDON_NAME);
  SpreadsheetApp.getUi().showSidebar(sidebar);
}

type Outcome = Exclude<SyncRunResult, { state: "needsConfirmation" }>;

/** What a finished menu sync says: its outcome, and the first rows Vitable refused. */
function outcomeText(result: Outcome): string {
  const view = syncResultView(result, false);
  if (view.state === "needsConfirmation") throw new Error("A sync that asks has no outcome yet.");
  if (view.state !== "completed" || view.failures.length === 0) return view.message;
  return `${view.message}\n\n${MENU_SYNC.failed(
    view.failures
      .slice(0, 10)
      .map((failure) => MENU_SYNC.failure(failure.name || failure.referenceId, failure.row, failure.reason))
      .join("; "),
  )}`;
}

function menuSync(context: AddonContext, sheetId: number, confirmation: GivenConfirmation | null): SyncRunResult {
  return runSync(context, sheetId, {
    mode: "interactive",
    startedBy: context.user,
    confirmation,
    pollBudgetMs: POLLING_ENDS_AFTER_MS,
    // Sending is over within seconds of the processing toast that follows: it gets none of its own.
    onStep: (step) => {
      if (step.kind !== "sending") context.spreadsheet.toast(stepText(step), ADDON_NAME);
    },
  });
}

/**
 * Menu item: Sync to Vitable — the active tab, with toasts for progress and the outcome in an
 * alert. When a safety guard asks, the confirmation dialog shows instead and this execution
 * ends: the dialog's answer comes back as confirmMenuSync, or never (Cancel sends nothing).
 */
export function syncActiveTab(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const context = interactiveContext();
    const tab = context.tabOf(refuseOwnTab(context, context.activeSheet()));
    const sheetId = tab.sheetId;
    const result = menuSync(context, sheetId, null);
    if (result.state === "needsConfirmation") {
      const view = confirmView(sheetId, tab.name(), result);
      showConfirmDialog(viewJson(view), MENU_SYNC.confirmTitle(ADDON_NAME), dialogHeight(view));
      return;
    }
    ui.alert(ADDON_NAME, outcomeText(result), ui.ButtonSet.OK);
  } catch (error) {
    ui.alert(ADDON_NAME, userMessageOf(error), ui.ButtonSet.OK);
  }
}

/**
 * Called by the confirmation dialog (google.script.run) when the person confirms: the sync runs
 * with the token they were shown, exactly as the sidebar's startSync does, so if the tab or the
 * group changed while they read it, nothing is sent and the dialog asks again about what it
 * would do now. Every answer, and every error, is for the dialog to show.
 */
export function confirmMenuSync(raw: unknown): ConfirmMenuSyncAnswer {
  const request = confirmMenuSyncRequestSchema.safeParse(raw ?? {});
  if (!request.success) return { state: "done", message: REQUEST_NOT_UNDERSTOOD };
  let answer: ConfirmMenuSyncAnswer;
  try {
    const context = interactiveContext();
    const { token, typedPhrase } = request.data;
    const sheetId = context.tabOf(rosterTab(context, request.data.sheetId)).sheetId;
    const result = menuSync(context, sheetId, { token, typedPhrase });
    answer =
      result.state === "needsConfirmation"
        ? { state: "askAgain", view: confirmView(sheetId, context.tab(sheetId)?.name() ?? "", result) }
        : { state: "done", message: outcomeText(result) };
  } catch (error) {
    answer = { state: "done", message: userMessageOf(error) };
  }
  // Checked, as the sidebar's answers are: nothing but plain JSON may cross google.script.run.
  return confirmMenuSyncAnswerSchema.parse(answer);
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

/**
 * Menu item: Remove the add-on's data… — asks in the confirmation dialog first, which says what
 * goes and what stays; its red button calls removeAddonData, as the sidebar's does.
 */
export function showRemoveDataDialog(): void {
  showConfirmDialog(viewJson({ kind: "removeData" }), REMOVE_DATA.dialogTitle, REMOVE_DATA_DIALOG_HEIGHT);
}
