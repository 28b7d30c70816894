import type { LogEntry } from "../src/core/log/logEntry";
import { readRecordRow, recordRowCells, type RecordCell } from "../src/core/records/recordRows";
import type { CellValue } from "../src/core/roster/model";
import type { StatusWrite } from "../src/core/sheet/statusColumns";
import type { Connection } from "../src/core/state/connection";
import type { Records } from "../src/core/state/records";
import type { DocumentLock, RosterTab, SyncContext, SyncLog } from "../src/server/syncContext";
import type { MemberSyncResults, Plan } from "../src/vitable/apiSchemas";
import { createVitableClient } from "../src/vitable/client";
import { VITABLE_BASE_URLS } from "../src/vitable/environments";
import type { Member } from "../src/vitable/memberSchema";
import type { HttpRequest, HttpResponse, HttpTransport } from "../src/vitable/transport";

/**
 * A `SyncContext` in memory: the records, a roster tab, the log, the lock, a clock that moves only
 * when told to, and Vitable behind a fake HTTP transport, so the real sync pipeline
 * (src/server/sync/) runs in Node without Apps Script or a network. The benchmark times the
 * pipeline over it; the unit tests (test/support/fakeSyncContext.ts) drive it case by case.
 */

/** The service calls a sync makes, by what they do. */
export type ServiceCall =
  | "tab.values"
  | "tab.writeStatuses"
  | "tab.markInvalid"
  | "records.get"
  | "records.set"
  | "records.keys"
  | "log.append"
  | "log.nextRow"
  | "log.writeAt"
  | "vitable.listPlans"
  | "vitable.submit"
  | "vitable.poll";

/** Counts every service call, and the CPU the stand-ins spend answering the ones they stand in for. */
export class ServiceCalls {
  private readonly made = new Map<ServiceCall, number>();
  /** CPU spent inside the stand-ins for Sheets and Vitable, ms: not the add-on's own work. */
  standInCpuMs = 0;
  /** Runs before every call, once it is counted; throwing from it makes the call throw. */
  beforeCall: (call: ServiceCall, nth: number) => void = () => undefined;

  countOf(call: ServiceCall): number {
    return this.made.get(call) ?? 0;
  }

  /** A call whose work is the add-on's own (the records adapter's), so its CPU stays in the add-on's. */
  ownCall(call: ServiceCall): void {
    const nth = this.countOf(call) + 1;
    this.made.set(call, nth);
    this.beforeCall(call, nth);
  }

  /** A call a stand-in answers in place of Google's or Vitable's servers; its CPU is kept apart. */
  standIn<T>(call: ServiceCall, work: () => T): T {
    this.ownCall(call);
    const start = process.cpuUsage();
    try {
      return work();
    } finally {
      const used = process.cpuUsage(start);
      this.standInCpuMs += (used.user + used.system) / 1_000;
    }
  }
}

/** The records sheet in memory: one row of cells per key, written and read as the adapter does. */
export class MemoryRecords implements Records {
  constructor(private readonly rows = new Map<string, RecordCell[]>()) {}

  get(key: string): string | null {
    const row = this.rows.get(key);
    return row === undefined ? null : (readRecordRow(row)?.value ?? null);
  }

  set(key: string, value: string | null): void {
    if (value === null) this.rows.delete(key);
    else this.rows.set(key, recordRowCells(key, value));
  }

  keys(prefix: string): string[] {
    return [...this.rows.keys()].filter((key) => key.startsWith(prefix));
  }

  /** An independent copy, so that runs can start from the same records. */
  copy(): MemoryRecords {
    return new MemoryRecords(new Map(this.rows));
  }
}

/** Epoch ms that move only by `sleep` or `advance`: a sync's waits cost no real time. */
export class ManualClock {
  constructor(public time: number) {}

  readonly now = (): number => this.time;

  readonly sleep = (ms: number): void => this.advance(ms);

  advance(ms: number): void {
    this.time += ms;
  }
}

/** A roster tab as `getDataRange().getValues()` sees it: a rectangle of cells, row 1 first. */
export class MemoryTab {
  private grid: CellValue[][];
  /** Every markInvalid call, latest last: the cells marked (1-based) and the status column. */
  readonly marks: { cells: { row: number; column: number }[]; statusColumn: number }[] = [];

  constructor(
    readonly sheetId: number,
    public name: string,
    values: readonly (readonly CellValue[])[],
  ) {
    this.grid = values.map((row) => [...row]);
    this.squareUp();
  }

  values(): CellValue[][] {
    return this.grid.map((row) => [...row]);
  }

  /** Writes every block of the write, widening the tab where status columns are added. */
  writeStatuses(write: StatusWrite): void {
    for (const block of write.blocks) {
      block.values.forEach((cells, offset) => {
        const row = (this.grid[block.row - 1 + offset] ??= []);
        cells.forEach((cell, column) => (row[block.column - 1 + column] = cell));
      });
    }
    this.squareUp();
  }

  markInvalid(cells: readonly { row: number; column: number }[], statusColumn: number): void {
    this.marks.push({ cells: [...cells], statusColumn });
  }

  /** The cell at a 1-based row, in the column under `header` in row 1. */
  cell(row: number, header: string): CellValue | undefined {
    return this.grid[row - 1]?.[this.columnOf(header)];
  }

  /** Types `value` into a 1-based row, in the column under `header` in row 1. */
  setCell(row: number, header: string, value: CellValue): void {
    const cells = this.grid[row - 1];
    if (cells === undefined) throw new Error(`The tab has no row ${row}.`);
    cells[this.columnOf(header)] = value;
  }

  /** Deletes 1-based rows; the rows below move up, as in Sheets. */
  deleteRows(rows: readonly number[]): void {
    const gone = new Set(rows);
    this.grid = this.grid.filter((_, index) => !gone.has(index + 1));
  }

  private columnOf(header: string): number {
    const column = this.grid[0]?.indexOf(header) ?? -1;
    if (column < 0) throw new Error(`The tab has no column "${header}".`);
    return column;
  }

  /** Every row as wide as the widest, blank cells as "", as getValues() gives them. */
  private squareUp(): void {
    const width = Math.max(0, ...this.grid.map((row) => row.length));
    for (const row of this.grid) {
      for (let column = 0; column < width; column++) row[column] ??= "";
    }
  }
}

/** The Vitable Sync Log tab in memory: entries by 1-based row, row 1 being the header. */
export class MemoryLog {
  private readonly rows = new Map<number, LogEntry>();

  append(entries: readonly LogEntry[], reservedUpTo: number): void {
    for (const entry of entries) this.rows.set(this.nextRow(reservedUpTo), entry);
  }

  nextRow(reservedUpTo: number): number {
    return Math.max(1, reservedUpTo, ...this.rows.keys()) + 1;
  }

  writeAt(row: number, entry: LogEntry): void {
    this.rows.set(row, entry);
  }

  /** Every entry with its row, top first. */
  entries(): { row: number; entry: LogEntry }[] {
    return [...this.rows].sort(([a], [b]) => a - b).map(([row, entry]) => ({ row, entry }));
  }
}

/** The document lock; `busy` stands for another execution holding it. */
export class MemoryLock implements DocumentLock {
  busy = false;
  flushes = 0;

  tryLock(): boolean {
    return !this.busy;
  }

  release(): void {}

  flush(): void {
    this.flushes++;
  }
}

/** A member sync Vitable accepted, and how it ended once processed. */
export interface VitableSync {
  requestId: string;
  groupId: string;
  acceptedAt: string;
  /** The members sent, in the payload's order. */
  members: Member[];
  payloadBytes: number;
  /** Polls still to answer "processing" before the sync is applied. */
  pollsLeft: number;
  completedAt: string | null;
  results: MemberSyncResults | null;
}

export interface MemoryVitableOptions {
  plans: readonly Plan[];
  /** Polls answered "still processing" before the one that finds a sync completed. */
  processingPolls?: number;
  /** Vitable's reason for refusing to add this member, or null to add them. */
  refuses?: (member: Member) => string | null;
}

/**
 * Vitable's organization in memory: plans, groups and member syncs, processed as vitable-api.md
 * §3.1 says: a completed sync makes the group hold exactly the members sent (but those Vitable
 * refused), and its results name who it added and removed. A sync is applied when the poll that
 * finds it completed arrives, against the group as it is then.
 */
export class MemoryVitable {
  readonly plans: Plan[];
  readonly groups = new Map<string, { name: string; members: Map<string, Member> }>();
  readonly syncs: VitableSync[] = [];
  processingPolls: number;
  private readonly refuses: (member: Member) => string | null;

  constructor(options: MemoryVitableOptions) {
    this.plans = [...options.plans];
    this.processingPolls = options.processingPolls ?? 0;
    this.refuses = options.refuses ?? (() => null);
  }

  addGroup(id: string, name: string): void {
    this.groups.set(id, { name, members: new Map() });
  }

  /** Reference IDs of the group's members, sorted. */
  membersOf(groupId: string): string[] {
    return [...(this.groups.get(groupId)?.members.keys() ?? [])].sort();
  }

  /** An independent copy, so that runs can start from the same organization. */
  copy(): MemoryVitable {
    const copy = new MemoryVitable({ plans: this.plans, processingPolls: this.processingPolls, refuses: this.refuses });
    this.groups.forEach((group, id) => copy.groups.set(id, { name: group.name, members: new Map(group.members) }));
    copy.syncs.push(...this.syncs.map((sync) => ({ ...sync })));
    return copy;
  }

  /** Answers one request to the API, at `now` (epoch ms). */
  answer(request: HttpRequest, now: number): HttpResponse {
    const url = new URL(request.url);
    const path = url.pathname.split("/").slice(1).map(decodeURIComponent);
    if (request.method === "GET" && path.join("/") === "v1/plans") {
      return plansPage(this.plans, Number(url.searchParams.get("page") ?? 1), Number(url.searchParams.get("limit")));
    }
    const [version, groups, groupId, members, sync, requestId] = path;
    const group = groupId === undefined ? undefined : this.groups.get(groupId);
    if (version !== "v1" || groups !== "groups" || members !== "members" || sync !== "sync" || group === undefined) {
      return notFound(`No group ${groupId ?? ""} in this organization.`);
    }
    if (request.method === "POST" && requestId === undefined) {
      return this.accept(groupId!, request.body ?? "", now);
    }
    const found = this.syncs.find((candidate) => candidate.requestId === requestId && candidate.groupId === groupId);
    if (request.method !== "GET" || found === undefined) return notFound(`No sync request ${requestId ?? ""}.`);
    if (found.results === null && found.pollsLeft > 0) found.pollsLeft--;
    else if (found.results === null) complete(found, group.members, this.refuses, now);
    return json(200, {
      data: {
        request_id: found.requestId,
        group_id: found.groupId,
        accepted_at: found.acceptedAt,
        completed_at: found.completedAt,
        results: found.results,
      },
    });
  }

  /** Deletes a group, as someone may in Vitable's dashboard: calls about it then answer 404. */
  deleteGroup(id: string): void {
    this.groups.delete(id);
  }

  private accept(groupId: string, body: string, now: number): HttpResponse {
    const { members } = JSON.parse(body) as { members: Member[] };
    const requestId = `grpmsr_memory${this.syncs.length + 1}`;
    const acceptedAt = new Date(now).toISOString();
    this.syncs.push({
      requestId,
      groupId,
      acceptedAt,
      members,
      payloadBytes: Buffer.byteLength(body, "utf8"),
      pollsLeft: this.processingPolls,
      completedAt: null,
      results: null,
    });
    return json(202, { data: { request_id: requestId, group_id: groupId, accepted_at: acceptedAt } });
  }
}

/** Applies a sync to the group: it then holds exactly the members sent, but those Vitable refuses. */
function complete(
  sync: VitableSync,
  group: Map<string, Member>,
  refuses: (member: Member) => string | null,
  now: number,
): void {
  const results: MemberSyncResults = { added_group_member_ids: [], removed_group_member_ids: [], failures: [] };
  const sent = new Set(sync.members.map((member) => member.reference_id));
  for (const id of [...group.keys()]) {
    if (sent.has(id)) continue;
    group.delete(id);
    results.removed_group_member_ids.push(memberIdOf(id));
  }
  for (const member of sync.members) {
    const refusal = refuses(member);
    if (refusal !== null) {
      results.failures.push({ reference_id: member.reference_id, operation: "add", reason: refusal });
      continue;
    }
    if (!group.has(member.reference_id)) results.added_group_member_ids.push(memberIdOf(member.reference_id));
    group.set(member.reference_id, member);
  }
  sync.completedAt = new Date(now).toISOString();
  sync.results = results;
}

function memberIdOf(referenceId: string): string {
  return `mbr_${referenceId}`;
}

function json(status: number, body: unknown): HttpResponse {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
}

function notFound(message: string): HttpResponse {
  return json(404, { error: { code: "not_found", message } });
}

function plansPage(plans: readonly Plan[], page: number, limit: number): HttpResponse {
  const data = plans.slice((page - 1) * limit, page * limit);
  const pagination = { page, limit, total: plans.length, total_pages: Math.ceil(plans.length / limit) };
  return json(200, { data, pagination });
}

/** Which service call a request to Vitable is. */
function vitableCallOf(request: HttpRequest): ServiceCall {
  if (request.method === "POST") return "vitable.submit";
  return request.url.includes("/members/sync/") ? "vitable.poll" : "vitable.listPlans";
}

/** Everything that outlives one execution: what a sync finds when it starts, and leaves behind. */
export interface MemoryServices {
  clock: ManualClock;
  calls: ServiceCalls;
  records: MemoryRecords;
  tabs: MemoryTab[];
  log: MemoryLog;
  lock: MemoryLock;
  vitable: MemoryVitable;
}

export interface ExecutionOptions {
  user: string;
  timeZone: string;
}

const MEMORY_CONNECTION: Connection = {
  apiKey: "vit_apk_memory",
  environment: "uat",
  scope: "document",
  connectedAt: "2026-01-01T00:00:00.000Z",
};

/** The context of one execution over the services, started now; every call is counted on `calls`. */
export function memoryContext(services: MemoryServices, options: ExecutionOptions): SyncContext {
  const { clock, calls, vitable } = services;
  const transport: HttpTransport = {
    send: (request) => calls.standIn(vitableCallOf(request), () => vitable.answer(request, clock.now())),
  };
  const client = createVitableClient({
    transport,
    apiKey: MEMORY_CONNECTION.apiKey,
    baseUrl: VITABLE_BASE_URLS[MEMORY_CONNECTION.environment],
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
  });
  const records: Records = {
    get(key) {
      calls.ownCall("records.get");
      return services.records.get(key);
    },
    set(key, value) {
      calls.ownCall("records.set");
      services.records.set(key, value);
    },
    keys(prefix) {
      calls.ownCall("records.keys");
      return services.records.keys(prefix);
    },
  };
  const log: SyncLog = {
    append: (entries, reservedUpTo) => calls.standIn("log.append", () => services.log.append(entries, reservedUpTo)),
    nextRow: (reservedUpTo) => calls.standIn("log.nextRow", () => services.log.nextRow(reservedUpTo)),
    writeAt: (row, entry) => calls.standIn("log.writeAt", () => services.log.writeAt(row, entry)),
  };
  const dateFormat = new Intl.DateTimeFormat("en-CA", {
    timeZone: options.timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  });
  return {
    spreadsheetId: "memory-spreadsheet",
    timeZone: options.timeZone,
    user: options.user,
    startedAt: clock.now(),
    records,
    connection: MEMORY_CONNECTION,
    fingerprintKey: { k0: 0x2545f491, k1: 0x9e3779b9 },
    now: clock.now,
    sleep: clock.sleep,
    today: () => dateFormat.format(new Date(clock.now())),
    vitable: () => client,
    tab(sheetId) {
      const tab = services.tabs.find((candidate) => candidate.sheetId === sheetId);
      return tab === undefined ? null : countedTab(tab, calls);
    },
    log,
    lock: services.lock,
  };
}

function countedTab(tab: MemoryTab, calls: ServiceCalls): RosterTab {
  return {
    sheetId: tab.sheetId,
    name: () => tab.name,
    values: () => calls.standIn("tab.values", () => tab.values()),
    writeStatuses: (write) => calls.standIn("tab.writeStatuses", () => tab.writeStatuses(write)),
    markInvalid: (cells, statusColumn) => calls.standIn("tab.markInvalid", () => tab.markInvalid(cells, statusColumn)),
  };
}
