/**
 * The preview's HTTP API as the page sees it: what `GET /api/state` and `GET /api/vitable`
 * answer. Pure types, shared by the server (Node) and the page (browser).
 */

/** One cell as Sheets would draw it; an empty cell with default formatting is null. */
export interface CellView {
  /** The display value (number formats applied). */
  text: string;
  /** The formula, when the cell holds one (the sandbox does not compute formulas). */
  formula?: string;
  /** Numbers and dates sit right, booleans in the middle, text left. */
  align?: "right" | "center";
  /** The background drawn: a conditional-format rule's when one applies, else the cell's own. */
  background?: string;
  color?: string;
  bold?: true;
  note?: string;
  /** A conditional-format rule applies to the cell (the add-on marks invalid cells this way). */
  marked?: true;
  /** The cell has a dropdown (data validation from a list). */
  dropdown?: true;
}

export interface SheetView {
  sheetId: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** The rows shown, from row 1; each holds `columns` cells. */
  rows: (CellView | null)[][];
  columns: number;
}

export interface GridAreaView {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface WorkbookView {
  spreadsheetId: string;
  name: string;
  timeZone: string;
  /** The tabs shown in the tab strip (hidden sheets are not), in order. */
  tabs: { sheetId: number; name: string }[];
  /** The active tab: the one the menu's "Sync to Vitable" acts on. */
  sheet: SheetView;
  /** The selection on the active tab. */
  selection: GridAreaView;
}

export type MenuEntryView =
  | { type: "item"; caption: string }
  | { type: "separator" }
  | { type: "submenu"; title: string; entries: MenuEntryView[] };

export interface AddonMenuView {
  title: string;
  entries: MenuEntryView[];
}

export type ButtonName = "OK" | "CANCEL" | "YES" | "NO" | "CLOSE";

/** An alert or prompt the script is waiting on. */
export interface QuestionView {
  id: number;
  type: "alert" | "prompt";
  /** The add-on's name when the script gave no title. */
  title: string;
  prompt: string;
  /** The buttons shown; CLOSE (the dialog's ×) is always possible. */
  buttons: Exclude<ButtonName, "CLOSE">[];
}

export interface ToastView {
  id: number;
  title: string;
  message: string;
  /** Null: shown until closed. */
  timeoutSeconds: number | null;
  /** Epoch ms, on the server's clock (`PreviewState.now`). */
  shownAt: number;
}

export interface ScheduleView {
  /** Epoch ms of the next run of this spreadsheet's scheduled sync, or null when none is set. */
  nextRunAt: number | null;
  /** The same, in the spreadsheet's time zone. */
  nextRunText: string | null;
}

export interface PreviewState {
  /** Grows with every change; `GET /api/state?after=N` waits for a state newer than N. */
  version: number;
  now: number;
  /** What the script is running, or null when it is idle. */
  busy: string | null;
  /** Why the add-on's runtime stopped, or null while it runs. */
  failure: string | null;
  workbook: WorkbookView;
  /** Extensions ▸ <add-on>, once onOpen has built it. */
  addonMenu: AddonMenuView | null;
  /** The sidebar the script showed; `version` changes each time it is shown again. */
  sidebar: { title: string; version: number } | null;
  /** The HTML dialog the script showed (its page at `/dialog`), drawn at its size; `version` as the sidebar's. */
  dialog: { title: string; width: number; height: number; version: number } | null;
  question: QuestionView | null;
  /** The latest toasts, oldest first. */
  toasts: ToastView[];
  schedule: ScheduleView;
}

/** What an action answers: done, or a sentence saying why not. */
export type ActionResult = { ok: true } | { ok: false; message: string };

export interface VitableMemberView {
  referenceId: string;
  name: string;
}

export interface VitableGroupView {
  id: string;
  name: string;
  externalReferenceId: string;
  members: VitableMemberView[];
}

export interface VitableSyncView {
  requestId: string;
  groupName: string;
  /** ISO 8601. */
  acceptedAt: string;
  completedAt: string | null;
  status: "processing" | "completed" | "stalled";
  /** Members in the submitted roster. */
  memberCount: number;
  added: number;
  removed: number;
  failures: { referenceId: string; operation: "add" | "remove"; reason: string }[];
}

export interface VitableSwitches {
  /** Every API request answers 429 with Retry-After. */
  rateLimit: boolean;
  /** Every API request answers 503. */
  outage: boolean;
  /** Syncs accepted from now on take a minute to process. */
  slowProcessing: boolean;
}

export interface VitableView {
  groups: VitableGroupView[];
  /** The latest sync requests, newest first. */
  syncRequests: VitableSyncView[];
  switches: VitableSwitches;
  processingDelayMs: number;
}
