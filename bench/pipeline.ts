import { getHeapStatistics } from "node:v8";
import type { CellValue } from "../src/core/roster/model";
import { saveTabLink } from "../src/core/state/tabLink";
import { POLLING_ENDS_AFTER_MS } from "../src/core/sync/pollSchedule";
import type { GivenConfirmation, SyncRunResult } from "../src/server/sync/syncResult";
import { runSync, type SyncRequest, type SyncStep } from "../src/server/sync/syncRun";
import type { Plan } from "../src/vitable/apiSchemas";
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
} from "./memoryContext";
import { REJECTED_EMAIL_DOMAIN } from "./roster";

/**
 * One sync's own work, timed in Node: the add-on's real sync pipeline (`runSync`,
 * src/server/sync/) over an in-memory context (bench/memoryContext.ts) — the tab's values in
 * memory, the records as the records sheet's rows, the log, and Vitable answering at once over
 * a fake transport. CPU spent inside those stand-ins is left out, so only the add-on's own
 * computing is timed, split at the steps the pipeline reports (`SyncStep`).
 */

/**
 * `check`: take the lease, fetch the plans, read and validate the tab, diff and guards.
 * `send`: build and send the payload, record the pending sync, write the Pending statuses.
 * `finish`: poll, map Vitable's results, write the final statuses, the records and the log.
 */
export const PIPELINE_STEPS = ["check", "send", "finish"] as const;
export type PipelineStep = (typeof PIPELINE_STEPS)[number];

const SHEET_ID = 0;
const GROUP_NAME = "Benchmark group";
const USER = "hr@example.com";
const REJECTION = "This person is already covered under another organization.";

/** What a sync starts from and leaves behind: the spreadsheet's records and Vitable's organization. */
export interface SyncState {
  records: MemoryRecords;
  vitable: MemoryVitable;
}

export interface PipelineInput {
  /** The tab's values as `getDataRange().getValues()` hands them over; called once per run. */
  readTab(): CellValue[][];
  timeZone: string;
  /** When the sync starts, epoch ms. */
  startedAt: number;
  groupId: string;
  /** A first sync's is `firstSyncState`; a re-sync's is what the sync before it left. */
  before: SyncState;
}

export interface PipelineResult {
  /** CPU milliseconds (user + system) per step, stand-ins left out. */
  stepCpuMs: Record<PipelineStep, number>;
  cpuMs: number;
  /** Bytes of the member sync request body. */
  payloadBytes: number;
  membersSent: number;
  counts: { added: number; changed: number; removed: number; invalid: number; failed: number };
  /** `used_heap_size` at each step, before each service call, and at the end, bytes. */
  heapSamples: number[];
  /** The records and Vitable after the sync: the new last accepted roster and the group. */
  after: SyncState;
}

/** A tab linked to an empty group, in an organization whose Vitable refuses the bench's rejected emails. */
export function firstSyncState(plans: readonly Plan[], groupId: string, linkedAt: number): SyncState {
  const records = new MemoryRecords();
  saveTabLink(records, {
    sheetId: SHEET_ID,
    groupId,
    groupName: GROUP_NAME,
    externalReferenceId: "bench",
    linkedAt: new Date(linkedAt).toISOString(),
    linkedBy: USER,
  });
  const vitable = new MemoryVitable({
    plans,
    refuses: (member) => (member.email?.endsWith(`@${REJECTED_EMAIL_DOMAIN}`) ? REJECTION : null),
  });
  vitable.addGroup(groupId, GROUP_NAME);
  return { records, vitable };
}

/** Fresh services for one run, from copies of `before`, so that every run starts alike. */
function servicesFor(input: PipelineInput): MemoryServices {
  return {
    clock: new ManualClock(input.startedAt),
    calls: new ServiceCalls(),
    records: input.before.records.copy(),
    tabs: [new MemoryTab(SHEET_ID, "Roster", input.readTab())],
    log: new MemoryLog(),
    lock: new MemoryLock(),
    vitable: input.before.vitable.copy(),
  };
}

function syncRequest(
  confirmation: GivenConfirmation | null,
  onStep: (step: SyncStep) => void,
): SyncRequest<"interactive"> {
  return {
    mode: "interactive",
    startedBy: USER,
    confirmation,
    pollBudgetMs: POLLING_ENDS_AFTER_MS,
    onStep,
  };
}

/**
 * What a person would confirm for this sync (a first sync always asks), found by a run of its
 * own outside the measured ones; null when the sync asks nothing.
 */
export function prepareConfirmation(input: PipelineInput): GivenConfirmation | null {
  const services = servicesFor(input);
  const result = runSync(
    memoryContext(services, { user: USER, timeZone: input.timeZone }),
    SHEET_ID,
    syncRequest(null, () => undefined),
  );
  if (result.state !== "needsConfirmation") return null;
  const typed = result.confirmations.find((confirmation) => confirmation.confirmWith.kind === "typed");
  return {
    token: result.token,
    typedPhrase: typed?.confirmWith.kind === "typed" ? typed.confirmWith.phrase : null,
  };
}

function completed(result: SyncRunResult): Extract<SyncRunResult, { state: "completed" }> {
  if (result.state !== "completed") throw new Error(`The benchmark's sync did not complete: ${JSON.stringify(result)}`);
  return result;
}

/** One sync through `runSync`, each step timed with process.cpuUsage() and the heap sampled. */
export function runSyncPipeline(input: PipelineInput, confirmation: GivenConfirmation | null): PipelineResult {
  const services = servicesFor(input);
  const context = memoryContext(services, { user: USER, timeZone: input.timeZone });
  const heapSamples: number[] = [];
  const sampleHeap = () => heapSamples.push(getHeapStatistics().used_heap_size);
  services.calls.beforeCall = sampleHeap;

  const stepCpuMs: Record<PipelineStep, number> = { check: 0, send: 0, finish: 0 };
  let current: PipelineStep = "check";
  let stepStart = process.cpuUsage();
  let standInAtStart = 0;
  let membersSent = 0;
  const endStep = () => {
    const used = process.cpuUsage(stepStart);
    stepCpuMs[current] = (used.user + used.system) / 1_000 - (services.calls.standInCpuMs - standInAtStart);
    sampleHeap();
    standInAtStart = services.calls.standInCpuMs;
    stepStart = process.cpuUsage();
  };
  const onStep = (step: SyncStep) => {
    if (step.kind === "sending") {
      membersSent = step.members;
      endStep();
      current = "send";
    } else if (step.kind === "processing") {
      endStep();
      current = "finish";
    }
  };

  const result = completed(runSync(context, SHEET_ID, syncRequest(confirmation, onStep)));
  endStep();

  const sent = services.vitable.syncs.at(-1);
  if (sent === undefined) throw new Error("The benchmark's sync sent nothing.");
  return {
    stepCpuMs,
    cpuMs: PIPELINE_STEPS.reduce((total, step) => total + stepCpuMs[step], 0),
    payloadBytes: sent.payloadBytes,
    membersSent,
    counts: result.sync.counts,
    heapSamples,
    after: { records: services.records, vitable: services.vitable },
  };
}
