import { getHeapStatistics } from "node:v8";
import { readRecordRow, recordRowCells, type RecordCell } from "../src/core/records/recordRows";
import type { CellValue } from "../src/core/roster/model";
import { readRoster } from "../src/core/roster/readRoster";
import { invalidMarkRanges } from "../src/core/sheet/invalidMarks";
import { planStatusWrite } from "../src/core/sheet/statusColumns";
import { acceptedRosterOf, saveAcceptedRoster } from "../src/core/state/acceptedRosters";
import { clearPendingSync, savePendingSync, type PendingSync } from "../src/core/state/pendingSync";
import type { Records } from "../src/core/state/records";
import { DEFAULT_REMOVAL_BRAKE, planSync } from "../src/core/sync/guards";
import { mapSyncResults } from "../src/core/sync/results";
import { completedStatusCells, submittedStatusCells } from "../src/core/sync/rowStatuses";
import { invalidCells } from "../src/server/views";
import type { MemberSyncResults, Plan } from "../src/vitable/apiSchemas";
import { createVitableClient } from "../src/vitable/client";
import type { HttpRequest, HttpResponse } from "../src/vitable/transport";
import { REJECTED_EMAIL_DOMAIN } from "./roster";

/**
 * The add-on's own work in one sync, run in Node over the same modules the bundle is built from,
 * in the order src/server/flows/sync.ts and pendingSync.ts run them: validate the tab, read the
 * last accepted roster, diff and guards, build and send the payload, record the pending sync, plan
 * the Pending statuses and invalid-cell marks, read Vitable's results, record the new last
 * accepted roster, and plan the final statuses. Service calls are stand-ins: the tab's values come
 * from `readTab` (getValues), records live in memory as the records sheet's rows, and Vitable's
 * answers are prepared beforehand, so only the add-on's own computing is timed.
 */

export const PIPELINE_STEPS = [
  "validate",
  "lastAccepted",
  "diffAndGuards",
  "payload",
  "pendingRecord",
  "pendingStatuses",
  "results",
  "acceptedRecord",
  "finalStatuses",
] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

const SHEET_ID = 0;
const HEADER_ROW = 1;
const BASE_URL = "https://api.uat.vitablehealth.com";
const REQUEST_ID = "grpmsr_bench";
const REJECTION = "This person is already covered under another organization.";

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

  /** An independent copy, so every measured run starts from the same records. */
  copy(): MemoryRecords {
    return new MemoryRecords(new Map(this.rows));
  }
}

export interface PipelineInput {
  /** The tab's values as `getDataRange().getValues()` hands them over; called once per read. */
  readTab(): CellValue[][];
  plans: readonly Plan[];
  timeZone: string;
  /** `YYYY-MM-DD` in the spreadsheet's time zone. */
  today: string;
  groupId: string;
  /** The records before the sync: empty for a first sync, the last accepted roster for a re-sync. */
  records: MemoryRecords;
  /** When Vitable accepted and completed the sync (ISO). */
  acceptedAt: string;
  completedAt: string;
}

/** What Vitable answers to the submit and to the poll that finds the sync completed. */
export interface VitableAnswers {
  receipt: string;
  completed: string;
}

export interface PipelineResult {
  /** CPU milliseconds (user + system) per step. */
  stepCpuMs: Record<PipelineStep, number>;
  cpuMs: number;
  /** Bytes of the member sync request body. */
  payloadBytes: number;
  membersSent: number;
  counts: { added: number; changed: number; removed: number; invalid: number; failed: number };
  /** `used_heap_size` after each step (and after each read of the tab), bytes. */
  heapSamples: number[];
  /** The records after the sync: the new last accepted roster. */
  records: MemoryRecords;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1_000;
}

/** The results Vitable's emulator would give: adds for new people, failures for rejected emails. */
function vitableResults(input: PipelineInput): MemberSyncResults {
  const read = readRoster(input.readTab(), rosterContext(input));
  if (!read.ok) throw new Error(`The benchmark tab is not a roster: ${read.problem.message}`);
  const previous = acceptedRosterOf(input.records.copy(), SHEET_ID);
  const before = new Set(previous?.members.map((member) => member.referenceId) ?? []);
  const sent = new Set<string>();
  const results: MemberSyncResults = { added_group_member_ids: [], removed_group_member_ids: [], failures: [] };
  for (const member of read.roster.members) {
    sent.add(member.reference_id);
    if (member.email?.endsWith(`@${REJECTED_EMAIL_DOMAIN}`)) {
      results.failures.push({ reference_id: member.reference_id, operation: "add", reason: REJECTION });
    } else if (!before.has(member.reference_id)) {
      results.added_group_member_ids.push(`mbr_${member.reference_id}`);
    }
  }
  for (const id of before) if (!sent.has(id)) results.removed_group_member_ids.push(`mbr_${id}`);
  return results;
}

/** Vitable's answers for this input, prepared outside the measured run. */
export function prepareVitableAnswers(input: PipelineInput): VitableAnswers {
  const receipt = { request_id: REQUEST_ID, group_id: input.groupId, accepted_at: input.acceptedAt };
  const completed = { ...receipt, completed_at: input.completedAt, results: vitableResults(input) };
  return { receipt: JSON.stringify({ data: receipt }), completed: JSON.stringify({ data: completed }) };
}

function rosterContext(input: PipelineInput) {
  return { plans: input.plans, timeZone: input.timeZone, today: input.today, headerRow: HEADER_ROW };
}

/** One sync's own work, each step timed with process.cpuUsage() and the heap sampled after it. */
export function runSyncPipeline(input: PipelineInput, answers: VitableAnswers): PipelineResult {
  const records = input.records.copy();
  const heapSamples: number[] = [];
  const sampleHeap = () => heapSamples.push(getHeapStatistics().used_heap_size);
  const stepCpuMs = {} as Record<PipelineStep, number>;
  function step<T>(name: PipelineStep, work: () => T): T {
    const start = process.cpuUsage();
    const result = work();
    stepCpuMs[name] = cpuMsSince(start);
    sampleHeap();
    return result;
  }

  let payloadBytes = 0;
  const client = createVitableClient({
    transport: {
      send(request: HttpRequest): HttpResponse {
        if (request.method === "POST") {
          payloadBytes = Buffer.byteLength(request.body ?? "", "utf8");
          return { status: 202, headers: { "content-type": "application/json" }, body: answers.receipt };
        }
        return { status: 200, headers: { "content-type": "application/json" }, body: answers.completed };
      },
    },
    apiKey: "vit_apk_bench",
    baseUrl: BASE_URL,
    sleep: () => undefined,
    now: () => Date.parse(input.acceptedAt),
    random: () => 0.5,
  });

  const values = input.readTab();
  sampleHeap();
  const read = step("validate", () => readRoster(values, rosterContext(input)));
  if (!read.ok) throw new Error(`The benchmark tab is not a roster: ${read.problem.message}`);
  const { roster } = read;
  const accepted = step("lastAccepted", () => acceptedRosterOf(records, SHEET_ID));
  const { diff } = step("diffAndGuards", () =>
    planSync(read, accepted, { groupId: input.groupId, mode: "interactive", brake: DEFAULT_REMOVAL_BRAKE }),
  );
  if (diff === null) throw new Error("The benchmark tab produced no diff.");
  const receipt = step("payload", () => client.submitMemberSync(input.groupId, { members: roster.members }));
  const pending: PendingSync = {
    groupId: input.groupId,
    groupName: "Benchmark group",
    requestId: receipt.request_id,
    acceptedAt: receipt.accepted_at,
    submittedAt: input.acceptedAt,
    startedBy: "hr@example.com",
    counts: {
      added: diff.added.length,
      changed: diff.changed.length,
      removed: diff.removed.length,
      invalid: diff.invalid.length,
    },
    submitted: diff.submitted,
  };
  step("pendingRecord", () => savePendingSync(records, SHEET_ID, pending));
  step("pendingStatuses", () => {
    planStatusWrite(values, HEADER_ROW, roster.columns.status, submittedStatusCells(values, roster));
    return invalidMarkRanges(invalidCells(roster));
  });
  const outcome = step("results", () => {
    const request = client.getMemberSyncRequest(input.groupId, receipt.request_id);
    if (request.results === null || request.completed_at === null) throw new Error("The sync did not complete.");
    return mapSyncResults({
      groupId: input.groupId,
      requestId: receipt.request_id,
      completedAt: request.completed_at,
      previous: accepted,
      submitted: pending.submitted,
      results: request.results,
    });
  });
  step("acceptedRecord", () => {
    saveAcceptedRoster(records, SHEET_ID, outcome.nextAccepted);
    clearPendingSync(records, SHEET_ID);
  });
  // Write-back reads the tab again (rows may have moved meanwhile), then plans the final statuses.
  const reread = input.readTab();
  sampleHeap();
  step("finalStatuses", () => {
    const written = completedStatusCells(reread, HEADER_ROW, outcome, new Date(input.completedAt));
    if (written === null) throw new Error("The re-read tab has no reference ID column.");
    return planStatusWrite(reread, HEADER_ROW, written.columns.status, written.cells);
  });

  return {
    stepCpuMs,
    cpuMs: PIPELINE_STEPS.reduce((total, name) => total + stepCpuMs[name], 0),
    payloadBytes,
    membersSent: roster.members.length,
    counts: {
      added: outcome.counts.added,
      changed: diff.changed.length,
      removed: outcome.counts.removed,
      invalid: diff.invalid.length,
      failed: outcome.counts.failed,
    },
    heapSamples,
    records,
  };
}
