import type { ControlClient } from "../../../sandbox/emulator/controlClient";
import type { Execution, ServiceCall } from "../../../sandbox/runtime/execution";
import type { ExecutionReport } from "../../../sandbox/runtime/runtime";
import { PROPERTY_LIMITS } from "../../../sandbox/runtime/services/properties";
import type { SheetModel } from "../../../sandbox/runtime/spreadsheet/sheetModel";
import { STATUS_COLUMN_NAMES } from "../../../src/core/roster/columnNames";
import type { Frequency, SyncResultView } from "../../../src/shared/bridge";
import {
  personRow,
  PROCESSING_DELAY_MS,
  ROSTER_HEADER,
  SANDBOX_KEY,
  World,
  type AddonSandbox,
  type WorldOptions,
} from "../support/addonSandbox";

/**
 * The fault matrix's world and its checks. Every row starts from the same tab: four people
 * synced once, then person 1 moved, person 4's row deleted and person 5 hired, so the next sync
 * adds, changes and removes someone. Person 2 is on Care Plus, the plan a row takes away.
 */

/** Where a row's fault strikes: the entry point the user (or the trigger) ran. */
export type Flow = "sidebar sync" | "sidebar check" | "menu sync" | "scheduled run" | "connect" | "schedule setup";

/**
 * How the run ended. The sync states are the sidebar's; `busy`: another run held the sync;
 * `stopped`: Apps Script ended the execution at its time limit; `refused`: a setting could not
 * be saved.
 */
export type Outcome = SyncResultView["state"] | "busy" | "stopped" | "refused";

export interface Expected {
  outcome: Outcome;
  /** What the user reads: the exact sentence, or a precise pattern. */
  sentence: string | RegExp;
  /** Member syncs Vitable accepted during the run; 1 for a sync run that got through, else 0. */
  accepted?: number;
}

export type CallHook = (call: ServiceCall, execution: Execution) => void;

/** A row's hooks may be synchronous; the matrix awaits each one either way. */
export interface FaultRow {
  /** The fault's name, as docs/reliability.md lists it. */
  name: string;
  flow: Flow;
  world?: Pick<WorldOptions, "fetchTimeoutMs">;
  /** Runs before the tab is snapshotted, such as starting the sync a status check will finish. */
  prepare?(ctx: FaultContext): void | Promise<void>;
  /** Injects the fault, just before the run. */
  inject(ctx: FaultContext): void | Promise<void>;
  expect: Expected;
  /** Checks particular to the row, after the shared ones. */
  also?(ctx: FaultContext, run: FaultRun): void | Promise<void>;
  /** Undoes what clearing the emulator's faults does not; returns the confirmations the follow-up sync needs. */
  recover?(ctx: FaultContext): ConfirmedGuards | void | Promise<ConfirmedGuards | void>;
}

export type ConfirmedGuards = Parameters<World["sync"]>[0];

/** One run of the flow under the fault. */
export interface FaultRun {
  sentence: string;
  /** The sync state the sidebar received, when the flow answers with one. */
  state: SyncResultView | null;
  report: ExecutionReport;
}

export const CARE_PLUS_PERSON = "1002";
const NOTES = "Notes";
const HEADER = [...ROSTER_HEADER, NOTES];
const ADDRESS_COLUMN = ROSTER_HEADER.indexOf("Address") + 1;
const HOURLY: Frequency = { kind: "hours", every: 1 };
const STATUS_HEADERS: readonly string[] = Object.values(STATUS_COLUMN_NAMES);

/** Person n's row with a Notes cell of the user's own. */
function rowWithNotes(n: number, notes: string, plan = "Basic Care"): string[] {
  return [...personRow(n, { Plan: plan }), notes];
}

/** The tab a row starts from; every row the add-on reads here is valid. */
export function rosterRows(people: readonly number[]): string[][] {
  const notes: Record<number, string> = { 1: '=UPPER("ops")', 3: "Started in May", 5: "'=not a formula" };
  return [HEADER, ...people.map((n) => rowWithNotes(n, notes[n] ?? "", n === 2 ? "Care Plus" : "Basic Care"))];
}

/** A cell outside the add-on's status columns: what getValues gives, and its formula. */
type UserCell = { value: unknown; formula: string };

/** The cells a run must leave alone: every cell of the tab outside its status columns. */
function userCellsOf(tab: SheetModel): UserCell[][] {
  const header = tab.displayValuesForHost()[0] ?? [];
  const rows: UserCell[][] = [];
  for (let row = 1; row <= tab.lastRow(); row++) {
    const cells: UserCell[] = [];
    for (let column = 1; column <= tab.lastColumn(); column++) {
      if (STATUS_HEADERS.includes(header[column - 1] ?? "")) continue;
      const cell = tab.cellAt(row, column);
      cells.push({ value: cell.value instanceof Date ? cell.value.toISOString() : cell.value, formula: cell.formula });
    }
    rows.push(cells);
  }
  return rows;
}

/** Everything a run is compared against. */
export interface Before {
  userCells: UserCell[][];
  statuses: Map<number, { status: string; message: string }>;
  members: string[];
  syncRequests: number;
  logEntries: number;
  pendingRequestId: string | null;
}

export class FaultContext {
  readonly world: World;
  readonly groupId: string;
  /** The roster tab; a row that deletes it links a new one when it recovers. */
  tab: SheetModel;
  /** The user cells the run must leave, when the row's fault edits the tab on purpose. */
  expectedUserCells: UserCell[][] | null = null;
  private hook: CallHook | null = null;

  private constructor(
    readonly sandbox: AddonSandbox,
    readonly row: FaultRow,
  ) {
    this.world = new World(sandbox, { ...row.world, beforeCall: (call, execution) => this.hook?.(call, execution) });
    this.world.type(rosterRows([1, 2, 3, 4]));
    this.groupId = this.world.firstSync();
    this.tab = this.world.roster;
    // Person 1 moves, person 4 leaves (their row is deleted), person 5 is hired into the freed row.
    this.tab.typeInto(2, ADDRESS_COLUMN, "77 New Road");
    this.tab.deleteRows(5, 1);
    this.tab.typeRows(5, 1, [rosterRows([5])[1]!]);
    if (row.flow === "scheduled run") this.world.call("setSchedule", { frequency: HOURLY, emailOnProblem: true });
  }

  static async start(sandbox: AddonSandbox, row: FaultRow): Promise<FaultContext> {
    const ctx = new FaultContext(sandbox, row);
    await row.prepare?.(ctx);
    return ctx;
  }

  get control(): ControlClient {
    return this.sandbox.emulator.control;
  }

  get tabIsLive(): boolean {
    return this.world.spreadsheet.isLive(this.tab);
  }

  /** Runs `hook` before every service call of every execution until the run ends. */
  onCall(hook: CallHook): void {
    this.hook = hook;
  }

  stopHook(): void {
    this.hook = null;
  }

  /** The tab as it is now is what the run must leave: for faults that edit the tab on purpose. */
  expectTabAsNow(): void {
    this.expectedUserCells = userCellsOf(this.tab);
  }

  /** The reference IDs the tab holds now, in row order. */
  tabIds(): string[] {
    if (!this.tabIsLive) return [];
    return this.tab
      .displayValuesForHost()
      .slice(1)
      .map((row) => row[0] ?? "")
      .filter((id) => id !== "");
  }

  /** Status per reference ID in the tab. */
  statusById(): Map<string, string> {
    const byId = new Map<string, string>();
    const values = this.tab.displayValuesForHost();
    const column = values[0]!.indexOf(STATUS_COLUMN_NAMES.status);
    values.slice(1).forEach((row) => {
      if (row[0]) byId.set(row[0], row[column] ?? "");
    });
    return byId;
  }

  async before(): Promise<Before> {
    const state = await this.control.state();
    return {
      userCells: userCellsOf(this.tab),
      statuses: this.world.statuses(),
      members: await this.world.membersOf(this.groupId),
      syncRequests: state.syncRequests.length,
      logEntries: this.world.logEntries().length,
      pendingRequestId: this.pendingRequestId(),
    };
  }

  /** The tab's pending sync as the sidebar shows it (a deleted tab's as its last check answers). */
  pendingRequestId(): string | null {
    if (this.tabIsLive) return this.world.call("getSidebarState", {}).tab.pending?.requestId ?? null;
    const answer = this.world.call("checkSync", { sheetId: this.tab.id });
    return answer.state === "pending" ? answer.requestId : null;
  }

  /** Fills the user's property store to its last byte, as years of other spreadsheets could. */
  fillUserProperties(): void {
    const scope = { kind: "user" as const, email: this.world.runtime.user.email };
    const properties = this.world.runtime.properties;
    for (let n = 0; ; n++) {
      const key = `other.spreadsheet.${n}`;
      const room = PROPERTY_LIMITS.storeBytes - properties.sizeInBytes(scope) - key.length;
      if (room <= 0) return;
      properties.write(scope, { [key]: "x".repeat(Math.min(room, PROPERTY_LIMITS.valueBytes)) });
    }
  }

  /** Clears the emulator's injected faults and slow processing. */
  async clearFaults(): Promise<void> {
    await this.control.clearFaults();
    await this.control.setProcessingDelay(PROCESSING_DELAY_MS);
  }

  /** Frees what fillUserProperties took. */
  emptyUserProperties(): void {
    const scope = { kind: "user" as const, email: this.world.runtime.user.email };
    const properties = this.world.runtime.properties;
    properties.update(scope, (draft) => {
      for (const key of [...draft.keys()]) if (key.startsWith("other.spreadsheet.")) draft.delete(key);
    });
  }

  connect(): void {
    this.world.call("connect", { apiKey: SANDBOX_KEY, environment: "uat", scope: "user" });
  }
}

/** Moves the clock so the execution is past Apps Script's limit: its next service call throws. */
export function runOutOfTime(execution: Execution): void {
  execution.clock.advance(execution.timeLimitMs - execution.elapsedMs() + 1);
}

const SCHEDULE_OUTCOMES: Partial<Record<Outcome, string>> = {
  completed: "completed",
  pending: "pending",
  failed: "failed",
  blocked: "blocked",
};

/** Runs the row's flow once, as the user (or the trigger) would. */
export function runFlow(ctx: FaultContext, flow: Flow): FaultRun {
  const { world } = ctx;
  const sheetId = ctx.tab.id;
  switch (flow) {
    case "sidebar sync":
      return scriptRun(world, "startSync", { sheetId, confirmation: null });
    case "sidebar check":
      return scriptRun(world, "checkSync", { sheetId });
    case "connect":
      return scriptRun(world, "connect", { apiKey: SANDBOX_KEY, environment: "uat", scope: "user" });
    case "schedule setup":
      return scriptRun(world, "setSchedule", {
        frequency: { kind: "weekly", day: "MONDAY", hour: 9 },
        emailOnProblem: true,
      });
    case "menu sync": {
      const report = world.runMenu("syncActiveTab");
      const alert = world.runtime.ui.shown.at(-1);
      return { sentence: alert?.type === "alert" ? alert.prompt : "", state: null, report };
    }
    case "scheduled run": {
      // The log keeps whole seconds: starting 300 ms into one keeps this run's entries after its start.
      world.clock.advance(1_300 - (world.clock.now() % 1_000));
      const report = world.runSchedule();
      const logged = world.logEntries().at(-1);
      const lastRun = world.call("getSidebarState", {}).schedule.lastRun;
      const problem = lastRun?.outcome === "failed" || lastRun?.outcome === "blocked";
      return { sentence: (problem ? logged?.Details : lastRun?.message) ?? "", state: null, report };
    }
  }
}

function scriptRun(world: World, name: string, request: object): FaultRun {
  const result = world.runtime.scriptRun(world.spreadsheet.id, name, [request]);
  const report = world.lastReport;
  // A failed execution reaches the sidebar as Apps Script's message, without its "Exception: ".
  if (!result.ok) return { sentence: result.error.replace(/^Exception: /, ""), state: null, report };
  const answer = result.value as { ok: boolean; value?: SyncResultView; message?: string };
  if (!answer.ok) return { sentence: answer.message ?? "", state: null, report };
  const state = answer.value ?? null;
  if (state === null || !("state" in state)) return { sentence: "", state: null, report };
  const sentence =
    state.state === "needsConfirmation" ? state.confirmations.map((c) => c.message).join(" ") : state.message;
  return { sentence, state, report };
}

const SYNC_FLOWS: readonly Flow[] = ["sidebar sync", "menu sync", "scheduled run"];

function defaultAccepted(flow: Flow, outcome: Outcome): number {
  if (!SYNC_FLOWS.includes(flow)) return 0;
  return outcome === "completed" || outcome === "pending" ? 1 : 0;
}

/**
 * The four promises of every row: the user reads the right sentence; nobody still in the sheet
 * left the group; no cell outside the status columns changed; the pending record, the rows, the
 * sidebar and the log agree about what happened.
 */
export async function expectSafeAfterFault(ctx: FaultContext, before: Before, run: FaultRun): Promise<void> {
  const { world, row } = ctx;
  const expected = row.expect;

  // 1. The sentence.
  if (typeof expected.sentence === "string") expect(run.sentence).toBe(expected.sentence);
  else expect(run.sentence).toMatch(expected.sentence);
  // The sidebar shows a busy spreadsheet as a sync that could not start.
  if (run.state !== null) expect(run.state.state).toBe(expected.outcome === "busy" ? "failed" : expected.outcome);
  expect(run.report.timedOut).toBe(expected.outcome === "stopped");

  // 2. Nobody still in the sheet was removed from the group.
  const members = await world.membersOf(ctx.groupId);
  const inSheet = new Set(ctx.tabIds());
  for (const id of before.members) if (inSheet.has(id)) expect(members).toContain(id);

  // 3. No cell outside the add-on's status columns changed.
  if (ctx.tabIsLive) expect(userCellsOf(ctx.tab)).toEqual(ctx.expectedUserCells ?? before.userCells);

  // 4. The records, the rows and the log agree.
  const state = await ctx.control.state();
  const accepted = state.syncRequests.slice(before.syncRequests);
  expect(accepted).toHaveLength(expected.accepted ?? defaultAccepted(row.flow, expected.outcome));
  const latestRequest = state.syncRequests.filter((request) => request.group_id === ctx.groupId).at(-1)?.request_id;
  const newLog = world.logEntries().slice(before.logEntries);
  const pending = ctx.pendingRequestId();
  const statuses = ctx.tabIsLive ? [...ctx.statusById().values()] : [];
  const rowsAsBefore = () => expect(world.statuses()).toEqual(before.statuses);

  switch (expected.outcome) {
    case "completed":
      expect(pending).toBeNull();
      expect(statuses).not.toContain("Pending");
      expect(newLog.at(-1)).toMatchObject({ Outcome: "Completed", "Request ID": latestRequest });
      break;
    case "pending":
      expect(pending).toBe(latestRequest);
      for (const status of statuses) expect(["Pending", "Invalid", "Excluded"]).toContain(status);
      if (SYNC_FLOWS.includes(row.flow)) {
        expect(newLog.at(-1)).toMatchObject({ Outcome: "Pending", "Request ID": pending });
      } else {
        expect(newLog).toEqual([]);
      }
      break;
    case "failed":
      expect(pending).toBeNull();
      if (before.pendingRequestId === null) rowsAsBefore();
      else expect(statuses).not.toContain("Pending");
      expect(newLog.at(-1)).toMatchObject({ Outcome: "Failed" });
      // The log says what the person read, except Vitable's own words, which may name people.
      if (/\bVitable said\b|: "/.test(run.sentence)) {
        expect(newLog.at(-1)!.Details).toMatch(/^Vitable refused to .*Its explanation is not kept here/);
      } else expect(run.sentence).toContain(newLog.at(-1)!.Details);
      break;
    case "blocked":
      expect(pending).toBeNull();
      expect(statuses).not.toContain("Pending");
      expect(newLog.at(-1)).toMatchObject({ Outcome: "Blocked", Details: run.sentence });
      break;
    case "needsConfirmation":
      expect(pending).toBeNull();
      expect(statuses).not.toContain("Pending");
      expect(newLog).toEqual([]);
      break;
    case "busy":
    case "refused":
      expect(pending).toBe(before.pendingRequestId);
      rowsAsBefore();
      expect(newLog).toEqual([]);
      break;
    case "stopped":
      // The pending record outlives the stopped execution, so the next run can finish the sync.
      expect(pending).toBe(before.pendingRequestId);
      expect(pending).not.toBeNull();
      expect(newLog).toEqual([]);
      break;
  }

  if (row.flow === "scheduled run") {
    const lastRun = world.call("getSidebarState", {}).schedule.lastRun;
    expect(lastRun?.outcome).toBe(SCHEDULE_OUTCOMES[expected.outcome]);
    const problem = expected.outcome === "failed" || expected.outcome === "blocked";
    const mail = world.runtime.mail.sent();
    if (problem) expect(mail.at(-1)?.body).toContain(run.sentence);
    else expect(mail).toEqual([]);
  }
}

/**
 * Recovery: with the fault cleared, a normal sync from the sidebar goes through and the tab ends
 * right: every row Added or Synced, Vitable holding exactly the tab's people, nothing pending.
 */
export async function expectRecovery(ctx: FaultContext, confirmed: ConfirmedGuards = []): Promise<void> {
  const { world } = ctx;
  const result = world.sync(confirmed);
  expect(result).toMatchObject({ state: "completed", failures: [] });
  const statuses = ctx.statusById();
  for (const status of statuses.values()) expect(["Added", "Synced"]).toContain(status);
  expect(await world.membersOf(ctx.groupId)).toEqual([...ctx.tabIds()].sort());
  expect(ctx.pendingRequestId()).toBeNull();
  expect(world.logEntries().at(-1)).toMatchObject({
    Outcome: "Completed",
    "Request ID": result.state === "completed" ? result.requestId : "",
  });
}
