import fc from "fast-check";
import { MAX_PAGES, type VitableClient } from "../../src/vitable/client";
import { VITABLE_BASE_URLS } from "../../src/vitable/environments";
import { vitableErrorSentence } from "../../src/messages/vitableErrors";
import {
  VitableBadResponseError,
  VitableBusyError,
  VitableConflictError,
  VitableError,
  VitableForbiddenError,
  VitableNetworkError,
  VitableNotFoundError,
  VitableOutOfTimeError,
  VitableRejectedError,
  VitableServerError,
  VitableUnauthorizedError,
} from "../../src/vitable/errors";
import { TransportError } from "../../src/vitable/transport";
import { jane } from "../support/exampleMember";
import {
  API_KEY,
  group,
  harness,
  page,
  plan,
  receipt,
  reply,
  times,
  vitableErrorOf,
  type ScriptedReply,
} from "./fakeVitable";

const BASE = "https://api.vitablehealth.com";
const READ_HEADERS = { Authorization: `Bearer ${API_KEY}`, Accept: "application/json" };
const WRITE_HEADERS = { ...READ_HEADERS, "Content-Type": "application/json" };

const processing = { ...receipt, completed_at: null, results: null };
const completed = {
  ...receipt,
  completed_at: "2026-01-15T10:30:04+00:00",
  results: {
    added_group_member_ids: ["gm_1"],
    removed_group_member_ids: ["gm_2"],
    failures: [{ reference_id: "EMP-007", operation: "add", reason: "Already covered by another organization" }],
  },
};

describe("requests and results of every endpoint", () => {
  it.each<{
    name: string;
    call: (client: VitableClient) => unknown;
    response: ScriptedReply;
    method: string;
    url: string;
    headers: Record<string, string>;
    body?: unknown;
    result: unknown;
  }>([
    {
      name: "checkKey",
      call: (client) => client.checkKey(),
      response: reply(200, page([plan], 1, 1)),
      method: "GET",
      url: `${BASE}/v1/plans?limit=1`,
      headers: READ_HEADERS,
      result: undefined,
    },
    {
      name: "listPlans",
      call: (client) => client.listPlans(),
      response: reply(200, page([plan], 1, 1)),
      method: "GET",
      url: `${BASE}/v1/plans?limit=100&page=1`,
      headers: READ_HEADERS,
      result: [plan],
    },
    {
      name: "listGroups",
      call: (client) => client.listGroups(),
      response: reply(200, page([group], 1, 1)),
      method: "GET",
      url: `${BASE}/v1/groups?limit=100&page=1`,
      headers: READ_HEADERS,
      result: [group],
    },
    {
      name: "getGroup, with an ID that needs encoding",
      call: (client) => client.getGroup("grp_ab/c+d=="),
      response: reply(200, { data: group }),
      method: "GET",
      url: `${BASE}/v1/groups/grp_ab%2Fc%2Bd%3D%3D`,
      headers: READ_HEADERS,
      result: group,
    },
    {
      name: "createGroup, answered 201",
      call: (client) => client.createGroup({ name: "Tier 1", external_reference_id: "mol_seg_001" }),
      response: reply(201, { data: group }),
      method: "POST",
      url: `${BASE}/v1/groups`,
      headers: WRITE_HEADERS,
      body: { name: "Tier 1", external_reference_id: "mol_seg_001" },
      result: group,
    },
    {
      name: "createGroup, answered with the abbreviated group",
      call: (client) => client.createGroup({ name: "Tier 1", external_reference_id: "mol_seg_001" }),
      response: reply(200, { data: { id: "grp_1", name: "Tier 1", external_reference_id: "mol_seg_001" } }),
      method: "POST",
      url: `${BASE}/v1/groups`,
      headers: WRITE_HEADERS,
      body: { name: "Tier 1", external_reference_id: "mol_seg_001" },
      result: {
        id: "grp_1",
        organization_id: null,
        name: "Tier 1",
        external_reference_id: "mol_seg_001",
        created_at: null,
        updated_at: null,
      },
    },
    {
      name: "updateGroup, sending only what changes",
      call: (client) => client.updateGroup("grp_abc123def456", { name: "Tier 1 (renamed)" }),
      response: reply(200, { data: { ...group, name: "Tier 1 (renamed)", updated_at: "2026-01-16T09:12:00Z" } }),
      method: "PATCH",
      url: `${BASE}/v1/groups/grp_abc123def456`,
      headers: WRITE_HEADERS,
      body: { name: "Tier 1 (renamed)" },
      result: { ...group, name: "Tier 1 (renamed)", updated_at: "2026-01-16T09:12:00Z" },
    },
    {
      name: "submitMemberSync",
      call: (client) => client.submitMemberSync("grp_abc123def456", { members: [jane] }),
      response: reply(202, { data: receipt }),
      method: "POST",
      url: `${BASE}/v1/groups/grp_abc123def456/members/sync`,
      headers: WRITE_HEADERS,
      body: { members: [jane] },
      result: receipt,
    },
    {
      name: "getMemberSyncRequest while processing",
      call: (client) => client.getMemberSyncRequest("grp_abc123def456", "grpmsr_abc123def456"),
      response: reply(200, { data: processing }),
      method: "GET",
      url: `${BASE}/v1/groups/grp_abc123def456/members/sync/grpmsr_abc123def456`,
      headers: READ_HEADERS,
      result: processing,
    },
    {
      name: "getMemberSyncRequest once completed",
      call: (client) => client.getMemberSyncRequest("grp_abc123def456", "grpmsr_abc123def456"),
      response: reply(200, { data: completed }),
      method: "GET",
      url: `${BASE}/v1/groups/grp_abc123def456/members/sync/grpmsr_abc123def456`,
      headers: READ_HEADERS,
      result: completed,
    },
  ])("$name", ({ call, response, method, url, headers, body, result }) => {
    const { client, transport } = harness([response]);
    expect(call(client)).toEqual(result);
    expect(transport.requests).toHaveLength(1);
    const [request] = transport.requests;
    expect(request!.method).toBe(method);
    expect(request!.url).toBe(url);
    expect(request!.headers).toEqual(headers);
    if (body === undefined) expect(request!.body).toBeUndefined();
    else expect(JSON.parse(request!.body!)).toEqual(body);
  });

  it("sends a deliberately empty roster as an empty members list", () => {
    const { client, transport } = harness([reply(202, { data: receipt })]);
    client.submitMemberSync("grp_abc123def456", { members: [] });
    expect(transport.requests[0]!.body).toBe('{"members":[]}');
  });

  it.each([
    ["UAT", VITABLE_BASE_URLS.uat, "https://api.uat.vitablehealth.com/v1/plans?limit=1"],
    ["a local emulator with a trailing slash", "http://localhost:8787/", "http://localhost:8787/v1/plans?limit=1"],
  ])("sends requests to %s", (_name, baseUrl, url) => {
    const { client, transport } = harness([reply(200, page([plan], 1, 1))], { baseUrl });
    client.checkKey();
    expect(transport.requests[0]!.url).toBe(url);
  });
});

describe("pagination", () => {
  const plans = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `pln_${from + i}`, name: `Plan ${from + i}` }));

  it("follows pages until the last one and joins them in order", () => {
    const { client, transport } = harness([
      reply(200, page(plans(0, 100), 1, 3, 250)),
      reply(200, page(plans(100, 100), 2, 3, 250)),
      reply(200, page(plans(200, 50), 3, 3, 250)),
    ]);
    const result = client.listPlans();
    expect(result.map((p) => p.id)).toEqual(plans(0, 250).map((p) => p.id));
    expect(transport.requests.map((r) => r.url)).toEqual([
      `${BASE}/v1/plans?limit=100&page=1`,
      `${BASE}/v1/plans?limit=100&page=2`,
      `${BASE}/v1/plans?limit=100&page=3`,
    ]);
  });

  it("makes one request for an organization without groups", () => {
    const { client, transport } = harness([reply(200, page([], 1, 0))]);
    expect(client.listGroups()).toEqual([]);
    expect(transport.requests).toHaveLength(1);
  });

  it("stops at an empty page even if more pages were announced", () => {
    const { client, transport } = harness([reply(200, page(plans(0, 100), 1, 5)), reply(200, page([], 2, 5))]);
    expect(client.listPlans()).toHaveLength(100);
    expect(transport.requests).toHaveLength(2);
  });

  it("advances its own page number when the server keeps answering page 1", () => {
    const { client, transport } = harness([reply(200, page([plan], 1, 2)), reply(200, page([plan], 1, 2))]);
    expect(client.listPlans()).toHaveLength(2);
    expect(transport.requests[1]!.url).toBe(`${BASE}/v1/plans?limit=100&page=2`);
  });

  it("gives up on a server whose pages never end", () => {
    const endless = times(MAX_PAGES + 1, reply(200, page([plan], 1, 1_000_000)));
    const { client, transport } = harness(endless);
    const error = vitableErrorOf(() => client.listPlans());
    expect(error).toBeInstanceOf(VitableBadResponseError);
    expect(vitableErrorSentence(error)).toContain("could not read");
    expect(transport.requests).toHaveLength(MAX_PAGES);
  });

  it("retries a failed page without starting over", () => {
    const { client, transport, clock } = harness([
      reply(200, page([plan], 1, 2)),
      reply(503, ""),
      reply(200, page([plan], 2, 2)),
    ]);
    expect(client.listPlans()).toHaveLength(2);
    expect(transport.requests.map((r) => r.url.slice(-6))).toEqual(["page=1", "page=2", "page=2"]);
    expect(clock.sleeps).toEqual([500]);
  });
});

describe("error responses", () => {
  const nested = (code: string, message: string) => ({ error: { code, message } });
  const flat = (code: string, message: string) => ({
    timestamp: "2026-01-15T10:30:00Z",
    message,
    error: message,
    app_error_code: code,
    trace_id: "trace-42",
  });

  const cases: Array<{
    status: number;
    call: (client: VitableClient) => unknown;
    attempts: number;
    errorClass: abstract new (...args: never[]) => VitableError;
    words: string[];
  }> = [
    {
      status: 400,
      call: (c) => c.submitMemberSync("grp_1", { members: [jane] }),
      attempts: 1,
      errorClass: VitableRejectedError,
      words: ["rejected the roster", "Duplicate reference_id EMP-001", "sync again"],
    },
    {
      status: 401,
      call: (c) => c.checkKey(),
      attempts: 1,
      errorClass: VitableUnauthorizedError,
      words: ["Vitable rejected this API key", "connect again"],
    },
    {
      status: 403,
      call: (c) => c.listGroups(),
      attempts: 1,
      errorClass: VitableForbiddenError,
      words: ["not allowed to list the groups", "give the key access"],
    },
    {
      status: 404,
      call: (c) => c.getGroup("grp_gone"),
      attempts: 1,
      errorClass: VitableNotFoundError,
      words: ["no group grp_gone", "Link this tab"],
    },
    {
      status: 409,
      call: (c) => c.createGroup({ name: "Tier 1", external_reference_id: "mol_seg_001" }),
      attempts: 1,
      errorClass: VitableConflictError,
      words: ['group reference "mol_seg_001" already exists', "Link this tab to that group"],
    },
    {
      status: 422,
      call: (c) => c.createGroup({ name: "Tier 1", external_reference_id: "mol_seg_001" }),
      attempts: 1,
      errorClass: VitableRejectedError,
      words: ["rejected the group", "Duplicate reference_id EMP-001"],
    },
    {
      status: 429,
      call: (c) => c.listPlans(),
      attempts: 3,
      errorClass: VitableBusyError,
      words: ["too many requests", "Wait a few minutes"],
    },
    {
      status: 500,
      call: (c) => c.submitMemberSync("grp_1", { members: [jane] }),
      attempts: 3,
      errorClass: VitableServerError,
      words: ["problem on its side and could not", "send the roster to group grp_1", "try again"],
    },
  ];

  describe.each([
    ["nested", nested, null],
    ["flat", flat, "trace-42"],
  ])("%s error body", (_shape, body, traceId) => {
    it.each(cases)("HTTP $status → $errorClass.name", ({ status, call, attempts, errorClass, words }) => {
      const code = `code_${status}`;
      const { client, transport } = harness(
        times(attempts, reply(status, body(code, "Duplicate reference_id EMP-001."))),
      );
      const error = vitableErrorOf(() => call(client));
      expect(error).toBeInstanceOf(errorClass);
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.traceId).toBe(traceId);
      expect(error.vitableMessage).toBe("Duplicate reference_id EMP-001.");
      expect(error.message).toMatch(new RegExp(`^\\w+ \\S+ failed: HTTP ${status}, code ${code}`));
      expect(error.message).not.toContain("Duplicate reference_id");
      for (const word of words) expect(vitableErrorSentence(error)).toContain(word);
      if (traceId) expect(vitableErrorSentence(error)).toContain(`Trace ID for Vitable support: ${traceId}.`);
      expect(transport.requests).toHaveLength(attempts);
    });
  });

  it("explains an error without a readable body by its status", () => {
    const { client } = harness([reply(400, "<html>Bad Request</html>")]);
    const error = vitableErrorOf(() => client.submitMemberSync("grp_1", { members: [jane] }));
    expect(error).toBeInstanceOf(VitableRejectedError);
    expect(error.vitableMessage).toBeNull();
    expect(vitableErrorSentence(error)).toContain(
      "without saying why. Validate the tab, fix any invalid rows, then sync again. Vitable answered 400.",
    );
  });

  it("names the sync request that cannot be found", () => {
    const { client } = harness([reply(404, { error: { code: "not_found", message: "Not found" } })]);
    const error = vitableErrorOf(() => client.getMemberSyncRequest("grp_1", "grpmsr_9"));
    expect(error).toBeInstanceOf(VitableNotFoundError);
    expect(vitableErrorSentence(error)).toContain("cannot find sync grpmsr_9 of group grp_1");
    expect(error.request).toBe("GET /v1/groups/grp_1/members/sync/grpmsr_9");
  });
});

describe("retries", () => {
  const ok = reply(200, { data: group });
  const getGroup = (client: VitableClient, deadline?: number) => client.getGroup("grp_1", { deadline });

  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
  ])("HTTP %i retried: %s", (status, retried) => {
    const { client, transport } = harness([reply(status, ""), ok]);
    if (retried) expect(getGroup(client)).toEqual(group);
    else expect(vitableErrorOf(() => getGroup(client))).toBeInstanceOf(VitableError);
    expect(transport.requests).toHaveLength(retried ? 2 : 1);
  });

  it("obeys x-should-retry: false on a 503", () => {
    const { client, transport } = harness([reply(503, "", { "x-should-retry": "false" }), ok]);
    expect(vitableErrorOf(() => getGroup(client))).toBeInstanceOf(VitableServerError);
    expect(transport.requests).toHaveLength(1);
  });

  it("obeys x-should-retry: true on a 400", () => {
    const { client, transport } = harness([reply(400, "", { "x-should-retry": "true" }), ok]);
    expect(getGroup(client)).toEqual(group);
    expect(transport.requests).toHaveLength(2);
  });

  it("never retries a 409 on group creation, where it means a taken external reference ID", () => {
    const { client, transport } = harness([reply(409, ""), reply(201, { data: group })]);
    expect(vitableErrorOf(() => client.createGroup({ name: "A", external_reference_id: "B" }))).toBeInstanceOf(
      VitableConflictError,
    );
    expect(transport.requests).toHaveLength(1);
  });

  it.each([
    [
      "changes the external reference ID",
      { external_reference_id: "taken" },
      1,
      'group reference "taken" already exists',
    ],
    ["only renames", { name: "Tier 2" }, 3, "busy with another change to group grp_1"],
  ])("a 409 on an update that %s", (_name, changes, requests, words) => {
    const { client, transport } = harness(times(3, reply(409, "")));
    const error = vitableErrorOf(() => client.updateGroup("grp_1", changes), VitableConflictError);
    expect(vitableErrorSentence(error)).toContain(words);
    expect(transport.requests).toHaveLength(requests);
  });

  it.each([
    ["random 0", 0, [500, 1000, 2000, 4000, 8000, 8000]],
    ["random 1", 1, [375, 750, 1500, 3000, 6000, 6000]],
  ])("backs off exponentially up to 8 s with %s", (_name, random, sleeps) => {
    const { client, clock } = harness([...times(6, reply(503, "")), ok], {
      random: () => random,
      retryPolicy: { maxRetries: 6, maxServerDelayMs: 60_000 },
    });
    expect(getGroup(client)).toEqual(group);
    expect(clock.sleeps).toEqual(sleeps);
  });

  it("stops after the maximum number of retries and reports the last failure", () => {
    const { client, transport, clock } = harness(times(3, reply(503, "")));
    const error = vitableErrorOf(() => getGroup(client));
    expect(error).toBeInstanceOf(VitableServerError);
    expect(transport.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([500, 1000]);
  });

  it.each<[string, (now: number) => Record<string, string>, number]>([
    ["retry-after-ms", () => ({ "retry-after-ms": "1500" }), 1500],
    ["Retry-After in seconds", () => ({ "retry-after": "3" }), 3000],
    ["Retry-After as an HTTP date", (now) => ({ "retry-after": new Date(now + 7000).toUTCString() }), 7000],
    ["retry-after-ms before Retry-After", () => ({ "retry-after-ms": "250", "retry-after": "9" }), 250],
  ])("waits as long as %s says", (_name, headers, wait) => {
    const clockStart = Date.UTC(2026, 0, 15, 10, 30);
    const { client, clock } = harness([reply(429, "", headers(clockStart)), ok]);
    expect(getGroup(client)).toEqual(group);
    expect(clock.sleeps).toEqual([wait]);
  });

  it("does not wait longer than a minute when Vitable asks for more", () => {
    const { client, transport, clock } = harness([reply(429, "", { "retry-after": "600" }), ok]);
    expect(vitableErrorOf(() => getGroup(client))).toBeInstanceOf(VitableBusyError);
    expect(transport.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it("never sleeps past the deadline: it stops when the next wait would reach it", () => {
    // Each request takes 1 s; waits are 0.5 s then 1 s; the deadline leaves room for one wait only.
    const { client, transport, clock } = harness(times(3, reply(503, "")), { latencyMs: 1000 });
    const deadline = clock.time + 2900;
    const error = vitableErrorOf(() => getGroup(client, deadline), VitableOutOfTimeError);
    expect(error.lastFailure).toBeInstanceOf(VitableServerError);
    expect(error.status).toBe(503);
    expect(vitableErrorSentence(error)).toContain("ran out of time to try again");
    expect(vitableErrorSentence(error)).toContain("Vitable answered 503.");
    expect(transport.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([500]);
    expect(clock.time).toBeLessThan(deadline);
  });

  it("does not wait for a Retry-After that ends after the deadline", () => {
    const { client, clock } = harness([reply(429, "", { "retry-after": "30" }), ok]);
    const error = vitableErrorOf(() => getGroup(client, clock.time + 20_000), VitableOutOfTimeError);
    expect(error.lastFailure).toBeInstanceOf(VitableBusyError);
    expect(clock.sleeps).toEqual([]);
  });

  it("sends nothing once the deadline has passed", () => {
    const { client, transport, clock } = harness([ok]);
    const error = vitableErrorOf(() => getGroup(client, clock.time), VitableOutOfTimeError);
    expect(error.lastFailure).toBeNull();
    expect(vitableErrorSentence(error)).toContain("out of time");
    expect(transport.requests).toHaveLength(0);
  });

  it("keeps every wait before the deadline, whatever the failures and timings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(408, 429, 500, 503), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 30_000 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (statuses, latencyMs, budget, random) => {
          const { client, transport, clock } = harness([...statuses.map((s) => reply(s, "")), ok], {
            latencyMs,
            random: () => random,
            retryPolicy: { maxRetries: 8, maxServerDelayMs: 60_000 },
          });
          const deadline = clock.time + budget;
          try {
            expect(getGroup(client, deadline)).toEqual(group);
            expect(transport.requests).toHaveLength(statuses.length + 1);
          } catch (error) {
            expect(error).toBeInstanceOf(VitableOutOfTimeError);
          }
          for (const wakeUp of clock.wakeUps) expect(wakeUp).toBeLessThan(deadline);
        },
      ),
    );
  });
});

describe("answers that cannot be read", () => {
  it.each([
    ["malformed JSON", reply(200, '{"data": [')],
    ["an empty body", reply(200, "")],
    ["an HTML page", reply(200, "<html><body>Sign in</body></html>")],
  ])("%s on a success status is a bad response, not retried", (_name, response) => {
    const { client, transport } = harness([response, reply(200, { data: group })]);
    const error = vitableErrorOf(() => client.getGroup("grp_1"));
    expect(error).toBeInstanceOf(VitableBadResponseError);
    expect(error.status).toBe(200);
    expect(error.detail).toBe("The body is not JSON.");
    expect(vitableErrorSentence(error)).toContain("could not read");
    expect(transport.requests).toHaveLength(1);
  });

  it("names the field that does not match the documented shape", () => {
    const { client } = harness([reply(200, page([{ id: 42, name: "Basic Care" }], 1, 1))]);
    const error = vitableErrorOf(() => client.listPlans());
    expect(error).toBeInstanceOf(VitableBadResponseError);
    expect(error.detail).toContain("data[0].id");
  });

  it("rejects a receipt without a request ID, saying re-sending the roster is safe", () => {
    const { client } = harness([reply(202, { data: { group_id: "grp_1", accepted_at: "2026-01-15T10:30:00Z" } })]);
    const error = vitableErrorOf(() => client.submitMemberSync("grp_1", { members: [jane] }));
    expect(error).toBeInstanceOf(VitableBadResponseError);
    expect(vitableErrorSentence(error)).toContain("not known whether the sync was accepted");
    expect(vitableErrorSentence(error)).toContain("sending the same roster twice is safe");
  });

  it("treats a status outside 2xx and 4xx/5xx as a bad response", () => {
    const { client } = harness([reply(304, "")]);
    const error = vitableErrorOf(() => client.getGroup("grp_1"));
    expect(error).toBeInstanceOf(VitableBadResponseError);
    expect(error.detail).toBe("Unexpected HTTP status 304.");
  });
});

describe("network failures", () => {
  it("retries a dropped connection and returns the answer that follows", () => {
    const { client, clock } = harness([
      new TransportError("connectionLost", "Connection reset"),
      reply(200, { data: group }),
    ]);
    expect(client.getGroup("grp_1")).toEqual(group);
    expect(clock.sleeps).toEqual([500]);
  });

  it.each([
    ["timeout", "Timeout: https://api.vitablehealth.com/v1/groups", "did not answer in time"],
    [
      "unreachable",
      "Address unavailable: https://api.vitablehealth.com/v1/groups",
      "could not reach Vitable at api.vitablehealth.com",
    ],
    ["dns", "DNS error: https://api.vitablehealth.com/v1/groups", "could not reach Vitable at api.vitablehealth.com"],
  ] as const)("surfaces a %s after the retries", (kind, message, words) => {
    const { client, transport } = harness(times(3, new TransportError(kind, message)));
    const error = vitableErrorOf(() => client.listGroups());
    expect(error).toBeInstanceOf(VitableNetworkError);
    expect(error.status).toBeNull();
    expect(error.detail).toBe(`${kind}: ${message}`);
    expect(vitableErrorSentence(error)).toContain(words);
    expect(vitableErrorSentence(error)).toContain("list the groups");
    expect(transport.requests).toHaveLength(3);
  });

  it("lets anything but a TransportError through untouched and unretried", () => {
    const quota = new Error("Service invoked too many times for one day: urlfetch.");
    const { client, transport, clock } = harness([quota, reply(200, page([plan], 1, 1))]);
    expect(() => client.listPlans()).toThrow(quota);
    expect(transport.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });
});

describe("the API key never shows in an error", () => {
  const echoes = [
    `Invalid API key ${API_KEY}`,
    `Authorization: Bearer ${API_KEY}`,
    "token vit_at_0123456789abcdef expired",
  ];

  it.each([400, 401, 403, 404, 409, 422, 429, 500])("HTTP %i echoing the key in every field", (status) => {
    for (const echo of echoes) {
      const body = { message: echo, error: echo, app_error_code: echo, trace_id: echo };
      const { client } = harness(times(3, reply(status, body)));
      const error = vitableErrorOf(() => client.createGroup({ name: "Tier 1", external_reference_id: "mol" }));
      const everything = [
        String(error),
        error.message,
        vitableErrorSentence(error),
        error.vitableMessage,
        error.code,
        error.traceId,
      ];
      for (const text of everything) {
        expect(text).not.toContain(API_KEY);
        expect(text).not.toContain("vit_at_0123456789abcdef");
      }
      expect(error.vitableMessage).toContain("[hidden key]");
    }
  });

  it("in any error, whatever Vitable sends around it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(400, 401, 403, 404, 408, 409, 422, 429, 500, 503),
        fc.string(),
        fc.string(),
        fc.boolean(),
        (status, before, after, nested) => {
          const echo = `${before}${API_KEY}${after}`;
          const body = nested
            ? { error: { code: echo, message: echo } }
            : { message: echo, trace_id: echo, app_error_code: echo };
          const { client } = harness(times(3, reply(status, body)), {
            retryPolicy: { maxRetries: 0, maxServerDelayMs: 0 },
          });
          const error = vitableErrorOf(() => client.submitMemberSync("grp_1", { members: [] }));
          const shown = [
            String(error),
            vitableErrorSentence(error),
            error.vitableMessage ?? "",
            error.code ?? "",
            error.traceId ?? "",
          ];
          for (const text of shown) expect(text).not.toContain(API_KEY);
        },
      ),
    );
  });

  it("in a network error whose message echoes it", () => {
    const { client } = harness(times(3, new TransportError("unreachable", `Bad header Bearer ${API_KEY}`)));
    const error = vitableErrorOf(() => client.checkKey());
    expect(String(error)).not.toContain(API_KEY);
    expect(error.detail).not.toContain(API_KEY);
  });
});
