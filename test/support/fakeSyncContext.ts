import {
  ManualClock,
  MemoryLock,
  MemoryLog,
  MemoryRecords,
  MemoryTab,
  MemoryVitable,
  ServiceCalls,
  memoryContext,
  type MemoryServices,
  type ServiceCall,
} from "../../bench/memoryContext";
import type { LogEntry, LogOutcome } from "../../src/core/log/logEntry";
import type { CellValue } from "../../src/core/roster/model";
import { saveTabLink } from "../../src/core/state/tabLink";
import { EXECUTION_LIMIT_MS, SIDEBAR_POLL_BUDGET_MS } from "../../src/core/sync/pollSchedule";
import type { GivenConfirmation, ScheduledTabResult } from "../../src/server/sync/syncResult";
import { runSync, type SyncRequest } from "../../src/server/sync/syncRun";
import type { SyncContext } from "../../src/server/syncContext";
import type { Member } from "../../src/vitable/memberSchema";
import { member } from "../core/sync/builders";

/**
 * One spreadsheet with one roster tab linked to a Vitable group, all in memory (see
 * bench/memoryContext.ts), for unit tests of the sync pipeline: each `context()` is one
 * execution; records, tab, log and Vitable outlive it, as they do in Apps Script.
 */

export const SHEET_ID = 101;
export const GROUP = { id: "grp_tier1", name: "Tier 1" };
const PLANS = [
  { id: "pln_basic", name: "Basic Care" },
  { id: "pln_plus", name: "Care Plus" },
];
const USER = "hr@example.com";
const TIME_ZONE = "America/New_York";
const STARTED_AT = Date.UTC(2026, 0, 15, 15, 0);

const ROSTER_HEADER = [
  "Reference ID",
  "First Name",
  "Last Name",
  "Date of Birth",
  "Email",
  "Phone",
  "Plan",
  "Address Line 1",
  "City",
  "State",
  "ZIP",
];

/** A tab row holding `person`, with the plan written by name as people type it. */
function rosterRow(person: Member): CellValue[] {
  const plan = PLANS.find((candidate) => candidate.id === person.plan_id);
  return [
    person.reference_id,
    person.first_name,
    person.last_name,
    person.date_of_birth,
    person.email ?? "",
    person.phone,
    plan?.name ?? person.plan_id,
    person.address.address_line_1,
    person.address.city,
    person.address.state,
    person.address.zipcode,
  ];
}

/** EMP-1 … EMP-n, as test/core/sync/builders.ts makes them. */
export function people(count: number): Member[] {
  return Array.from({ length: count }, (_, index) => member(`EMP-${index + 1}`));
}

/** EMP-from … EMP-to. */
export function ids(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, index) => `EMP-${from + index}`);
}

/** What every service call of a stopped execution throws, as when Apps Script ends it at its time limit. */
export class ExecutionStopped extends Error {
  constructor() {
    super("Exceeded maximum execution time");
    this.name = "ExecutionStopped";
  }
}

export interface FakeSyncWorldOptions {
  /** The tab's members, one row each below the header; none by default. */
  members?: readonly Member[];
  /** Vitable's reason for refusing to add a member, or null to add them. */
  refuses?: (person: Member) => string | null;
}

export class FakeSyncWorld implements MemoryServices {
  readonly clock = new ManualClock(STARTED_AT);
  readonly calls = new ServiceCalls();
  readonly records = new MemoryRecords();
  readonly tab: MemoryTab;
  readonly tabs: MemoryTab[];
  readonly log = new MemoryLog();
  readonly lock = new MemoryLock();
  readonly vitable: MemoryVitable;
  private stopped = false;

  constructor(options: FakeSyncWorldOptions = {}) {
    this.tab = new MemoryTab(SHEET_ID, "Roster", [ROSTER_HEADER, ...(options.members ?? []).map(rosterRow)]);
    this.tabs = [this.tab];
    this.vitable = new MemoryVitable({ plans: PLANS, refuses: options.refuses });
    this.vitable.addGroup(GROUP.id, GROUP.name);
    saveTabLink(this.records, {
      sheetId: SHEET_ID,
      groupId: GROUP.id,
      groupName: GROUP.name,
      externalReferenceId: "tier-1",
      linkedAt: new Date(STARTED_AT).toISOString(),
      linkedBy: USER,
    });
  }

  /** One execution, started now. */
  context(user = USER): SyncContext {
    return memoryContext(this, { user, timeZone: TIME_ZONE });
  }

  /**
   * Stops the execution at its `nth` call of `call` from now: that call and every service call
   * after it throw ExecutionStopped, since nothing more runs once Apps Script ends an execution.
   */
  stopAt(call: ServiceCall, nth: number): void {
    const target = this.calls.countOf(call) + nth;
    this.calls.beforeCall = (made, count) => {
      if (made === call && count === target) this.stopped = true;
      if (this.stopped) throw new ExecutionStopped();
    };
  }

  /** Lets executions run again; the stopped one never released its lease, so the clock moves past it. */
  restartAfterStop(): void {
    this.stopped = false;
    this.calls.beforeCall = () => undefined;
    this.clock.advance(EXECUTION_LIMIT_MS);
  }

  /** The 1-based row holding `referenceId` now. */
  rowOf(referenceId: string): number {
    const row = this.tab.values().findIndex((cells) => cells[0] === referenceId) + 1;
    if (row === 0) throw new Error(`No row holds ${referenceId}.`);
    return row;
  }

  /** What the Vitable Status column says for `referenceId`. */
  statusOf(referenceId: string): CellValue | undefined {
    return this.tab.cell(this.rowOf(referenceId), "Vitable Status");
  }

  /** Deletes the rows holding these people. */
  deleteMembers(referenceIds: readonly string[]): void {
    this.tab.deleteRows(referenceIds.map((id) => this.rowOf(id)));
  }

  /** Log entries with their rows, of one outcome when given. */
  logged(outcome?: LogOutcome): { row: number; entry: LogEntry }[] {
    return this.log.entries().filter(({ entry }) => outcome === undefined || entry.outcome === outcome);
  }

  /** Reference IDs the group holds in Vitable, sorted. */
  groupMembers(): string[] {
    return this.vitable.membersOf(GROUP.id);
  }
}

/** A sidebar's sync request; the sidebar polls for 20 seconds before it shows progress. */
export function syncRequest(overrides: Partial<SyncRequest> = {}): SyncRequest {
  return {
    mode: "interactive",
    startedBy: USER,
    confirmation: null,
    pollBudgetMs: SIDEBAR_POLL_BUDGET_MS,
    onStep: () => undefined,
    ...overrides,
  };
}

export function confirmed(token: string, typedPhrase: string | null = null): GivenConfirmation {
  return { token, typedPhrase };
}

/** Reference IDs of everyone a needsConfirmation answer names, sorted. */
export function namedIn(result: ScheduledTabResult): string[] {
  if (result.state !== "needsConfirmation") throw new Error(`Expected needsConfirmation, got ${result.state}.`);
  const named = result.confirmations.flatMap((confirmation) => confirmation.people.map((person) => person.referenceId));
  return [...new Set(named)].sort();
}

/** Narrows a result to the state a test expects, failing with what it was instead. */
export function expectState<S extends ScheduledTabResult["state"]>(
  result: ScheduledTabResult,
  state: S,
): Extract<ScheduledTabResult, { state: S }> {
  if (result.state !== state) throw new Error(`Expected ${state}, got ${JSON.stringify(result)}.`);
  return result as Extract<ScheduledTabResult, { state: S }>;
}

/** A world whose tab of `count` people (EMP-1 … EMP-n) was synced once, confirmed, and completed. */
export function syncedWorld(count: number, options: FakeSyncWorldOptions = {}): FakeSyncWorld {
  const world = new FakeSyncWorld({ ...options, members: people(count) });
  const asked = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "needsConfirmation");
  expectState(runSync(world.context(), SHEET_ID, syncRequest({ confirmation: confirmed(asked.token) })), "completed");
  return world;
}
