import { spawnEmulator, type SpawnedEmulator } from "../../../sandbox/emulator/process";
import { createSandboxClock } from "../../../sandbox/runtime/clock";
import { AppsScriptRuntime } from "../../../sandbox/runtime/runtime";
import { scriptProject } from "./support/scriptProject";
import { STARTUP_TIMEOUT_MS } from "../../support/startupTimeout";

/**
 * UrlFetchApp in the sandbox: synchronous real HTTP (here to the Vitable emulator in another
 * process), Apps Script's option handling, and its sentences when no answer comes.
 */
let emulator: SpawnedEmulator;
let runtime: AppsScriptRuntime;

const API = "https://api.vitablehealth.com";
const KEY = "vit_apk_sandbox";

beforeAll(async () => {
  emulator = await spawnEmulator();
  runtime = new AppsScriptRuntime({
    project: scriptProject(`
      function get(path, params) {
        var response = UrlFetchApp.fetch("${API}" + path, params);
        return { code: response.getResponseCode(), headers: response.getAllHeaders(), text: response.getContentText() };
      }
      function getBoth(first, second) {
        return UrlFetchApp.fetchAll([
          { url: "${API}" + first, headers: { Authorization: "Bearer ${KEY}" }, muteHttpExceptions: true },
          { url: "${API}" + second, headers: { Authorization: "Bearer ${KEY}" }, muteHttpExceptions: true },
        ]).map(function (response) { return response.getResponseCode(); });
      }
      function describe(url, params) { return UrlFetchApp.getRequest(url, params); }`),
    addonName: "Fetch Test",
    clock: createSandboxClock({ followsRealTime: false }),
    fetch: { routes: { [API]: emulator.url }, timeoutMs: 500 },
  });
}, STARTUP_TIMEOUT_MS);

afterAll(async () => {
  await runtime.close();
  await emulator.close();
});

beforeEach(() => emulator.control.clearFaults());

const authorized = { headers: { Authorization: `Bearer ${KEY}` }, muteHttpExceptions: true };

describe("UrlFetchApp.fetch", () => {
  it("sends the request to the address the route gives and blocks until the answer", () => {
    const report = runtime.run("get", { args: ["/v1/plans", authorized] });
    expect(report.ok).toBe(true);
    const value = report.value as { code: number; headers: Record<string, string>; text: string };
    expect(value.code).toBe(200);
    expect(JSON.parse(value.text).data.map((plan: { id: string }) => plan.id)).toEqual([
      "pln_sbx_basic",
      "pln_sbx_plus",
      "pln_sbx_family",
    ]);
    expect(report.counts.urlFetches).toBe(1);
  });

  it("throws Apps Script's sentence for an error status unless muteHttpExceptions is set", () => {
    const report = runtime.run("get", { args: ["/v1/plans", {}] });
    expect(report.error).toBe(
      `Exception: Request failed for ${API}/v1/plans returned code 401. Truncated server response: ` +
        '{"error":{"code":"unauthorized","message":"Invalid or missing API key"}} ' +
        "(use muteHttpExceptions option to examine full response)",
    );
  });

  it("hands back every header of an error answer when exceptions are muted", async () => {
    await emulator.control.injectFault({ kind: "status", path: "/v1/plans", status: 429, retryAfter: 7 });
    const value = runtime.run("get", { args: ["/v1/plans", authorized] }).value as {
      code: number;
      headers: Record<string, string>;
    };
    expect(value.code).toBe(429);
    expect(value.headers["Retry-After"] ?? value.headers["retry-after"]).toBe("7");
  });

  it.each([
    [
      "no answer in time",
      { kind: "delay" as const, path: "/v1/plans", delayMs: 2_000 },
      `Exception: Timeout: ${API}/v1/plans`,
    ],
    [
      "a dropped connection",
      { kind: "dropConnection" as const, path: "/v1/plans" },
      `Exception: Unexpected error: ${API}/v1/plans (connection reset)`,
    ],
  ])("throws whatever muteHttpExceptions says when there is %s", async (_case, fault, error) => {
    await emulator.control.injectFault(fault);
    expect(runtime.run("get", { args: ["/v1/plans", authorized] }).error).toBe(error);
  });

  it("cannot reach the internet: other hosts fail as unknown names, and nothing is sent", () => {
    const elsewhere = new AppsScriptRuntime({
      project: scriptProject(`function go() { UrlFetchApp.fetch("https://example.com/"); }`),
      addonName: "Fetch Test",
    });
    const failed = elsewhere.run("go");
    expect(failed.error).toBe("Exception: DNS error: https://example.com/");
    expect(failed.counts.urlFetches).toBe(0);
  });
});

describe("UrlFetchApp.fetchAll", () => {
  it("sends requests together and answers in request order", () => {
    const report = runtime.run("getBoth", { args: ["/v1/groups", "/v1/groups/grp_missing"] });
    expect(report.value).toEqual([200, 404]);
    expect(report.counts.urlFetches).toBe(2);
  });
});

describe("bytes on the wire", () => {
  it("counts the bytes of the bodies sent and received", () => {
    const body = JSON.stringify({ name: "Café Tier 1", external_reference_id: "cafe-1" });
    const report = runtime.run("get", {
      args: ["/v1/groups", { ...authorized, method: "post", contentType: "application/json", payload: body }],
    });
    const { code, text } = report.value as { code: number; text: string };
    expect(code).toBe(201);
    // UTF-8: the é takes two bytes.
    expect(report.counts.urlFetchBytesSent).toBe(body.length + 1);
    expect(report.counts.urlFetchBytesReceived).toBe(Buffer.byteLength(text, "utf8"));
  });

  it("counts nothing for a request with no body", () => {
    const report = runtime.run("get", { args: ["/v1/plans", authorized] });
    expect(report.counts.urlFetchBytesSent).toBe(0);
    expect(report.counts.urlFetchBytesReceived).toBeGreaterThan(0);
  });
});

describe("payloads", () => {
  it.each([
    [
      "a string, typed by contentType",
      { payload: '{"a":1}', contentType: "application/json" },
      '{"a":1}',
      "application/json",
    ],
    [
      "an object, as a form",
      { payload: { name: "Tier 1", n: 2 } },
      "name=Tier%201&n=2",
      "application/x-www-form-urlencoded",
    ],
  ])("sends %s", (_case, params, payload, contentType) => {
    const request = runtime.run("describe", { args: [`${API}/v1/groups`, { method: "post", ...params }] }).value as {
      method: string;
      payload: string;
      headers: Record<string, string>;
    };
    expect(request).toMatchObject({ method: "post", payload, headers: { "Content-Type": contentType } });
  });
});
