import type { ServiceCall } from "../../../bench/memoryContext";
import { acceptedRosterOf } from "../../../src/core/state/acceptedRosters";
import { pendingSyncOf } from "../../../src/core/state/pendingSync";
import { latestOutcome, tabSyncRecordOf } from "../../../src/core/state/tabSyncRecord";
import { PENDING_GIVES_UP_AFTER_MS } from "../../../src/core/sync/pollSchedule";
import { UNKNOWN_OUTCOME_MESSAGE } from "../../../src/messages/sync";
import {
  NOTHING_TO_CHECK,
  PENDING_LOG_DETAIL,
  PREVIOUS_STILL_PROCESSING,
  STILL_PROCESSING,
} from "../../../src/messages/sync";
import { checkSync } from "../../../src/server/sync/checkSync";
import { appendToLog, logEntryOf } from "../../../src/server/sync/outcomeLog";
import { runSync } from "../../../src/server/sync/syncRun";
import {
  ExecutionStopped,
  FakeSyncWorld,
  GROUP,
  SHEET_ID,
  expectState,
  ids,
  people,
  syncRequest,
  syncedWorld,
} from "../../support/fakeSyncContext";

/** Polls Vitable answers "processing" to before it finds the sync completed: the sync's three, then a check finds it completed. */
const PROCESSING_POLLS = 3;
/** Leaves time for three polls (at 0, 1 and 3 seconds), so the sync outlasts the run. */
const SHORT_BUDGET_MS = 5_000;

/** A tab of 20 synced once, then missing EMP-19 and EMP-20, whose sync Vitable is still processing. */
function worldWithPendingSync(): FakeSyncWorld {
  const world = syncedWorld(20);
  world.vitable.processingPolls = PROCESSING_POLLS;
  world.deleteMembers(ids(19, 20));
  expectState(runSync(world.context(), SHEET_ID, syncRequest({ pollBudgetMs: SHORT_BUDGET_MS })), "pending");
  return world;
}

function acceptedIds(world: FakeSyncWorld): string[] {
  return (acceptedRosterOf(world.records, SHEET_ID)?.members ?? []).map((person) => person.referenceId).sort();
}

beforeEach(() => {
  // A stopped execution's error reaches the add-on's catch-all, which notes its kind on the console.
  jest.spyOn(console, "error").mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe("a sync Vitable has accepted but not finished", () => {
  it("is recorded before the first poll; its rows are written once, with the outcome", () => {
    const world = syncedWorld(20);
    world.deleteMembers(ids(19, 20));
    world.stopAt("vitable.poll", 1);

    expect(() => runSync(world.context(), SHEET_ID, syncRequest())).toThrow(ExecutionStopped);

    const pending = pendingSyncOf(world.records, SHEET_ID);
    expect(pending).toMatchObject({ requestId: world.vitable.syncs[1]?.requestId, counts: { removed: 2 } });
    expect(pending?.submitted.map((person) => person.referenceId)).toEqual(ids(1, 18));
    // Stopped without warning: the rows were not written yet, and say what they said before.
    expect(ids(1, 18).map((id) => world.statusOf(id))).toEqual(ids(1, 18).map(() => "Added"));

    world.restartAfterStop();
    const done = expectState(checkSync(world.context(), SHEET_ID), "completed");
    expect(done.sync.counts.removed).toBe(2);
    expect(world.statusOf("EMP-1")).toBe("Synced");
    expect(pendingSyncOf(world.records, SHEET_ID)).toBeNull();
  });

  it("stays pending, logged as such, until a later progress check finds it completed", () => {
    const world = worldWithPendingSync();
    const [pendingRow] = world.logged("pending");
    expect(pendingRow?.entry).toMatchObject({ detail: PENDING_LOG_DETAIL, counts: { removed: 2 } });
    expect(world.statusOf("EMP-1")).toBe("Pending");

    const done = expectState(checkSync(world.context(), SHEET_ID), "completed");

    expect(done.sync.counts).toMatchObject({ removed: 2, changed: 0 });
    expect(done.sync.removed.map((person) => person.referenceId)).toEqual(ids(19, 20));
    expect(world.statusOf("EMP-1")).toBe("Synced");
    expect(acceptedIds(world)).toEqual(ids(1, 18).sort());
    expect(world.logged("completed").map(({ row }) => row)).toEqual([2, (pendingRow?.row ?? 0) + 1]);
    expect(pendingSyncOf(world.records, SHEET_ID)).toBeNull();
  });

  it("says the earlier one is still processing to a new sync, which sends nothing", () => {
    const world = worldWithPendingSync();
    world.vitable.syncs[1]!.pollsLeft = 100;

    const again = expectState(
      runSync(world.context(), SHEET_ID, syncRequest({ pollBudgetMs: SHORT_BUDGET_MS })),
      "pending",
    );

    expect(again.message).toBe(PREVIOUS_STILL_PROCESSING);
    expect(world.vitable.syncs).toHaveLength(2);
  });

  it("answers a progress check with still processing after one look at Vitable, without waiting", () => {
    const world = worldWithPendingSync();
    world.vitable.syncs[1]!.pollsLeft = 100;
    const polls = world.calls.countOf("vitable.poll");
    const startedAt = world.clock.now();

    expect(expectState(checkSync(world.context(), SHEET_ID), "pending").message).toBe(STILL_PROCESSING);
    expect(world.calls.countOf("vitable.poll")).toBe(polls + 1);
    expect(world.clock.now()).toBe(startedAt);
  });

  it("is finished by the next sync of the tab before it reads the tab", () => {
    const world = worldWithPendingSync();

    const done = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "completed");

    expect(world.vitable.syncs).toHaveLength(3);
    expect(done.sync.requestId).toBe(world.vitable.syncs[2]?.requestId);
    expect(world.logged("completed")).toHaveLength(3);
  });

  it("is given up when Vitable answers 404, its rows no longer saying Pending", () => {
    const world = worldWithPendingSync();
    const { requestId } = pendingSyncOf(world.records, SHEET_ID)!;
    world.vitable.deleteGroup(GROUP.id);

    const failed = expectState(checkSync(world.context(), SHEET_ID), "failed");

    expect(failed.message).toContain("cannot be read");
    expect(pendingSyncOf(world.records, SHEET_ID)).toBeNull();
    expect(world.statusOf("EMP-1")).toBe("Ready");
    expect(world.tab.cell(world.rowOf("EMP-1"), "Vitable Message")).toBe(UNKNOWN_OUTCOME_MESSAGE);
    expect(world.logged("failed").map(({ entry }) => entry.requestId)).toEqual([requestId]);
    expect(tabSyncRecordOf(world.records, SHEET_ID).settled).toEqual({
      state: "failed",
      requestId,
      message: failed.message,
    });
    expect(acceptedIds(world)).toEqual(ids(1, 20).sort());
  });

  it("is given up once Vitable has not finished it after 24 hours", () => {
    const world = worldWithPendingSync();
    world.vitable.syncs[1]!.pollsLeft = 100;
    world.clock.advance(PENDING_GIVES_UP_AFTER_MS);

    const failed = expectState(checkSync(world.context(), SHEET_ID), "failed");

    expect(failed.message).toContain("after 24 hours");
    expect(pendingSyncOf(world.records, SHEET_ID)).toBeNull();
    expect(world.statusOf("EMP-1")).toBe("Ready");
  });

  it("answers a progress check after it settled with how it settled, from the records", () => {
    const world = worldWithPendingSync();
    const done = expectState(checkSync(world.context(), SHEET_ID), "completed");
    const pollsBefore = world.calls.countOf("vitable.poll");

    expect(checkSync(world.context(), SHEET_ID)).toEqual(done);
    expect(world.calls.countOf("vitable.poll")).toBe(pollsBefore);
  });

  it("leaves nothing to check on a tab that never synced", () => {
    const world = new FakeSyncWorld({ members: people(2) });

    expect(checkSync(world.context(), SHEET_ID)).toEqual({ state: "failed", message: NOTHING_TO_CHECK });
  });
});

describe("finishing a sync stopped part-way", () => {
  // A progress check takes the lease (1st records write), looks at Vitable once (it has
  // finished), then writes the statuses, the settled sync (2nd), its log row, the last accepted
  // roster (3rd), the pending record's removal (4th) and the lease's release (5th).
  const stops: [ServiceCall, number][] = [
    ["records.set", 1],
    ["vitable.poll", 1],
    ["tab.writeStatuses", 1],
    ["records.set", 2],
    ["log.writeAt", 1],
    ["records.set", 3],
    ["records.set", 4],
    ["records.set", 5],
  ];

  it.each(stops)("logs the outcome once, in one row, when stopped at %s #%i and run again", (call, nth) => {
    const world = worldWithPendingSync();
    const { requestId } = pendingSyncOf(world.records, SHEET_ID)!;
    const completedRow = world.log.nextRow(0);
    world.stopAt(call, nth);

    expect(() => checkSync(world.context(), SHEET_ID)).toThrow(ExecutionStopped);
    world.restartAfterStop();
    const done = expectState(checkSync(world.context(), SHEET_ID), "completed");

    const logged = world.logged().filter(({ entry }) => entry.requestId === requestId);
    expect(logged.map(({ row, entry }) => [row, entry.outcome])).toEqual([
      [completedRow - 1, "pending"],
      [completedRow, "completed"],
    ]);
    expect(done.sync.counts.removed).toBe(2);
    expect(acceptedIds(world)).toEqual(ids(1, 18).sort());
    expect(world.statusOf("EMP-1")).toBe("Synced");
    expect(pendingSyncOf(world.records, SHEET_ID)).toBeNull();
    expect(latestOutcome(tabSyncRecordOf(world.records, SHEET_ID))).toEqual(logged[1]?.entry);
  });

  it("keeps another run's log entry written before the stopped outcome is: it goes below the promised row", () => {
    const world = worldWithPendingSync();
    const { requestId } = pendingSyncOf(world.records, SHEET_ID)!;
    const promisedRow = world.log.nextRow(0);
    world.stopAt("log.writeAt", 1);
    expect(() => checkSync(world.context(), SHEET_ID)).toThrow(ExecutionStopped);
    world.restartAfterStop();

    // Another tab's run appends before anyone resumes the stopped one.
    const other = world.context();
    const otherEntry = logEntryOf(other, null, "Other group", {
      startedBy: "colleague@example.com",
      outcome: "blocked",
      detail: "Blocked for a reason of its own.",
    });
    appendToLog(other, [otherEntry]);
    expectState(checkSync(world.context(), SHEET_ID), "completed");

    const rows = world.logged().map(({ row, entry }) => [row, entry.requestId || entry.group, entry.outcome]);
    expect(rows.slice(-2)).toEqual([
      [promisedRow, requestId, "completed"],
      [promisedRow + 1, "Other group", "blocked"],
    ]);
  });
});
