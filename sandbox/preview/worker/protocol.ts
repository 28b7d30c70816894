import type { MessagePort } from "node:worker_threads";
import type { Answer, Question } from "../../runtime/spreadsheet/uiRecorder";
import type { AddonMenuView, GridAreaView, ScheduleView, ToastView, WorkbookView } from "../shared/api";
import type { WireValue } from "../shared/wireValues";

/**
 * Messages between the preview's server (main thread) and the worker thread that runs the
 * add-on in the Apps Script runtime. The worker blocks while a script runs, as Apps Script does,
 * so operations queue in its message port and run one at a time, in order.
 */

/** Which workbook a new preview starts with (only when its data folder holds none yet). */
export type SeedKind = "sample" | "workbook-only";

export interface WorkerStartData {
  /** A built Apps Script project (Code.js, appsscript.json, Sidebar.html). */
  projectDir: string;
  /** Where the spreadsheet is saved (a sandbox CLI session folder). */
  dataDir: string;
  emulatorUrl: string;
  apiKey: string;
  seed: SeedKind;
  /** Set to 1 (and notified) by the main thread when it has posted an answer on `answerPort`. */
  answerFlag: SharedArrayBuffer;
  answerPort: MessagePort;
}

/** An answer to question `id`, posted on the answer port. */
export interface AnswerMessage {
  id: number;
  answer: Answer;
}

export type WorkerOperation =
  /** The page loaded: the spreadsheet opens, onOpen runs. */
  | { op: "open" }
  /** Extensions ▸ add-on ▸ captions… */
  | { op: "menu"; captions: string[] }
  | { op: "scriptRun"; functionName: string; args: WireValue[] }
  | { op: "selectTab"; sheetId: number }
  | { op: "select"; sheetId: number; area: GridAreaView }
  /** The user types `text` into a cell. */
  | { op: "edit"; sheetId: number; row: number; column: number; text: string }
  /** Delete pressed on a selection: the cells' contents go, their formatting stays. */
  | { op: "clear"; sheetId: number; area: GridAreaView }
  | { op: "insertRow"; sheetId: number; after: number }
  | { op: "deleteRows"; sheetId: number; first: number; count: number }
  | { op: "importCsv"; fileName: string; text: string }
  | { op: "closeSidebar" }
  /** The dialog's × pressed, or its page called google.script.host.close(). */
  | { op: "closeDialog" }
  /** Fires this spreadsheet's scheduled sync now. */
  | { op: "runSchedule" }
  /** Fires the triggers whose time has come. */
  | { op: "fireDueTriggers" };

export type OperationResult = { ok: true; value?: WireValue } | { ok: false; message: string };

export interface SidebarSurface {
  title: string;
  content: string;
  /** Grows each time the script shows one. */
  version: number;
}

/** A modal or modeless dialog the script showed, drawn over the spreadsheet at its size. */
export interface DialogSurface extends SidebarSurface {
  width: number;
  height: number;
}

/** What the page needs of the runtime's state. */
export interface RuntimeView {
  workbook: WorkbookView;
  addonMenu: AddonMenuView | null;
  sidebar: SidebarSurface | null;
  dialog: DialogSurface | null;
  schedule: ScheduleView;
}

export type WorkerMessage =
  | { type: "ready"; view: RuntimeView }
  | { type: "startFailed"; message: string }
  /** An operation that runs the script has started. */
  | { type: "busy"; label: string }
  | { type: "view"; view: RuntimeView }
  | { type: "toast"; toast: Omit<ToastView, "id" | "shownAt"> }
  /** The script waits for the user's answer, posted on the answer port. */
  | { type: "question"; id: number; question: Question }
  | { type: "reply"; requestId: number; result: OperationResult };

export interface WorkerRequest {
  requestId: number;
  operation: WorkerOperation;
}
