import { acceptedRosterOf } from "../../../src/core/state/acceptedRosters";
import { pendingSyncOf } from "../../../src/core/state/pendingSync";
import { latestOutcome, tabSyncRecordOf } from "../../../src/core/state/tabSyncRecord";
import { runSync, type SyncStep } from "../../../src/server/sync/syncRun";
import {
  FakeSyncWorld,
  SHEET_ID,
  confirmed,
  expectState,
  ids,
  people,
  syncRequest,
} from "../../support/fakeSyncContext";

describe("a first sync of a tab", () => {
  it("asks before sending anything, since nothing shows who the group holds yet", () => {
    const world = new FakeSyncWorld({ members: people(4) });

    const asked = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "needsConfirmation");

    expect(asked.confirmations.map((confirmation) => confirmation.guard)).toEqual(["noLastAccepted"]);
    expect(asked.changedSinceConfirmed).toBe(false);
    expect(world.vitable.syncs).toHaveLength(0);
    expect(world.calls.countOf("vitable.submit")).toBe(0);
    expect(ids(1, 4).map((id) => world.statusOf(id))).toEqual(["Ready", "Ready", "Ready", "Ready"]);
    expect(world.logged()).toEqual([]);
  });

  it("sends everyone once confirmed with the token, and writes the outcome to the tab, the records and the log", () => {
    const world = new FakeSyncWorld({ members: people(4) });
    const asked = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "needsConfirmation");
    const steps: SyncStep[] = [];

    const done = expectState(
      runSync(
        world.context(),
        SHEET_ID,
        syncRequest({ confirmation: confirmed(asked.token), onStep: (step) => steps.push(step) }),
      ),
      "completed",
    );

    expect(done.sync.counts).toEqual({ added: 4, changed: 0, removed: 0, failed: 0, invalid: 0 });
    expect(steps).toEqual([{ kind: "checking" }, { kind: "sending", members: 4 }, { kind: "processing" }]);
    expect(world.groupMembers()).toEqual(ids(1, 4));
    expect(ids(1, 4).map((id) => world.statusOf(id))).toEqual(["Added", "Added", "Added", "Added"]);
    expect(acceptedRosterOf(world.records, SHEET_ID)?.members.map((person) => person.referenceId)).toEqual(ids(1, 4));
    expect(pendingSyncOf(world.records, SHEET_ID)).toBeNull();
    const [completed] = world.logged("completed");
    expect(world.logged()).toHaveLength(1);
    expect(completed?.entry).toMatchObject({ requestId: done.sync.requestId, startedBy: "hr@example.com" });
    expect(latestOutcome(tabSyncRecordOf(world.records, SHEET_ID))).toEqual(completed?.entry);
  });

  it("reads the tab once per run and writes its statuses once per run: when it asks, then with the outcome", () => {
    const world = new FakeSyncWorld({ members: people(4) });
    const asked = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "needsConfirmation");
    expect(world.calls.countOf("tab.values")).toBe(1);

    runSync(world.context(), SHEET_ID, syncRequest({ confirmation: confirmed(asked.token) }));

    // The second read is write-back's: rows may have moved while Vitable worked.
    expect(world.calls.countOf("tab.values")).toBe(1 + 2);
    expect(world.calls.countOf("tab.writeStatuses")).toBe(1 + 1);
    expect(world.calls.countOf("vitable.submit")).toBe(1);
    expect(world.calls.countOf("vitable.poll")).toBe(1);
  });

  it("marks a Vitable refusal Failed on its row and keeps the person out of the last accepted roster", () => {
    const reason = "This person is already covered under another organization.";
    const world = new FakeSyncWorld({
      members: people(3),
      refuses: (person) => (person.reference_id === "EMP-2" ? reason : null),
    });
    const asked = expectState(runSync(world.context(), SHEET_ID, syncRequest()), "needsConfirmation");

    const done = expectState(
      runSync(world.context(), SHEET_ID, syncRequest({ confirmation: confirmed(asked.token) })),
      "completed",
    );

    expect(done.sync.counts).toMatchObject({ added: 2, failed: 1 });
    expect(world.statusOf("EMP-2")).toBe("Failed");
    expect(world.tab.cell(world.rowOf("EMP-2"), "Vitable Message")).toContain(reason);
    expect(acceptedRosterOf(world.records, SHEET_ID)?.members.map((person) => person.referenceId)).toEqual([
      "EMP-1",
      "EMP-3",
    ]);
  });

  it("does not take a token that was never given", () => {
    const world = new FakeSyncWorld({ members: people(2) });

    const again = expectState(
      runSync(world.context(), SHEET_ID, syncRequest({ confirmation: confirmed("0.0.made-up") })),
      "needsConfirmation",
    );

    expect(again.changedSinceConfirmed).toBe(true);
    expect(world.vitable.syncs).toHaveLength(0);
  });
});
