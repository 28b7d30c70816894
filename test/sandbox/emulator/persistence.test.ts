import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type RunningEmulator } from "../../../sandbox/emulator/server";
import { API_KEY, bodyOf, member, T0 } from "./support";

describe("persistence with a data file", () => {
  let directory: string;
  let dataFile: string;
  const running: RunningEmulator[] = [];

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "vitable-emulator-"));
    dataFile = join(directory, "nested", "state.json");
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emulator) => emulator.close()));
    rmSync(directory, { recursive: true, force: true });
  });

  async function start(): Promise<RunningEmulator> {
    const emulator = await startEmulator({ port: 0, dataFile });
    running.push(emulator);
    return emulator;
  }

  async function api(emulator: RunningEmulator, method: string, path: string, clockMs: number, body?: unknown) {
    const response = await fetch(`${emulator.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${API_KEY}`,
        "Content-Type": "application/json",
        "X-Sandbox-Clock": String(clockMs),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: await bodyOf(response) };
  }

  it("keeps groups, pending syncs, faults and the clock across a restart", async () => {
    const first = await start();
    expect(existsSync(dataFile)).toBe(true);
    const group = (await api(first, "POST", "/v1/groups", T0, { name: "Tier 1", external_reference_id: "t1" })).json
      .data;
    const syncPath = `/v1/groups/${encodeURIComponent(group.id)}/members/sync`;
    const requestId = (await api(first, "POST", syncPath, T0, { members: [member("EMP-001")] })).json.data.request_id;
    await first.control.injectFault({ kind: "status", path: "/v1/plans", status: 503, times: 2 });
    await api(first, "GET", "/v1/plans", T0 + 500);
    await first.close();
    running.splice(0);
    expect(readdirSync(join(directory, "nested"))).toEqual(["state.json"]);

    const second = await start();
    const state = await second.control.state();
    expect(state.clockMs).toBe(T0 + 500);
    expect(state.groups.map(({ members, ...rest }) => rest)).toEqual([group]);
    expect(state.faults).toMatchObject([{ status: 503, remaining: 1 }]);
    expect(state.syncRequests).toMatchObject([{ request_id: requestId, status: "processing" }]);

    const detail = await api(second, "GET", `${syncPath}/${encodeURIComponent(requestId)}`, T0 + 1000);
    expect(detail.json.data.results.added_group_member_ids).toHaveLength(1);
    // IDs continue where they were: the next group gets a new one.
    const next = (await api(second, "POST", "/v1/groups", T0 + 1000, { name: "Tier 2", external_reference_id: "t2" }))
      .json;
    expect(next.data.id).not.toBe(group.id);
  });

  it("saves after every change, so the file always holds the latest state", async () => {
    const emulator = await start();
    await emulator.control.setProcessingDelay(42);
    expect(JSON.parse(readFileSync(dataFile, "utf8")).processingDelayMs).toBe(42);
  });

  it("refuses a file that does not hold emulator state, saying how to start over", async () => {
    writeFileSync(join(directory, "broken.json"), "{ not json");
    await expect(startEmulator({ port: 0, dataFile: join(directory, "broken.json") })).rejects.toThrow(
      /data file .*broken\.json is not valid JSON .*; delete it to start over\./,
    );
    writeFileSync(join(directory, "other.json"), JSON.stringify({ groups: [] }));
    await expect(startEmulator({ port: 0, dataFile: join(directory, "other.json") })).rejects.toThrow(
      /data file .*other\.json does not hold emulator state \(format: .*\); delete it to start over\./,
    );
  });
});
