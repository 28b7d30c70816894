import { pathMatches } from "../../../sandbox/emulator/faults";
import { MALFORMED_JSON, realTimeWait } from "../../../sandbox/emulator/faultResponses";
import { startEmulator, type RunningEmulator } from "../../../sandbox/emulator/server";
import { heldWaits } from "./heldWaits";
import { API_KEY, bodyOf, flatError, inProcess, member } from "./support";

describe("pathMatches", () => {
  it.each([
    ["/v1/plans", "/v1/plans", true],
    ["/v1/plans", "/v1/groups", false],
    ["/v1/groups/*", "/v1/groups/grp_1", true],
    ["/v1/groups/*", "/v1/groups", false],
    ["/v1/groups/*", "/v1/groups/grp_1/members/sync", false],
    ["/v1/groups/*/members/sync", "/v1/groups/grp_1/members/sync", true],
    ["/v1/groups/*/members/sync", "/v1/groups/grp_1/members/sync/grpmsr_1", false],
    ["/v1/groups/grp_a%2Fb", "/v1/groups/grp_a%2Fb", true],
    ["/v1/groups/grp_a%2Bb%3D%3D", "/v1/groups/grp_a+b==", true],
  ])("%s against %s: %s", (pattern, path, matches) => {
    expect(pathMatches(pattern, path)).toBe(matches);
  });
});

describe("injected faults on a running emulator", () => {
  let emulator: RunningEmulator;
  // Delays wait for the test, not the clock: a test can see a request held, then let it go.
  const waits = heldWaits();

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, delayWait: waits.wait });
  });
  afterAll(() => emulator.close());
  beforeEach(() => emulator.control.reset());

  function get(path: string): Promise<Response> {
    return fetch(`${emulator.url}${path}`, { headers: { Authorization: `Bearer ${API_KEY}` } });
  }

  async function createGroup(): Promise<string> {
    const response = await fetch(`${emulator.url}/v1/groups`, {
      method: "POST",
      headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: "Tier 1", external_reference_id: "mol_seg_001" }),
    });
    return (await bodyOf(response)).data.id;
  }

  function submitSync(groupId: string): Promise<Response> {
    return fetch(`${emulator.url}/v1/groups/${encodeURIComponent(groupId)}/members/sync`, {
      method: "POST",
      headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ members: [member("EMP-001")] }),
    });
  }

  it("answers a status with Retry-After in seconds and a flat body naming the status", async () => {
    await emulator.control.injectFault({ kind: "status", path: "/v1/plans", status: 429, retryAfter: 3 });
    const response = await get("/v1/plans");
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("3");
    expect(await bodyOf(response)).toEqual(flatError("Too Many Requests", "rate_limited"));
    expect((await get("/v1/plans")).status).toBe(200);
  });

  it("answers a status with Retry-After as an HTTP date and the given body", async () => {
    const body = { error: { code: "maintenance", message: "Back soon" } };
    await emulator.control.injectFault({
      kind: "status",
      path: "/v1/groups",
      status: 503,
      retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT",
      body,
    });
    const response = await get("/v1/groups");
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("Wed, 21 Oct 2026 07:28:00 GMT");
    expect(await bodyOf(response)).toEqual(body);
  });

  it.each([
    [500, "Internal Server Error", "server_error"],
    [502, "Bad Gateway", "server_error"],
    [409, "Conflict", "request_failed"],
  ])("names status %d in its default body", async (status, message, code) => {
    await emulator.control.injectFault({ kind: "status", path: "/v1/plans", status });
    const response = await get("/v1/plans");
    expect(response.status).toBe(status);
    expect(response.headers.get("Retry-After")).toBeNull();
    expect(await bodyOf(response)).toEqual(flatError(message, code));
  });

  it("applies to the next N matching requests, then lets requests through", async () => {
    await emulator.control.injectFault({ kind: "status", path: "/v1/plans", status: 500, times: 3 });
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 4; attempt += 1) statuses.push((await get("/v1/plans")).status);
    expect(statuses).toEqual([500, 500, 500, 200]);
    expect(await emulator.control.faults()).toEqual([]);
  });

  it("matches the method and a path pattern, and applies before authentication", async () => {
    const groupId = await createGroup();
    await emulator.control.injectFault({
      kind: "status",
      method: "POST",
      path: "/v1/groups/*/members/sync",
      status: 502,
    });
    expect((await get(`/v1/groups/${encodeURIComponent(groupId)}`)).status).toBe(200);
    expect((await get("/v1/groups/grp_any/members/sync")).status).toBe(405);
    const unauthenticated = await fetch(`${emulator.url}/v1/groups/grp_any/members/sync`, { method: "POST" });
    expect(unauthenticated.status).toBe(502);
  });

  it("uses faults in the order they were injected", async () => {
    await emulator.control.injectFault({ kind: "status", path: "/v1/plans", status: 500 });
    await emulator.control.injectFault({ kind: "status", path: "/v1/*", status: 503 });
    expect((await get("/v1/plans")).status).toBe(500);
    expect((await get("/v1/plans")).status).toBe(503);
  });

  it("delays the request for the fault's time, then handles it normally", async () => {
    const groupId = await createGroup();
    await emulator.control.injectFault({ kind: "delay", path: "/v1/groups/*/members/sync", delayMs: 150 });
    const submitted = submitSync(groupId);
    const delay = await waits.next();
    expect(delay.ms).toBe(150);
    // Held: the emulator goes on answering other requests, and has not handled this one yet.
    expect((await emulator.control.state()).syncRequests).toEqual([]);
    delay.release();
    expect((await submitted).status).toBe(202);
    expect((await emulator.control.state()).syncRequests).toHaveLength(1);
  });

  it("delays the answer, then answers with the fault's status", async () => {
    await emulator.control.injectFault({ kind: "delay", path: "/v1/plans", delayMs: 100, status: 504, retryAfter: 1 });
    const answered = get("/v1/plans");
    const delay = await waits.next();
    expect(delay.ms).toBe(100);
    delay.release();
    const response = await answered;
    expect(response.status).toBe(504);
    expect(response.headers.get("Retry-After")).toBe("1");
    expect(await bodyOf(response)).toEqual(flatError("Gateway Timeout", "server_error"));
  });

  it("does not handle a delayed request whose client went away", async () => {
    const groupId = await createGroup();
    await emulator.control.injectFault({ kind: "delay", path: "/v1/groups/*/members/sync", delayMs: 150 });
    const abandoned = new AbortController();
    const submitted = fetch(`${emulator.url}/v1/groups/${encodeURIComponent(groupId)}/members/sync`, {
      method: "POST",
      headers: { Authorization: `Bearer ${API_KEY}`, "Content-Type": "application/json" },
      body: JSON.stringify({ members: [member("EMP-001")] }),
      signal: abandoned.signal,
    });
    const delay = await waits.next();
    abandoned.abort();
    await expect(submitted).rejects.toThrow();
    expect(await delay.ended).toBe("aborted");
    expect((await emulator.control.state()).syncRequests).toEqual([]);
  });

  it("answers 200 with a body that is not JSON", async () => {
    await emulator.control.injectFault({ kind: "malformedBody", path: "/v1/groups" });
    const response = await get("/v1/groups");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/json");
    const text = await response.text();
    expect(text).toBe(MALFORMED_JSON);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it("drops the connection without answering, and without handling the request", async () => {
    const groupId = await createGroup();
    await emulator.control.injectFault({ kind: "dropConnection", path: "/v1/groups/*/members/sync" });
    await expect(submitSync(groupId)).rejects.toThrow("fetch failed");
    expect((await emulator.control.state()).syncRequests).toEqual([]);
    expect((await submitSync(groupId)).status).toBe(202);
  });

  it("drops the connection after handling the request, as when an answer is lost", async () => {
    const groupId = await createGroup();
    await emulator.control.injectFault({
      kind: "dropConnection",
      path: "/v1/groups/*/members/sync",
      afterHandling: true,
    });
    await expect(submitSync(groupId)).rejects.toThrow("fetch failed");
    expect((await emulator.control.state()).syncRequests).toHaveLength(1);
  });

  it("never completes the next sync", async () => {
    const groupId = await createGroup();
    await emulator.control.injectFault({ kind: "neverComplete" });
    const requestId = (await bodyOf(await submitSync(groupId))).data.request_id;
    const later = String(Date.now() + 86_400_000);
    const response = await fetch(
      `${emulator.url}/v1/groups/${encodeURIComponent(groupId)}/members/sync/${encodeURIComponent(requestId)}`,
      { headers: { Authorization: `Bearer ${API_KEY}`, "X-Sandbox-Clock": later } },
    );
    expect((await bodyOf(response)).data).toMatchObject({ completed_at: null, results: null });
  });
});

describe("realTimeWait (how delays wait outside tests)", () => {
  it("ends as soon as its signal aborts, without rejecting", async () => {
    const closing = new AbortController();
    const waited = realTimeWait(600_000, closing.signal);
    closing.abort();
    await expect(waited).resolves.toBeUndefined();
  });
});

describe("closing a running emulator", () => {
  it("ends open connections, including a request waiting on a delay", async () => {
    // The test never releases the delay: only closing can end it.
    const waits = heldWaits();
    const emulator = await startEmulator({ port: 0, delayWait: waits.wait });
    await emulator.control.injectFault({ kind: "delay", path: "/v1/plans", delayMs: 60_000 });
    const waiting = fetch(`${emulator.url}/v1/plans`, { headers: { Authorization: `Bearer ${API_KEY}` } });
    const delay = await waits.next();
    await emulator.close();
    expect(await delay.ended).toBe("aborted");
    await expect(waiting).rejects.toThrow("fetch failed");
    await expect(fetch(`${emulator.url}/v1/plans`)).rejects.toThrow("fetch failed");
  });
});

describe("a dropped connection in-process", () => {
  it("is impossible without a socket, and says so with a 500", async () => {
    const emulator = inProcess();
    await emulator.call("POST", "/_sandbox/faults", { body: { kind: "dropConnection", path: "/v1/plans" } });
    const reply = await emulator.call("GET", "/v1/plans");
    expect(reply.status).toBe(500);
    expect(reply.json).toEqual(
      flatError(
        "The emulator failed: A connection can only be dropped when the emulator runs as a server",
        "server_error",
      ),
    );
  });
});
