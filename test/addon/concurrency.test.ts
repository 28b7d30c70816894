import type { SyncResultView } from "../../src/shared/bridge";
import { personRow, rosterOf, startAddonSandbox, World, type AddonSandbox } from "./support/addonSandbox";

/** Product invariant 6: one sync per spreadsheet at a time; a second attempt is told so, not queued. */

let sandbox: AddonSandbox;
beforeAll(async () => {
  sandbox = await startAddonSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.emulator.control.reset());

const ALREADY_RUNNING = /a sync is already running/i;

describe("while another execution holds the spreadsheet's document lock", () => {
  function lockedWorld(): World {
    const world = new World(sandbox);
    world.type(rosterOf(2));
    world.firstSync();
    world.roster.typeRows(4, 1, [personRow(3)]);
    world.runtime.locks.holdForAnotherExecution({ kind: "document", documentId: world.spreadsheet.id });
    return world;
  }

  it("tells a sidebar sync that a sync is already running and sends nothing", async () => {
    const world = lockedWorld();
    const requests = await world.syncRequestCount();

    const result = world.call("startSync", { sheetId: world.sheetId, confirmed: [], typedPhrase: null });

    expect(result).toEqual({ state: "failed", message: expect.stringMatching(ALREADY_RUNNING) });
    expect(await world.syncRequestCount()).toBe(requests);
    expect(world.statuses().get(4)?.status).toBe("");
  });

  it("tells a menu sync the same in its alert", async () => {
    const world = lockedWorld();
    const requests = await world.syncRequestCount();

    world.runMenu("syncActiveTab");

    expect(world.runtime.ui.shown.at(-1)).toMatchObject({
      type: "alert",
      prompt: expect.stringMatching(ALREADY_RUNNING),
    });
    expect(await world.syncRequestCount()).toBe(requests);
  });

  it("syncs once the other execution lets go", async () => {
    const world = lockedWorld();
    world.runtime.locks.release({ kind: "document", documentId: world.spreadsheet.id });

    expect(world.sync().state).toBe("completed");
  });
});

it("tells a sidebar sync started while a scheduled sync runs that a sync is already running", async () => {
  let duringSchedule: SyncResultView | undefined;
  let checkDuringSchedule: SyncResultView | undefined;
  const world: World = new World(sandbox, {
    // The user clicks Sync in the sidebar the moment the scheduled run first calls Vitable.
    beforeCall: (call, execution) => {
      if (execution.kind !== "trigger" || call.service !== "UrlFetchApp" || duringSchedule !== undefined) return;
      duringSchedule = world.call("startSync", { sheetId: world.sheetId, confirmed: [], typedPhrase: null });
      checkDuringSchedule = world.call("checkSync", { sheetId: world.sheetId });
    },
  });
  world.type(rosterOf(2));
  const groupId = world.firstSync();
  world.roster.typeRows(4, 1, [personRow(3)]);
  world.call("setSchedule", { frequency: { kind: "hours", every: 4 }, emailOnProblem: false });
  const requests = await world.syncRequestCount();

  expect(world.runSchedule().ok).toBe(true);

  expect(duringSchedule).toEqual({ state: "failed", message: expect.stringMatching(ALREADY_RUNNING) });
  expect(checkDuringSchedule).toEqual({ state: "failed", message: expect.stringMatching(ALREADY_RUNNING) });
  // Only the scheduled run's sync went out.
  expect(await world.syncRequestCount()).toBe(requests + 1);
  expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
  expect(world.logEntries().filter((entry) => entry["Started by"] === "hr@example.com")).toHaveLength(1);
});
