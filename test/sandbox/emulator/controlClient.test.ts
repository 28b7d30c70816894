import { ControlClient } from "../../../sandbox/emulator/controlClient";
import { startEmulator, type RunningEmulator } from "../../../sandbox/emulator/server";
import { API_KEY, bodyOf, ID, member } from "./support";

describe("ControlClient", () => {
  let emulator: RunningEmulator;
  let control: ControlClient;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    control = emulator.control;
  });
  afterAll(() => emulator.close());
  beforeEach(() => control.reset());

  function plans(key = API_KEY): Promise<Response> {
    return fetch(`${emulator.url}/v1/plans`, { headers: { Authorization: `Bearer ${key}` } });
  }

  it("reads the state and resets it", async () => {
    await control.addApiKey({ key: "vit_apk_other" });
    expect((await control.state()).apiKeys).toHaveLength(2);
    const reset = await control.reset();
    expect(reset.apiKeys).toEqual([{ key: "vit_apk_sandbox", organizationId: "org_sandbox" }]);
  });

  it("adds keys and replaces plans", async () => {
    const added = await control.addApiKey({ key: "vit_apk_other" });
    expect(added).toEqual({ key: "vit_apk_other", organizationId: expect.stringMatching(ID.organization) });
    const replaced = await control.setPlans(added.organizationId, [{ id: "pln_only", name: "Only" }]);
    expect(replaced).toEqual([{ id: "pln_only", name: "Only" }]);
    expect((await bodyOf(await plans("vit_apk_other"))).data).toEqual(replaced);
  });

  it("sets the processing delay and marks and clears unremovable reference IDs", async () => {
    await control.setProcessingDelay(5);
    expect(await control.markUnremovable({ referenceIds: ["EMP-001"], groupId: "grp_x" })).toEqual([
      { referenceId: "EMP-001", groupId: "grp_x" },
    ]);
    await control.clearUnremovable();
    const state = await control.state();
    expect(state.processingDelayMs).toBe(5);
    expect(state.unremovable).toEqual([]);
  });

  it("injects, lists and clears faults", async () => {
    const fault = await control.injectFault({ kind: "status", path: "/v1/plans", status: 500, times: 2 });
    expect(fault).toMatchObject({ id: expect.any(String), remaining: 2 });
    expect((await plans()).status).toBe(500);
    expect(await control.faults()).toEqual([{ ...fault, remaining: 1 }]);
    await control.clearFaults();
    expect((await plans()).status).toBe(200);
  });

  it("throws the emulator's message when a request is refused", async () => {
    await expect(control.setPlans("org_nobody", [])).rejects.toThrow(
      'The emulator refused PUT /_sandbox/organizations/org_nobody/plans (404): {"message":"There is no organization org_nobody"}',
    );
  });

  it("sends its clock, so reading the state completes the syncs due by then", async () => {
    // Ahead of the real time the other tests' requests left the shared emulator at.
    const acceptedAt = Date.now() + 86_400_000;
    const headers = {
      Authorization: `Bearer ${API_KEY}`,
      "Content-Type": "application/json",
      "X-Sandbox-Clock": String(acceptedAt),
    };
    const group = await fetch(`${emulator.url}/v1/groups`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Tier 1", external_reference_id: "t1" }),
    });
    const groupId = (await bodyOf(group)).data.id;
    await fetch(`${emulator.url}/v1/groups/${encodeURIComponent(groupId)}/members/sync`, {
      method: "POST",
      headers,
      body: JSON.stringify({ members: [member("EMP-001")] }),
    });
    expect((await control.state()).syncRequests[0]!.status).toBe("processing");
    const clocked = new ControlClient(emulator.url, { clock: () => acceptedAt + 1000 });
    expect((await clocked.state()).syncRequests[0]!.status).toBe("completed");
  });
});
