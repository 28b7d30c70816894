import type { FaultSpec } from "../../sandbox/emulator/controlSchemas";
import {
  personRow,
  rosterOf,
  startAddonSandbox,
  World,
  type AddonSandbox,
  type WorldOptions,
} from "./support/addonSandbox";

/** Product.md §6: every failure reaches the user as a sentence they can act on, and the log for scheduled runs. */

let sandbox: AddonSandbox;
beforeAll(async () => {
  sandbox = await startAddonSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.emulator.control.reset());

const SUBMIT_PATH = "/v1/groups/*/members/sync";
const UNAUTHORIZED_BODY = { error: { code: "unauthorized", message: "Invalid or missing API key" } };
/** The first attempt and the client's two retries. */
const EVERY_ATTEMPT = 3;

/** Two people synced once, then a third typed: the next sync has something to send. */
function syncedWorld(options: WorldOptions = {}): { world: World; groupId: string } {
  const world = new World(sandbox, options);
  world.type(rosterOf(2));
  const groupId = world.firstSync();
  world.roster.typeRows(4, 1, [personRow(3)]);
  return { world, groupId };
}

function startSync(world: World) {
  return world.call("startSync", { sheetId: world.sheetId, confirmed: [], typedPhrase: null });
}

async function expectNothingAccepted(world: World, requestsBefore: number): Promise<void> {
  expect(await world.syncRequestCount()).toBe(requestsBefore);
  expect(world.call("getSidebarState", {}).tab.pending).toBeNull();
}

describe("401: the API key", () => {
  it("is refused when connecting, and nothing is saved", () => {
    const world = new World(sandbox);

    const answer = world.callRaw("connect", { apiKey: "vit_apk_revoked0000", environment: "uat", scope: "user" });

    expect(answer).toEqual({
      ok: false,
      message: "Vitable rejected this API key. Check that you copied all of it and that it is a UAT key.",
    });
    expect(world.call("getSidebarState", {}).connection).toBeNull();
  });

  it("revoked during a sync fails it with a sentence saying to connect again, logged", async () => {
    const { world } = syncedWorld();
    const requests = await world.syncRequestCount();
    await sandbox.emulator.control.injectFault({
      kind: "status",
      path: SUBMIT_PATH,
      status: 401,
      body: UNAUTHORIZED_BODY,
    });

    const result = startSync(world);

    expect(result).toEqual({
      state: "failed",
      message: expect.stringMatching(/^Vitable rejected this API key\..*connect again/),
    });
    await expectNothingAccepted(world, requests);
    expect(world.logEntries().at(-1)).toMatchObject({
      Outcome: "Failed",
      Details: result.state === "failed" ? result.message : "",
    });
    // No retry for a 401: the fault applied once and is used up, and nothing else was tried.
    expect(await sandbox.emulator.control.faults()).toEqual([]);
  });
});

describe("404: the group", () => {
  it("gone from Vitable fails the sync with a sentence saying to link an existing group", async () => {
    const { world, groupId } = syncedWorld();
    // Vitable forgets everything but the seeded key: the linked group no longer exists.
    await sandbox.emulator.control.reset();

    const result = startSync(world);

    expect(result).toEqual({
      state: "failed",
      message: expect.stringContaining(
        `Vitable has no group ${groupId} in this organization: it was deleted, or the API key belongs to another organization. Link this tab to an existing group.`,
      ),
    });
    expect(world.call("getSidebarState", {}).tab.pending).toBeNull();
  });

  it("gone while its sync was processing ends the pending sync with a sentence, logged", async () => {
    const world = new World(sandbox);
    world.type(rosterOf(2));
    world.linkNewGroup();
    await sandbox.emulator.control.setProcessingDelay(60_000);
    const started = world.call("startSync", {
      sheetId: world.sheetId,
      confirmed: ["noLastAccepted"],
      typedPhrase: null,
    });
    expect(started.state).toBe("pending");
    await sandbox.emulator.control.reset();

    const result = world.call("checkSync", { sheetId: world.sheetId });

    expect(result).toEqual({
      state: "failed",
      message: expect.stringContaining("cannot be read; check the group in Vitable, then sync again"),
    });
    expect(world.call("getSidebarState", {}).tab.pending).toBeNull();
    expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Failed" });
  });
});

describe("Vitable busy or failing", () => {
  it("429 on every attempt: tried three times, honouring Retry-After, then a sentence saying to wait", async () => {
    const { world, groupId } = syncedWorld();
    const requests = await world.syncRequestCount();
    await sandbox.emulator.control.injectFault({
      kind: "status",
      path: SUBMIT_PATH,
      status: 429,
      retryAfter: 7,
      times: EVERY_ATTEMPT,
    });
    const before = world.clock.now();

    const result = startSync(world);

    expect(result).toEqual({
      state: "failed",
      message: expect.stringContaining(
        `Vitable is receiving too many requests right now, so the add-on could not send the roster to group ${groupId}. Wait a few minutes, then try again.`,
      ),
    });
    expect(await sandbox.emulator.control.faults()).toEqual([]);
    expect(world.clock.now() - before).toBeGreaterThanOrEqual(2 * 7_000);
    await expectNothingAccepted(world, requests);
  });

  it("429 once, then accepted: the retry goes through and the sync completes", async () => {
    const { world, groupId } = syncedWorld();
    await sandbox.emulator.control.injectFault({ kind: "status", path: SUBMIT_PATH, status: 429, retryAfter: 1 });

    const result = startSync(world);

    expect(result.state).toBe("completed");
    expect(await world.membersOf(groupId)).toEqual(["1001", "1002", "1003"]);
  });

  it("5xx on every attempt: a sentence saying Vitable had a problem", async () => {
    const { world } = syncedWorld();
    const requests = await world.syncRequestCount();
    await sandbox.emulator.control.injectFault({
      kind: "status",
      path: "/v1/plans",
      status: 503,
      times: EVERY_ATTEMPT,
    });

    const result = startSync(world);

    expect(result).toEqual({
      state: "failed",
      message: expect.stringMatching(
        /^Vitable had a problem on its side \(HTTP 503\) and could not list the plans\. Wait a few minutes/,
      ),
    });
    expect(await sandbox.emulator.control.faults()).toEqual([]);
    await expectNothingAccepted(world, requests);
  });

  const scheduledFailures: [number, string, string][] = [
    [500, SUBMIT_PATH, "Vitable had a problem on its side (HTTP 500) and could not send the roster"],
    [429, SUBMIT_PATH, "Vitable is receiving too many requests right now"],
    [401, "/v1/plans", "Vitable rejected this API key."],
  ];

  it.each(scheduledFailures)(
    "%i during a scheduled run: the log and the problem email carry the sentence",
    async (status, path, sentence) => {
      const { world } = syncedWorld();
      world.call("setSchedule", { frequency: { kind: "hours", every: 2 }, emailOnProblem: true });
      const requests = await world.syncRequestCount();
      await sandbox.emulator.control.injectFault({ kind: "status", path, status, times: EVERY_ATTEMPT });
      // The run starts 300 ms into a second: the log, kept to the second, reads its entry as earlier.
      world.clock.advance(1_300 - (world.clock.now() % 1_000));

      world.runSchedule();

      const logged = world.logEntries().at(-1)!;
      expect(logged).toMatchObject({ Outcome: "Failed", "Started by": "Schedule (hr@example.com)" });
      expect(logged.Details).toContain(sentence);
      expect(world.call("getSidebarState", {}).schedule.lastRun?.outcome).toBe("failed");
      expect(world.runtime.mail.sent()[0]?.body).toContain(sentence);
      await expectNothingAccepted(world, requests);
    },
  );
});

describe("no answer from Vitable", () => {
  const networkFaults: [string, FaultSpec, RegExp][] = [
    [
      "a request timing out",
      { kind: "delay", path: "/v1/plans", delayMs: 1_500, times: EVERY_ATTEMPT },
      /^Vitable did not answer in time, so the add-on could not list the plans\. Wait a few minutes, then try again\.$/,
    ],
    [
      "a dropped connection",
      { kind: "dropConnection", path: "/v1/plans", times: EVERY_ATTEMPT },
      /^The add-on could not reach Vitable at api\.uat\.vitablehealth\.com, so it could not list the plans\./,
    ],
  ];

  it.each(networkFaults)("%s on every attempt fails the sync with a sentence", async (_, fault, sentence) => {
    const { world } = syncedWorld({ fetchTimeoutMs: 300 });
    const requests = await world.syncRequestCount();
    await sandbox.emulator.control.injectFault(fault);

    const result = startSync(world);

    expect(result.state).toBe("failed");
    expect(result.state === "failed" && result.message).toMatch(sentence);
    await expectNothingAccepted(world, requests);
    expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Failed" });
  });

  it("a dropped connection in a sidebar call that is not a sync answers with the sentence", async () => {
    const world = new World(sandbox);
    world.connect();
    await sandbox.emulator.control.injectFault({ kind: "dropConnection", path: "/v1/groups", times: EVERY_ATTEMPT });

    const answer = world.callRaw("listGroups", {});

    expect(answer).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^The add-on could not reach Vitable at api\.uat\.vitablehealth\.com, so it could not list the groups\./,
      ),
    });
  });
});
