import vm from "node:vm";
import { createSandboxClock, type SandboxClock } from "./clock";
import {
  Execution,
  type ExecutionKind,
  type LogEntry,
  type SandboxUser,
  type ServiceCall,
  type ServiceCallCounts,
} from "./execution";
import { SyncHttpClient } from "./http/syncHttp";
import { createUrlFetchApp, UrlFetchState, type UrlFetchOptions } from "./http/urlFetchApp";
import type { AuthModeName } from "./permissions";
import type { AppsScriptProject } from "./project";
import { createRealm, isError } from "./realm";
import { copyForScriptRun, type ScriptRunValue } from "./scriptRunValues";
import { CacheStores, createCacheService, type CacheStoresSnapshot } from "./services/cache";
import { createHtmlService } from "./services/html";
import { LockRegistry, createLockService, type LockRegistrySnapshot } from "./services/lock";
import { createConsole, createLogger } from "./services/logging";
import { MailOutbox, createMailApp, type MailOutboxSnapshot } from "./services/mail";
import { PropertyStores, createPropertiesService, type PropertyStoresSnapshot } from "./services/properties";
import {
  AUTH_MODE,
  TriggerRegistry,
  createScriptApp,
  type TriggerRecord,
  type TriggerRegistrySnapshot,
} from "./services/scriptApp";
import { createSession } from "./services/session";
import { createUtilities } from "./services/utilities";
import { createSpreadsheetApp } from "./spreadsheet/spreadsheetApp";
import { SpreadsheetStore, type StoreSnapshot } from "./spreadsheet/store";
import { UiRecorder, type UiSnapshot } from "./spreadsheet/uiRecorder";

export const DEFAULT_USER: SandboxUser = { email: "hr@example.com", locale: "en_US", timeZone: "America/New_York" };

export interface AppsScriptRuntimeOptions {
  project: AppsScriptProject;
  /** The title of the add-on's menu under Extensions. */
  addonName: string;
  clock?: SandboxClock;
  /** The user at the keyboard; a trigger runs as the user who created it. */
  user?: SandboxUser;
  fetch?: UrlFetchOptions;
  /** Called before every service call of every execution: tests stage events at a precise point. */
  beforeCall?: (call: ServiceCall, execution: Execution) => void;
  /** State saved by `snapshot()`, to go on from where an earlier runtime stopped. */
  saved?: RuntimeSnapshot;
}

export interface RunOptions {
  kind?: ExecutionKind;
  authMode?: AuthModeName;
  /** The spreadsheet open in the editor (and so the document of document-scoped services). */
  spreadsheetId?: string | null;
  user?: SandboxUser;
  /** JSON-like arguments, copied into the script's realm. */
  args?: readonly unknown[];
  timeLimitMs?: number;
}

/** How one execution went, as Apps Script's execution log would show it, plus service-call counts. */
export interface ExecutionReport {
  functionName: string;
  kind: ExecutionKind;
  ok: boolean;
  /** What the function returned (a value of the script's realm). */
  value: unknown;
  /** "Exception: …", "TypeError: …" or Apps Script's time-limit sentence; null when it succeeded. */
  error: string | null;
  timedOut: boolean;
  counts: ServiceCallCounts;
  logs: LogEntry[];
  startedAt: number;
  elapsedMs: number;
}

export type ScriptRunResult = { ok: true; value: ScriptRunValue | undefined } | { ok: false; error: string };

export interface RuntimeSnapshot {
  spreadsheets: StoreSnapshot;
  properties: PropertyStoresSnapshot;
  caches: CacheStoresSnapshot;
  locks: LockRegistrySnapshot;
  triggers: TriggerRegistrySnapshot;
  mail: MailOutboxSnapshot;
  ui: UiSnapshot;
}

/** Functions google.script.run cannot reach (communication guide, "Private functions"). */
const PRIVATE_FUNCTION = /_$/;

/**
 * Apps Script, locally: runs the built project's functions as executions with Apps Script's
 * globals only, over services whose state (spreadsheets, properties, triggers, mail, …) persists
 * between executions like Google's servers. Each execution evaluates the code afresh in a new
 * context, as Apps Script does, so nothing in the script's globals survives from one to the next.
 */
export class AppsScriptRuntime {
  readonly clock: SandboxClock;
  readonly user: SandboxUser;
  readonly spreadsheets: SpreadsheetStore;
  readonly ui: UiRecorder;
  readonly properties: PropertyStores;
  readonly caches: CacheStores;
  readonly locks: LockRegistry;
  readonly triggers: TriggerRegistry;
  readonly mail: MailOutbox;
  /** Every execution so far, oldest first. */
  readonly history: ExecutionReport[] = [];
  private readonly project: AppsScriptProject;
  private readonly script: vm.Script;
  private readonly grantedScopes: Set<string>;
  private readonly http = new SyncHttpClient();
  private readonly urlFetch = new UrlFetchState();
  private readonly options: AppsScriptRuntimeOptions;
  private executions = 0;

  constructor(options: AppsScriptRuntimeOptions) {
    const { project, saved } = options;
    this.options = options;
    this.project = project;
    this.clock = options.clock ?? createSandboxClock();
    this.user = options.user ?? DEFAULT_USER;
    this.script = new vm.Script(project.code, { filename: "Code.js" });
    this.grantedScopes = new Set(project.manifest.oauthScopes);
    this.spreadsheets = saved ? SpreadsheetStore.fromSnapshot(saved.spreadsheets) : new SpreadsheetStore();
    this.ui = saved ? UiRecorder.fromSnapshot(saved.ui) : new UiRecorder({ addonName: options.addonName });
    this.properties = saved ? PropertyStores.fromSnapshot(saved.properties) : new PropertyStores();
    this.caches = saved ? CacheStores.fromSnapshot(saved.caches) : new CacheStores();
    this.locks = saved ? LockRegistry.fromSnapshot(saved.locks) : new LockRegistry();
    this.triggers = saved ? TriggerRegistry.fromSnapshot(saved.triggers) : new TriggerRegistry();
    this.mail = saved ? MailOutbox.fromSnapshot(saved.mail) : new MailOutbox();
  }
  /**
   * Takes back the user's approval of a scope, as when an update of the add-on asks for one the
   * user has not approved yet: calls needing it fail, and the authorization status is REQUIRED.
   */
  revokeScope(scope: string): void {
    this.grantedScopes.delete(scope);
  }

  /** Runs a top-level function of the script as one execution. */
  run(functionName: string, options: RunOptions = {}): ExecutionReport {
    return this.execute(functionName, options, (execution) =>
      (options.args ?? []).map((arg) => execution.realm.copyIn(arg)),
    );
  }

  /** Runs a simple or installable trigger's handler with its event object. */
  private runWithEvent(functionName: string, options: RunOptions, event: Record<string, unknown>): ExecutionReport {
    const { authMode, ...fields } = event;
    return this.execute(functionName, options, (execution) => {
      // The enum value itself, so `e.authMode == ScriptApp.AuthMode.NONE` holds in the script.
      const copy = execution.realm.copyIn(fields);
      return [Object.assign(copy, { authMode })];
    });
  }

  private execute(
    functionName: string,
    options: RunOptions,
    argumentsFor: (execution: Execution) => unknown[],
  ): ExecutionReport {
    const kind = options.kind ?? "menu";
    const spreadsheetId = kind === "trigger" ? null : (options.spreadsheetId ?? null);
    this.executions += 1;
    const context = vm.createContext({});
    const execution = new Execution({
      id: `execution-${this.executions}`,
      kind,
      authMode: options.authMode ?? "FULL",
      user: options.user ?? this.user,
      activeSpreadsheetId: spreadsheetId,
      // Apps Script gives a time-driven trigger no document (apps-script-notes.md A6, unverified):
      // the add-on must open its spreadsheet by ID and keep what it needs there or per user.
      documentId: spreadsheetId,
      realm: createRealm(context, () => this.clock.now()),
      clock: this.clock,
      grantedScopes: this.grantedScopes,
      authorizationRequired: this.project.manifest.oauthScopes.some((scope) => !this.grantedScopes.has(scope)),
      ...(options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
      ...(this.options.beforeCall ? { beforeCall: this.options.beforeCall } : {}),
    });
    Object.assign(context, this.globalsFor(execution));

    let value: unknown;
    let error: string | null = null;
    try {
      this.script.runInContext(context);
      const entry: unknown = context[functionName];
      if (typeof entry !== "function") {
        throw execution.exception(`Script function not found: ${functionName}`);
      }
      value = (entry as (...args: unknown[]) => unknown)(...argumentsFor(execution));
    } catch (thrown) {
      error = isError(thrown) ? `${thrown.name}: ${thrown.message}` : String(thrown);
    } finally {
      this.locks.releaseAllHeldBy(execution.id);
    }
    // Apps Script stops an execution at its limit, whatever the script was doing or caught.
    const timedOut = execution.hasTimedOut;
    const report: ExecutionReport = {
      functionName,
      kind,
      ok: error === null && !timedOut,
      value: timedOut ? undefined : value,
      error: timedOut ? "Exception: Exceeded maximum execution time" : error,
      timedOut,
      counts: execution.counts,
      logs: execution.logs,
      startedAt: execution.startedAt,
      elapsedMs: execution.elapsedMs(),
    };
    this.history.push(report);
    return report;
  }

  /** Opens the spreadsheet in the editor: `onOpen` runs as a simple trigger. */
  open(spreadsheetId: string, authMode: Extract<AuthModeName, "NONE" | "LIMITED"> = "LIMITED"): ExecutionReport {
    return this.runWithEvent(
      "onOpen",
      { kind: "simpleTrigger", authMode, spreadsheetId },
      { authMode: AUTH_MODE[authMode] },
    );
  }

  /** Installs the add-on from the Marketplace while the spreadsheet is open: `onInstall` in FULL mode. */
  install(spreadsheetId: string): ExecutionReport {
    return this.runWithEvent(
      "onInstall",
      { kind: "simpleTrigger", authMode: "FULL", spreadsheetId },
      { authMode: AUTH_MODE.FULL },
    );
  }

  /** Clicks Extensions ▸ add-on ▸ captions… as recorded by the script's last `addToUi`. */
  clickMenuItem(spreadsheetId: string, ...captions: string[]): ExecutionReport {
    return this.run(this.ui.menuFunction(...captions), { kind: "menu", spreadsheetId });
  }

  /**
   * A `google.script.run` call from the sidebar or a dialog: arguments and result must be
   * values google.script.run can carry (no Dates), the function public, and failures arrive
   * as the error's message, as `withFailureHandler` receives them.
   */
  scriptRun(spreadsheetId: string, functionName: string, args: readonly unknown[] = []): ScriptRunResult {
    if (PRIVATE_FUNCTION.test(functionName)) {
      return { ok: false, error: `${functionName} is private: google.script.run cannot call it.` };
    }
    const sent = copyForScriptRun(args);
    if (!sent.ok) return { ok: false, error: `google.script.run.${functionName}: ${sent.problem}` };
    const report = this.run(functionName, {
      kind: "scriptRun",
      spreadsheetId,
      args: (sent.value as ScriptRunValue[] | undefined) ?? [],
    });
    if (!report.ok) return { ok: false, error: report.error ?? "The call failed." };
    const returned = copyForScriptRun(report.value);
    if (!returned.ok)
      return {
        ok: false,
        error: `${functionName} returned something google.script.run cannot carry: ${returned.problem}`,
      };
    return { ok: true, value: returned.value };
  }

  /** Fires an installable trigger: its handler runs as its creator, with no spreadsheet open. */
  fireTrigger(triggerId: string): ExecutionReport {
    const trigger = this.triggers.list().find((t) => t.id === triggerId);
    if (!trigger) throw new Error(`No trigger has the ID ${triggerId}.`);
    const firedAt = this.clock.now();
    this.triggers.markFired(trigger.id, firedAt);
    return this.runWithEvent(
      trigger.handlerFunction,
      { kind: "trigger", user: { ...this.user, email: trigger.createdBy } },
      clockTriggerEvent(trigger, firedAt),
    );
  }

  /** Fires every trigger whose time has come on the sandbox clock, earliest first. */
  fireDueTriggers(): ExecutionReport[] {
    return this.triggers.dueTriggers(this.clock.now()).map((trigger) => this.fireTrigger(trigger.id));
  }

  /** Everything the services hold, as JSON, to be given back as `saved`. */
  snapshot(): RuntimeSnapshot {
    return {
      spreadsheets: this.spreadsheets.snapshot(),
      properties: this.properties.snapshot(),
      caches: this.caches.snapshot(),
      locks: this.locks.snapshot(),
      triggers: this.triggers.snapshot(),
      mail: this.mail.snapshot(),
      ui: this.ui.snapshot(),
    };
  }

  /** Stops the network thread; the runtime can still run executions afterwards. */
  close(): Promise<void> {
    return this.http.close();
  }

  /** Apps Script's globals for one execution, every one bound to it. */
  private globalsFor(execution: Execution): Record<string, unknown> {
    const scriptTimeZone = this.project.manifest.timeZone;
    return {
      SpreadsheetApp: createSpreadsheetApp(this.spreadsheets, execution, this.ui),
      UrlFetchApp: createUrlFetchApp(this.http, this.urlFetch, execution, this.options.fetch),
      PropertiesService: createPropertiesService(this.properties, execution),
      CacheService: createCacheService(this.caches, execution),
      LockService: createLockService(this.locks, execution),
      ScriptApp: createScriptApp(this.triggers, execution, { scriptTimeZone }),
      Utilities: createUtilities(execution),
      MailApp: createMailApp(this.mail, execution),
      Session: createSession(execution, { scriptTimeZone }),
      HtmlService: createHtmlService(this.project.htmlFiles, execution),
      Logger: createLogger(execution),
      console: createConsole(execution),
    };
  }
}

/** The event object of a time-driven trigger (Apps Script's "Time-driven events"). */
function clockTriggerEvent(trigger: TriggerRecord, firedAt: number): Record<string, unknown> {
  const at = new Date(firedAt);
  return {
    authMode: AUTH_MODE.FULL,
    triggerUid: trigger.id,
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    "day-of-month": at.getUTCDate(),
    "day-of-week": at.getUTCDay() === 0 ? 7 : at.getUTCDay(),
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
    timezone: "UTC",
  };
}
