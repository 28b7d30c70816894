import { parseCsv } from "../../cli/csv";
import { loadSavedSpreadsheet, saveSpreadsheet, sessionPaths, type SessionPaths } from "../../cli/session";
import { loadProject } from "../../runtime/project";
import { AppsScriptRuntime, type ExecutionReport, type RuntimeSnapshot } from "../../runtime/runtime";
import type { ServiceCall } from "../../runtime/execution";
import type { SheetModel } from "../../runtime/spreadsheet/sheetModel";
import type { SpreadsheetModel } from "../../runtime/spreadsheet/spreadsheetModel";
import type { HtmlSurface, Question } from "../../runtime/spreadsheet/uiRecorder";
import { VITABLE_BASE_URLS } from "../../../src/vitable/environments";
import { ADDON_NAME } from "../../../src/messages/menu";
import type { GridAreaView, ToastView } from "../shared/api";
import { decodeWire, encodeWire } from "../shared/wireValues";
import type {
  DialogSurface,
  OperationResult,
  RuntimeView,
  SidebarSurface,
  WorkerOperation,
  WorkerStartData,
} from "./protocol";
import { QuestionChannel } from "./questionChannel";
import { createRealTimeClock } from "./realTimeClock";
import { addonMenuView, scheduleView } from "./runtimeView";
import { createSampleWorkbook } from "./sampleWorkbook";
import { workbookView } from "./workbookView";

/** What the worker tells the main thread while it works. */
export interface PreviewEvents {
  view(view: RuntimeView): void;
  toast(toast: Omit<ToastView, "id" | "shownAt">): void;
  question(id: number, question: Question): void;
}

/** Service calls during which the script waits: the page is shown the sheet as it stands then. */
const WAITING_CALLS = new Set([
  "Utilities.sleep",
  "UrlFetchApp.fetch",
  "UrlFetchApp.fetchAll",
  "SpreadsheetApp.flush",
  "Lock.waitLock",
  "Lock.tryLock",
]);
const PROGRESS_INTERVAL_MS = 250;
const SAVE_INTERVAL_MS = 2_000;
const MAX_TAB_NAME = 100;
const CSV_EXTENSION = /\.(csv|txt)$/i;

/**
 * The spreadsheet in the preview: the add-on's built bundle in the Apps Script runtime, with the
 * Vitable hosts routed to the emulator, the real clock, and every alert and prompt put to the user.
 * Each operation is what a person does in Sheets: open the file, click a menu item, type into a
 * cell, and so on. The spreadsheet is saved after each one (and while a long script waits), in a
 * sandbox CLI session folder.
 */
export class PreviewRuntime {
  private readonly runtime: AppsScriptRuntime;
  private readonly paths: SessionPaths;
  private readonly spreadsheet: SpreadsheetModel;
  private shownSidebar: HtmlSurface | null = null;
  private sidebarVersion = 0;
  private shownDialog: HtmlSurface | null = null;
  private dialogVersion = 0;
  private lastProgressAt = 0;
  private lastSaveAt = 0;
  /** Seeding runs scripts too; the page hears of nothing before the preview is ready. */
  private ready = false;

  constructor(
    start: WorkerStartData,
    private readonly events: PreviewEvents,
  ) {
    this.paths = sessionPaths(start.dataDir);
    const saved = loadSavedSpreadsheet(this.paths);
    this.runtime = new AppsScriptRuntime({
      project: loadProject(start.projectDir),
      addonName: ADDON_NAME,
      clock: createRealTimeClock(),
      fetch: {
        routes: { [VITABLE_BASE_URLS.production]: start.emulatorUrl, [VITABLE_BASE_URLS.uat]: start.emulatorUrl },
      },
      beforeCall: (call, execution) => this.whileRunning(call, execution.id),
      ...(saved === undefined ? {} : { saved: saved.runtime }),
    });
    this.spreadsheet =
      saved === undefined
        ? createSampleWorkbook(this.runtime, start.seed, start.apiKey)
        : this.runtime.spreadsheets.get(saved.spreadsheetId)!;
    const questions = new QuestionChannel(start.answerFlag, start.answerPort, (id, question) =>
      this.events.question(id, question),
    );
    this.runtime.ui.respondWith((question) => {
      this.events.view(this.view());
      this.postToasts();
      return questions.ask(question);
    });
    this.save(null);
    this.ready = true;
  }

  /** What the script is about to run for `operation`, or null when it runs no script. */
  busyLabel(operation: WorkerOperation): string | null {
    switch (operation.op) {
      case "open":
        return "Opening the spreadsheet";
      case "menu":
        return operation.captions.join(" ▸ ");
      case "scriptRun":
        return `google.script.run.${operation.functionName}`;
      case "runSchedule":
        return "Scheduled sync";
      case "fireDueTriggers":
        return this.runtime.triggers.dueTriggers(this.runtime.clock.now()).length > 0 ? "Scheduled sync" : null;
      default:
        return null;
    }
  }

  perform(operation: WorkerOperation): OperationResult {
    try {
      return this.performOrThrow(operation);
    } catch (error) {
      // Host-side refusals (a CSV that cannot be read, a cell outside the grid) are sentences for the user.
      if (error instanceof Error) return { ok: false, message: error.message };
      throw error;
    } finally {
      this.postToasts();
      this.save(null);
    }
  }

  private performOrThrow(operation: WorkerOperation): OperationResult {
    const id = this.spreadsheet.id;
    switch (operation.op) {
      case "open":
        return outcomeOf(this.runtime.open(id));
      case "menu":
        return outcomeOf(this.runtime.clickMenuItem(id, ...operation.captions));
      case "scriptRun": {
        const args = operation.args.map((arg) => decodeWire(arg));
        const result = this.runtime.scriptRun(id, operation.functionName, args);
        return result.ok ? { ok: true, value: encodeWire(result.value) } : { ok: false, message: result.error };
      }
      case "selectTab":
        this.spreadsheet.select(this.sheet(operation.sheetId), null);
        return { ok: true };
      case "select":
        return this.select(this.sheet(operation.sheetId), operation.area);
      case "edit":
        this.sheet(operation.sheetId).typeInto(operation.row, operation.column, operation.text);
        return { ok: true };
      case "clear": {
        const sheet = this.sheet(operation.sheetId);
        if (!sheet.contains(operation.area)) return { ok: false, message: `The selection is outside "${sheet.name}".` };
        sheet.clear(operation.area, { contents: true, formats: false, notes: false, validations: false });
        return { ok: true };
      }
      case "insertRow": {
        const sheet = this.sheet(operation.sheetId);
        if (operation.after < 0 || operation.after > sheet.maxRows)
          return { ok: false, message: "There is no such row." };
        // As Sheets' "Insert 1 row below": the new row takes the formatting of the row above it.
        sheet.insertRows(operation.after + 1, 1, operation.after === 0 ? null : operation.after);
        return { ok: true };
      }
      case "deleteRows": {
        const sheet = this.sheet(operation.sheetId);
        const problem = sheet.deletionProblem("rows", operation.first, operation.count);
        if (problem !== null) return { ok: false, message: problem };
        sheet.deleteRows(operation.first, operation.count);
        return { ok: true };
      }
      case "importCsv":
        return this.importCsv(operation.fileName, operation.text);
      case "closeSidebar":
        this.runtime.ui.closeSidebar();
        return { ok: true };
      case "closeDialog":
        this.runtime.ui.closeDialog();
        return { ok: true };
      case "runSchedule":
        return this.runSchedule();
      case "fireDueTriggers":
        this.runtime.fireDueTriggers();
        return { ok: true };
    }
  }

  private sheet(sheetId: number): SheetModel {
    const sheet = this.spreadsheet.sheetById(sheetId);
    if (sheet === null) throw new Error("That tab no longer exists; it may have been deleted.");
    return sheet;
  }

  private select(sheet: SheetModel, area: GridAreaView): OperationResult {
    if (area.numRows < 1 || area.numColumns < 1 || !sheet.contains(area)) {
      return { ok: false, message: `The selection is outside "${sheet.name}".` };
    }
    this.spreadsheet.select(sheet, area);
    return { ok: true };
  }

  /** File ▸ Import ▸ "Insert new sheet": a tab named after the file, cells entered as typed input. */
  private importCsv(fileName: string, text: string): OperationResult {
    const rows = parseCsv(text);
    const base =
      fileName
        .replace(/^.*[\\/]/, "")
        .replace(CSV_EXTENSION, "")
        .trim()
        .slice(0, MAX_TAB_NAME) || "Import";
    let name = base;
    for (let n = 2; this.spreadsheet.isNameTaken(name); n++) name = `${base} ${n}`;
    const sheet = this.spreadsheet.addSheet(name, this.spreadsheet.sheets.length);
    sheet.typeRows(1, 1, rows);
    this.spreadsheet.select(sheet, null);
    return { ok: true };
  }

  private runSchedule(): OperationResult {
    const trigger = this.runtime.triggers.list().find((t) => t.documentId === this.spreadsheet.id);
    if (trigger === undefined) {
      return {
        ok: false,
        message: "No scheduled sync is set up for this spreadsheet. Set one in the sidebar, under Schedule.",
      };
    }
    return outcomeOf(this.runtime.fireTrigger(trigger.id));
  }

  view(): RuntimeView {
    const { ui } = this.runtime;
    return {
      workbook: workbookView(this.spreadsheet),
      addonMenu: addonMenuView(ui.addonMenu()),
      sidebar: this.sidebarSurface(),
      dialog: this.dialogSurface(),
      schedule: scheduleView(this.runtime.triggers.list(), this.spreadsheet.id, this.spreadsheet.timeZone),
    };
  }

  private sidebarSurface(): SidebarSurface | null {
    const { sidebar } = this.runtime.ui;
    if (sidebar !== this.shownSidebar) {
      this.shownSidebar = sidebar;
      if (sidebar !== null) this.sidebarVersion += 1;
    }
    return sidebar === null ? null : { title: sidebar.title, content: sidebar.content, version: this.sidebarVersion };
  }

  private dialogSurface(): DialogSurface | null {
    const { dialog } = this.runtime.ui;
    if (dialog !== this.shownDialog) {
      this.shownDialog = dialog;
      if (dialog !== null) this.dialogVersion += 1;
    }
    return dialog === null ? null : { ...dialog, version: this.dialogVersion };
  }

  /** Before each service call of a running script: toasts at once, the sheet while the script waits. */
  private whileRunning(call: ServiceCall, executionId: string): void {
    if (!this.ready) return;
    this.postToasts();
    if (!WAITING_CALLS.has(`${call.service}.${call.method}`)) return;
    const now = Date.now();
    if (now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    this.lastProgressAt = now;
    this.events.view(this.view());
    if (now - this.lastSaveAt >= SAVE_INTERVAL_MS) this.save(executionId);
  }

  /** Toasts go to the page as they are shown; the recorder keeps no history of what was shown. */
  private postToasts(): void {
    for (const event of this.runtime.ui.shown.splice(0)) {
      if (event.type === "toast" && event.spreadsheetId === this.spreadsheet.id) {
        this.events.toast({ title: event.title, message: event.message, timeoutSeconds: event.timeoutSeconds });
      }
    }
  }

  /**
   * Saves the spreadsheet. While `runningExecution` runs, it is saved as a restart would leave
   * it: that execution ended, so the locks it holds are free (Apps Script frees them too).
   */
  private save(runningExecution: string | null): void {
    this.lastSaveAt = Date.now();
    const snapshot: RuntimeSnapshot = this.runtime.snapshot();
    const locks = {
      ...snapshot.locks,
      holders: snapshot.locks.holders.filter((holder) => holder.executionId !== runningExecution),
    };
    saveSpreadsheet(this.paths, {
      spreadsheetId: this.spreadsheet.id,
      clockMs: this.lastSaveAt,
      runtime: { ...snapshot, locks },
    });
  }
}

/** A script that failed says how, as Apps Script's execution log would. */
function outcomeOf(report: ExecutionReport): OperationResult {
  return report.ok ? { ok: true } : { ok: false, message: report.error ?? `${report.functionName} failed.` };
}
