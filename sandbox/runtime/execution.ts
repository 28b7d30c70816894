import type { SandboxClock } from "./clock";
import { permissionProblem, type AuthModeName } from "./permissions";
import type { Realm } from "./realm";

/** How an execution was started; Apps Script gives each its own time limit and context. */
export type ExecutionKind =
  /** `onOpen` / `onInstall`: 30 seconds. */
  | "simpleTrigger"
  /** A menu item. */
  | "menu"
  /** A `google.script.run` call from the sidebar or a dialog. */
  | "scriptRun"
  /** An installable (time-driven) trigger firing: no UI and no active spreadsheet. */
  | "trigger";

/** Apps Script's limits per execution (apps-script-notes.md A1). */
export const TIME_LIMIT_MS: Record<ExecutionKind, number> = {
  simpleTrigger: 30_000,
  menu: 6 * 60_000,
  scriptRun: 6 * 60_000,
  trigger: 6 * 60_000,
};

export const EXCEEDED_TIME_MESSAGE = "Exceeded maximum execution time";

/** Whether a call reads, writes or does neither (builders, enums, UI). */
export type CallKind = "read" | "write" | "other";

export interface ServiceCall {
  /** The Apps Script class the method belongs to: SpreadsheetApp, Sheet, Range, UrlFetchApp, … */
  service: string;
  method: string;
  kind: CallKind;
  /**
   * What the call acts on, so a test can pick one call out of many: the sheet's name for Sheet
   * and Range calls, `"GET https://…"` (method and URL as the script gave them) for
   * `UrlFetchApp.fetch`. Absent for other calls.
   */
  target?: string;
}

export interface SandboxUser {
  email: string;
  locale: string;
  timeZone: string;
}

export interface ServiceCallCounts {
  /** Calls by `Service.method`. */
  byMethod: Record<string, number>;
  /** Calls on SpreadsheetApp, Spreadsheet, Sheet and Range that read, and that write. */
  sheetsReads: number;
  sheetsWrites: number;
  /** Every Sheets call, reads and writes included. */
  sheetsCalls: number;
  /** HTTP requests sent by UrlFetchApp (`fetchAll` counts each request). */
  urlFetches: number;
  /**
   * Cells moved by Range reads and writes: a single-cell getter (`getValue`, `getNote`, …) reads
   * one cell, every other read or write covers its whole range. Apps Script's cost grows with them.
   */
  sheetsCellsRead: number;
  sheetsCellsWritten: number;
  /** Bytes of the request bodies UrlFetchApp sent and of the response bodies it received. */
  urlFetchBytesSent: number;
  urlFetchBytesReceived: number;
}

export interface LogEntry {
  source: "Logger" | "console";
  level: "log" | "info" | "warn" | "error";
  message: string;
}

/** The classes whose calls count as Sheets calls. */
export const SHEETS_CLASSES: ReadonlySet<string> = new Set([
  "SpreadsheetApp",
  "Spreadsheet",
  "Sheet",
  "Range",
  "RangeList",
]);

export interface ExecutionOptions {
  id: string;
  kind: ExecutionKind;
  authMode: AuthModeName;
  user: SandboxUser;
  /** The spreadsheet open in the editor, or null (time-driven triggers). */
  activeSpreadsheetId: string | null;
  /**
   * The document that document-scoped services (document properties, cache and lock) belong
   * to, or null where Apps Script gives none.
   */
  documentId: string | null;
  realm: Realm;
  clock: SandboxClock;
  grantedScopes: ReadonlySet<string>;
  /** Whether the manifest asks for a scope the user has not approved (ScriptApp.getAuthorizationInfo). */
  authorizationRequired?: boolean;
  timeLimitMs?: number;
  /** Called before every service call is checked: tests use it to stage events at a precise point. */
  beforeCall?: (call: ServiceCall, execution: Execution) => void;
}

/**
 * One run of the script: a function called by Apps Script from start to finish. Every service
 * call goes through `call`, which counts it, checks authorization and enforces the time limit.
 */
export class Execution {
  readonly id: string;
  readonly kind: ExecutionKind;
  readonly authMode: AuthModeName;
  readonly user: SandboxUser;
  readonly activeSpreadsheetId: string | null;
  readonly documentId: string | null;
  readonly realm: Realm;
  readonly clock: SandboxClock;
  readonly startedAt: number;
  readonly timeLimitMs: number;
  readonly counts: ServiceCallCounts = {
    byMethod: {},
    sheetsReads: 0,
    sheetsWrites: 0,
    sheetsCalls: 0,
    urlFetches: 0,
    sheetsCellsRead: 0,
    sheetsCellsWritten: 0,
    urlFetchBytesSent: 0,
    urlFetchBytesReceived: 0,
  };
  readonly logs: LogEntry[] = [];
  private readonly grantedScopes: ReadonlySet<string>;
  readonly authorizationRequired: boolean;
  private readonly beforeCall: ExecutionOptions["beforeCall"];
  private timedOut = false;

  constructor(options: ExecutionOptions) {
    this.id = options.id;
    this.kind = options.kind;
    this.authMode = options.authMode;
    this.user = options.user;
    this.activeSpreadsheetId = options.activeSpreadsheetId;
    this.documentId = options.documentId;
    this.realm = options.realm;
    this.clock = options.clock;
    this.grantedScopes = options.grantedScopes;
    this.authorizationRequired = options.authorizationRequired ?? false;
    this.beforeCall = options.beforeCall;
    this.timeLimitMs = options.timeLimitMs ?? TIME_LIMIT_MS[options.kind];
    this.startedAt = options.clock.now();
  }

  /** Whether the execution ran out of time: Apps Script ends it whatever the script catches. */
  get hasTimedOut(): boolean {
    return this.timedOut || this.elapsedMs() > this.timeLimitMs;
  }

  elapsedMs(): number {
    return this.clock.now() - this.startedAt;
  }

  /**
   * Records a service call. Throws, as Apps Script would, when the execution is out of time
   * (and keeps throwing: nothing more can happen once the limit is hit) or lacks permission.
   * Whatever `beforeCall` throws is thrown by the service call itself: a hook throwing
   * `execution.exception(…)` stages an Apps Script service failing at that call.
   */
  call(service: string, method: string, kind: CallKind, target?: string): void {
    const call: ServiceCall = target === undefined ? { service, method, kind } : { service, method, kind, target };
    this.beforeCall?.(call, this);
    this.checkTime();
    const problem = permissionProblem(service, method, this.authMode, this.grantedScopes);
    if (problem !== null) throw this.realm.exception(problem);
    const key = `${service}.${method}`;
    this.counts.byMethod[key] = (this.counts.byMethod[key] ?? 0) + 1;
    if (SHEETS_CLASSES.has(service)) {
      this.counts.sheetsCalls += 1;
      if (kind === "read") this.counts.sheetsReads += 1;
      if (kind === "write") this.counts.sheetsWrites += 1;
    }
  }

  /** Counts HTTP requests actually sent. */
  countFetches(requests: number): void {
    this.counts.urlFetches += requests;
  }

  /** Counts the bytes of request bodies sent and of response bodies received. */
  countFetchBytes(sent: number, received: number): void {
    this.counts.urlFetchBytesSent += sent;
    this.counts.urlFetchBytesReceived += received;
  }

  /** Counts the cells a Sheets read or write moved. */
  countCells(kind: "read" | "write", cells: number): void {
    if (kind === "read") this.counts.sheetsCellsRead += cells;
    else this.counts.sheetsCellsWritten += cells;
  }

  /** Throws Apps Script's error once the time limit has passed. */
  checkTime(): void {
    if (this.hasTimedOut) {
      this.timedOut = true;
      throw this.realm.exception(EXCEEDED_TIME_MESSAGE);
    }
  }

  log(entry: LogEntry): void {
    this.logs.push(entry);
  }

  /** An error of the script's realm, as Apps Script's services throw them. */
  exception(message: string): Error {
    return this.realm.exception(message);
  }
}
