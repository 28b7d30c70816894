import { SANDBOX_CLOCK_HEADER } from "../../../sandbox/emulator/clock";
import { spawnEmulator, type SpawnedEmulator } from "../../../sandbox/emulator/process";
import { DEFAULT_API_KEY } from "../../../sandbox/emulator/state";
import { createSandboxClock, type SandboxClock } from "../../../sandbox/runtime/clock";
import { loadProject, type AppsScriptProject } from "../../../sandbox/runtime/project";
import {
  AppsScriptRuntime,
  type AppsScriptRuntimeOptions,
  type ExecutionReport,
} from "../../../sandbox/runtime/runtime";
import type { Grid } from "../../../sandbox/runtime/spreadsheet/grid";
import type { SheetModel } from "../../../sandbox/runtime/spreadsheet/sheetModel";
import type { SpreadsheetModel } from "../../../sandbox/runtime/spreadsheet/spreadsheetModel";
import {
  BRIDGE,
  type BridgeName,
  type BridgeRequest,
  type BridgeResponse,
  type BridgeResult,
  type SyncResultView,
} from "../../../src/shared/bridge";
import {
  confirmMenuSyncAnswerSchema,
  parseView,
  VIEW_ELEMENT_ID,
  type ConfirmMenuSyncAnswer,
  type ConfirmView,
} from "../../../src/shared/confirmDialog";
import type { HtmlSurface } from "../../../sandbox/runtime/spreadsheet/uiRecorder";
import { VITABLE_BASE_URLS } from "../../../src/vitable/environments";
import { buildBundle } from "../../support/buildBundle";
import { STARTUP_TIMEOUT_MS } from "../../support/startupTimeout";
import type { Guard } from "../../../src/core/sync/guardNames";

/**
 * The add-on as a user meets it: the real built bundle in the Apps Script runtime, against the
 * Vitable emulator in a child process over real HTTP. One emulator and one build per test
 * file; each test starts a fresh world with `new World(sandbox)`.
 */
export const SANDBOX_KEY = DEFAULT_API_KEY;
const T0 = Date.UTC(2026, 10, 23, 15);
const HOUR_MS = 60 * 60 * 1000;

export const ROSTER_HEADER = [
  "Employee ID",
  "First Name",
  "Last Name",
  "DOB",
  "Email",
  "Phone",
  "Plan",
  "Address",
  "City",
  "State",
  "ZIP",
];

export const LOG_TAB = "Vitable Sync Log";

/** A valid typed row for person `n` (reference ID 1000 + n). */
export function personRow(
  n: number,
  overrides: Partial<Record<(typeof ROSTER_HEADER)[number], string>> = {},
): string[] {
  const base: Record<string, string> = {
    "Employee ID": String(1000 + n),
    "First Name": `First${n}`,
    "Last Name": `Last${n}`,
    DOB: "5/15/1990",
    Email: `person${n}@example.com`,
    Phone: `415555${String(n % 10000).padStart(4, "0")}`,
    Plan: "Basic Care",
    Address: `${n} Main St`,
    City: "Boston",
    State: "MA",
    ZIP: "02134",
  };
  return ROSTER_HEADER.map((column) => overrides[column] ?? base[column]!);
}

/** The header and valid rows for people 1…count. */
export function rosterOf(count: number): string[][] {
  return [ROSTER_HEADER, ...Array.from({ length: count }, (_, i) => personRow(i + 1))];
}

export interface AddonSandbox {
  emulator: SpawnedEmulator;
  project: AppsScriptProject;
  /**
   * A clock for a new world. The emulator's time never goes backwards, so each world starts an
   * hour after the latest time an earlier world of this file reached.
   */
  newClock(): SandboxClock;
  close(): Promise<void>;
}

/**
 * The sandbox of a test file: started before its tests, the emulator reset before each, closed
 * after them all. The handle stands for the running sandbox, so it can be used at module level.
 */
export function useAddonSandbox(): AddonSandbox {
  let running: AddonSandbox | null = null;
  beforeAll(async () => {
    running = await startAddonSandbox();
  }, STARTUP_TIMEOUT_MS);
  afterAll(() => running?.close());
  beforeEach(() => running?.emulator.control.reset());
  const current = (): AddonSandbox => {
    if (running === null) throw new Error("The sandbox is used before it started: use it inside a test.");
    return running;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    get project() {
      return current().project;
    },
    newClock: () => current().newClock(),
    close: () => current().close(),
  };
}

/** A second editor of the spreadsheet. */
export const COLLEAGUE = { email: "colleague@example.com", locale: "en_US", timeZone: "America/New_York" };

/** The sidebar's Connect with "Everyone who edits" chosen and the risk acknowledged. */
export const SHARED_CONNECT = {
  apiKey: SANDBOX_KEY,
  environment: "uat",
  scope: "document",
  sharedRiskAccepted: true,
} as const;

/** How long the emulated Vitable takes to process a sync unless a test says otherwise. */
export const PROCESSING_DELAY_MS = 1_000;

/**
 * A folder holding an already built project (Code.js, appsscript.json, Sidebar.html) to test
 * instead of building src/: a hand-made mutant of the bundle, to check that a test fails
 * without what it guards. Unset, every test file builds src/ afresh.
 */
export const BUNDLE_DIR_VARIABLE = "ADDON_BUNDLE_DIR";

export async function startAddonSandbox(options: { processingDelayMs?: number } = {}): Promise<AddonSandbox> {
  const bundleDir = process.env[BUNDLE_DIR_VARIABLE] || buildBundle().dir;
  const emulator = await spawnEmulator({ processingDelayMs: options.processingDelayMs ?? PROCESSING_DELAY_MS });
  const clocks: SandboxClock[] = [];
  return {
    emulator,
    project: loadProject(bundleDir),
    newClock() {
      const start = Math.max(T0, ...clocks.map((clock) => clock.now() + HOUR_MS));
      const clock = createSandboxClock({ start, followsRealTime: false });
      clocks.push(clock);
      return clock;
    },
    close: () => emulator.close(),
  };
}

export interface WorldOptions {
  /** UrlFetchApp's timeout, shortened for tests where Vitable is slow to answer. */
  fetchTimeoutMs?: number;
  /** Called before every service call of every execution (see AppsScriptRuntimeOptions). */
  beforeCall?: AppsScriptRuntimeOptions["beforeCall"];
}

export class World {
  readonly runtime: AppsScriptRuntime;
  readonly clock: SandboxClock;
  readonly spreadsheet: SpreadsheetModel;
  /** Every sidebar answer so far, as the sidebar received it (JSON). */
  readonly answers: string[] = [];

  constructor(
    readonly sandbox: AddonSandbox,
    options: WorldOptions = {},
  ) {
    const user = "hr@example.com";
    this.clock = sandbox.newClock();
    this.runtime = new AppsScriptRuntime({
      project: sandbox.project,
      addonName: "Vitable Roster Sync",
      clock: this.clock,
      user: { email: user, locale: "en_US", timeZone: "America/New_York" },
      fetch: {
        routes: { [VITABLE_BASE_URLS.production]: sandbox.emulator.url, [VITABLE_BASE_URLS.uat]: sandbox.emulator.url },
        ...(options.fetchTimeoutMs === undefined ? {} : { timeoutMs: options.fetchTimeoutMs }),
      },
      ...(options.beforeCall ? { beforeCall: options.beforeCall } : {}),
    });
    this.spreadsheet = this.runtime.spreadsheets.create({
      name: "HR roster",
      timeZone: "America/New_York",
      owner: user,
    });
  }

  get roster(): SheetModel {
    return this.spreadsheet.activeSheet();
  }

  get sheetId(): number {
    return this.roster.id;
  }

  /** The execution that ran last (a sidebar call, menu item or trigger). */
  get lastReport(): ExecutionReport {
    const report = this.runtime.history.at(-1);
    if (report === undefined) throw new Error("Nothing has run yet.");
    return report;
  }

  /** Types rows into the Roster tab from row 1, the way a user would. */
  type(rows: readonly (readonly string[])[]): void {
    this.roster.typeRows(
      1,
      1,
      rows.map((row) => [...row]),
    );
  }

  /** Empties every cell of data rows (row 2 on) of the Roster tab, as selecting them and pressing Delete does. */
  clearDataRows(): void {
    const { numRows, numColumns } = this.roster.dataArea();
    if (numRows > 1) this.roster.clear({ row: 2, column: 1, numRows: numRows - 1, numColumns }, CONTENTS_ONLY);
  }

  /** A sidebar call through google.script.run; fails the test on an {ok:false} answer. */
  call<N extends BridgeName>(name: N, request: BridgeRequest<N>): BridgeResponse<N> {
    const answer = this.callRaw(name, request);
    if (!answer.ok) throw new Error(`${name} answered: ${answer.message}`);
    return answer.value;
  }

  /** A sidebar call's answer as it is; a refusal keeps its code only when it has one. */
  callRaw<N extends BridgeName>(name: N, request: BridgeRequest<N>): BridgeResult<N> {
    const result = this.runtime.scriptRun(this.spreadsheet.id, name, [request]);
    if (!result.ok) throw new Error(`${name} failed in Apps Script: ${result.error}`);
    this.answers.push(JSON.stringify(result.value));
    const answer = result.value as BridgeResult<N>;
    if (!answer.ok) return answer;
    return { ok: true, value: BRIDGE[name].response.parse(answer.value) as BridgeResponse<N> };
  }

  connect(): void {
    this.call("connect", { apiKey: SANDBOX_KEY, environment: "uat", scope: "user" });
  }

  /**
   * Connects, creates a group from the sidebar and links the Roster tab to it. The add-on knows
   * a group it created holds nobody, so the first sync to it asks nothing.
   */
  linkNewGroup(name = "Acme Tier 1", reference = "acme-tier-1"): string {
    this.connect();
    const group = this.call("createGroup", { name, externalReferenceId: reference });
    this.call("linkTab", { sheetId: this.sheetId, groupId: group.id });
    return group.id;
  }

  /**
   * Connects and links the Roster tab to a new group created in Vitable, not by the add-on (as
   * Vitable's dashboard or another spreadsheet would): the add-on cannot know who it holds.
   */
  async linkGroupCreatedElsewhere(name = "Acme Tier 1", reference = "acme-tier-1"): Promise<string> {
    const response = await fetch(`${this.sandbox.emulator.url}/v1/groups`, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${SANDBOX_KEY}`,
        "Content-Type": "application/json",
        [SANDBOX_CLOCK_HEADER]: String(this.clock.now()),
      },
      body: JSON.stringify({ name, external_reference_id: reference }),
    });
    if (response.status !== 201) throw new Error(`Vitable refused the group: ${await response.text()}`);
    const { data } = (await response.json()) as { data: { id: string } };
    this.connect();
    this.call("linkTab", { sheetId: this.sheetId, groupId: data.id });
    return data.id;
  }

  /**
   * The sidebar's Sync button; when it asks only about guards in `confirmed`, "Sync anyway" with
   * its token (and `typedPhrase`), then its progress checks until Vitable finishes.
   */
  sync(confirmed: readonly Guard[] = [], typedPhrase: string | null = null): SyncResultView {
    let started = this.call("startSync", { sheetId: this.sheetId, confirmation: null });
    if (started.state === "needsConfirmation" && started.confirmations.every((c) => confirmed.includes(c.guard))) {
      started = this.call("startSync", { sheetId: this.sheetId, confirmation: { token: started.token, typedPhrase } });
    }
    return started.state === "pending" ? this.finishSync() : started;
  }

  /**
   * What "Sync anyway" sends after the sync asked first: the token of the questions it asked
   * now, with `typedPhrase`. Throws when the sync would not ask.
   */
  confirmation(typedPhrase: string | null = null): { token: string; typedPhrase: string | null } {
    const asked = this.call("startSync", { sheetId: this.sheetId, confirmation: null });
    if (asked.state !== "needsConfirmation") throw new Error(`Expected a question, got ${JSON.stringify(asked)}`);
    return { token: asked.token, typedPhrase };
  }

  /** The sidebar's progress checks, a few seconds apart, until the pending sync settles. */
  private finishSync(): SyncResultView {
    let result: SyncResultView;
    let checks = 0;
    do {
      this.clock.advance(5_000);
      result = this.call("checkSync", { sheetId: this.sheetId });
    } while (result.state === "pending" && ++checks < 20);
    return result;
  }

  /** Links a group and runs a first sync of the typed tab; every row must be accepted. */
  firstSync(): string {
    const groupId = this.linkNewGroup();
    const result = this.sync(["noLastAccepted"]);
    if (result.state !== "completed" || result.failures.length > 0) {
      throw new Error(`The first sync did not complete cleanly: ${JSON.stringify(result)}`);
    }
    return groupId;
  }

  /** Status / message per data row (row number → cells), as the tab shows them. */
  statuses(): Map<number, { status: string; message: string }> {
    const values = this.roster.displayValuesForHost();
    const header = values[0] ?? [];
    const status = header.indexOf("Vitable Status");
    const message = header.indexOf("Vitable Message");
    const rows = new Map<number, { status: string; message: string }>();
    values.forEach((row, index) => {
      if (index === 0 || status < 0) return;
      if (row.every((cell) => cell === "")) return;
      rows.set(index + 1, { status: row[status] ?? "", message: row[message] ?? "" });
    });
    return rows;
  }

  /** Status per reference ID (first column), as the tab shows them. */
  statusById(): Map<string, { status: string; message: string }> {
    const values = this.roster.displayValuesForHost();
    const byId = new Map<string, { status: string; message: string }>();
    this.statuses().forEach((cells, row) => byId.set(values[row - 1]![0]!, cells));
    return byId;
  }

  /**
   * Moves whole data rows as sorting the tab does: `order` lists the current row numbers in
   * their new order, written from row 2 down. Every layer of each row (values, formats, notes…) moves.
   */
  reorderRows(order: readonly number[]): void {
    const sheet = this.roster;
    const layers: Grid<unknown>[] = [
      sheet.values,
      sheet.numberFormats,
      sheet.notes,
      sheet.backgrounds,
      sheet.fontColors,
      sheet.fontWeights,
      sheet.dataValidations,
    ];
    for (const layer of layers) {
      const rows = order.map((row) => [...(layer.row(row) ?? [])]);
      rows.forEach((cells, index) => {
        for (let column = 1; column <= sheet.maxColumns; column++) layer.set(index + 2, column, cells[column - 1]);
      });
    }
  }

  /** The Vitable Sync Log tab as records keyed by its header, oldest first. */
  logEntries(): Record<string, string>[] {
    const log = this.spreadsheet.sheetByName(LOG_TAB);
    if (log === null) return [];
    const [header = [], ...rows] = log.displayValuesForHost();
    return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ""])));
  }

  /** The one trigger of the spreadsheet's schedule. */
  scheduleTriggerId(): string {
    const triggers = this.runtime.triggers.list();
    if (triggers.length !== 1) throw new Error(`Expected one trigger, found ${triggers.length}.`);
    return triggers[0]!.id;
  }

  /** Fires the schedule's trigger now, as Apps Script would at its time. */
  runSchedule(): ExecutionReport {
    return this.runtime.fireTrigger(this.scheduleTriggerId());
  }

  runMenu(handler: string): ExecutionReport {
    return this.runtime.run(handler, { spreadsheetId: this.spreadsheet.id, kind: "menu" });
  }

  /** The question the confirmation dialog's page shows now, when it asked again in place. */
  private askedAgain: { dialog: HtmlSurface; view: ConfirmView } | null = null;

  /**
   * What the menu sync's confirmation dialog shows (its page's view); throws when none is open.
   * After an answer that asked again, the page shows the new question in place.
   */
  menuDialog(): ConfirmView {
    const { dialog } = this.runtime.ui;
    if (dialog?.type !== "modalDialog") throw new Error("No modal dialog is open.");
    if (this.askedAgain?.dialog === dialog) return this.askedAgain.view;
    const json = new RegExp(`<script type="application/json" id="${VIEW_ELEMENT_ID}">([^<]*)</script>`).exec(
      dialog.content,
    )?.[1];
    if (json === undefined) throw new Error(`The open dialog holds no confirmation: ${dialog.content.slice(0, 200)}`);
    return parseView(json);
  }

  /** Cancel (or Escape) in the confirmation dialog: it closes, and nothing reaches the script. */
  cancelMenuDialog(): void {
    this.menuDialog();
    this.runtime.ui.closeDialog();
  }

  /**
   * The dialog's red button, with `typedPhrase` typed: its page calls confirmMenuSync with the
   * token it shows. An outcome stays until Close, which this presses; a new question replaces the
   * old one in the open dialog.
   */
  confirmMenuDialog(typedPhrase: string | null = null): ConfirmMenuSyncAnswer {
    const view = this.menuDialog();
    const dialog = this.runtime.ui.dialog!;
    const request = { sheetId: view.sheetId, token: view.token, typedPhrase };
    const result = this.runtime.scriptRun(this.spreadsheet.id, "confirmMenuSync", [request]);
    if (!result.ok) throw new Error(`confirmMenuSync failed in Apps Script: ${result.error}`);
    const answer = confirmMenuSyncAnswerSchema.parse(result.value);
    if (answer.state === "askAgain") this.askedAgain = { dialog, view: answer.view };
    else this.runtime.ui.closeDialog();
    return answer;
  }

  /** The reference IDs Vitable holds in the group, sorted. */
  async membersOf(groupId: string): Promise<string[]> {
    const state = await this.sandbox.emulator.control.state();
    const group = state.groups.find((candidate) => candidate.id === groupId);
    if (group === undefined) throw new Error(`The emulator has no group ${groupId}.`);
    return group.members.map((member) => member.reference_id).sort();
  }

  /** How many member syncs Vitable has accepted so far. */
  async syncRequestCount(): Promise<number> {
    return (await this.sandbox.emulator.control.state()).syncRequests.length;
  }
}

const CONTENTS_ONLY = { contents: true, formats: false, notes: false, validations: false };
