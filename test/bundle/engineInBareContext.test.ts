import vm from "node:vm";
import { bareAppsScriptContext } from "../support/bareAppsScriptContext";
import { buildBundle, type BuiltBundle } from "../support/buildBundle";

/**
 * The roster engine and the Vitable client, bundled by the real build and run where Apps Script
 * would run them: no URL, TextEncoder, setTimeout or Node globals, Dates from another realm.
 */
let bundle: BuiltBundle;

beforeAll(() => {
  bundle = buildBundle("test/bundle/fixtures/engineEntry.ts");
});

const PLANS = [{ id: "pln_sbx_basic", name: "Basic Care" }];
const HEADER = [
  "Employee ID",
  "First Name",
  "Last Name",
  "DOB",
  "Email",
  "Phone",
  "Plan",
  "Address",
  "City",
  "ST",
  "ZIP",
];

function scriptedUrlFetch(responses: { status: number; headers?: Record<string, string>; body: unknown }[]) {
  const fetched: { url: string; params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions }[] = [];
  const UrlFetchApp = {
    fetch(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions) {
      fetched.push({ url, params });
      const next = responses.shift();
      if (!next) throw new Error("Address unavailable: " + url);
      return {
        getResponseCode: () => next.status,
        getAllHeaders: () => next.headers ?? {},
        getContentText: () => JSON.stringify(next.body),
      };
    },
  };
  return { UrlFetchApp, fetched };
}

describe("the engine and client bundled for Apps Script", () => {
  it("read a tab of Sheets values, Dates made in the script's own realm, in the spreadsheet's time zone", () => {
    const context = bareAppsScriptContext();
    vm.runInContext(bundle.code, context);
    context.header = HEADER;
    context.plans = PLANS;
    const result = JSON.parse(
      vm.runInContext(
        `readTab([
          header,
          // Midnight of 15 May 1990 in Auckland, as Sheets returns a date cell of an Auckland spreadsheet.
          [1001, "Jane", "Doe", new Date(Date.UTC(1990, 4, 14, 12)), "Jane@Example.com", "(415) 555-0100", "basic care", "1 Main St", "Boston", "Massachusetts", 2134],
          ["", "", "", "", "", "", "", "", "", "", ""],
          [1002, "Bob", "", "02/30/1990", "bob@", "415-555-0100 x12", "Gold", "2 Main St", "Boston", "MA", "02134"],
        ], "Pacific/Auckland", "2026-11-23", plans)`,
        context,
      ),
    );
    expect(result.members).toEqual([
      {
        reference_id: "1001",
        first_name: "Jane",
        last_name: "Doe",
        date_of_birth: "1990-05-15",
        email: "jane@example.com",
        phone: "4155550100",
        plan_id: "pln_sbx_basic",
        address: { address_line_1: "1 Main St", city: "Boston", state: "MA", zipcode: "02134" },
      },
    ]);
    expect(result.rows).toEqual([
      { row: 2, status: "Ready", message: expect.stringContaining("02134") },
      { row: 4, status: "Invalid", message: expect.stringContaining("Email is not a valid email address.") },
    ]);
    expect(result.decision).toBe("blocked");
  });

  it("list plans through UrlFetchApp, waiting with Utilities.sleep as Vitable asks", () => {
    const { UrlFetchApp, fetched } = scriptedUrlFetch([
      { status: 503, headers: { "Retry-After": "2" }, body: { error: { code: "unavailable", message: "Try later" } } },
      { status: 200, body: { data: PLANS, pagination: { page: 1, limit: 100, total: 1, total_pages: 1 } } },
    ]);
    const slept: number[] = [];
    const context = bareAppsScriptContext({ UrlFetchApp, Utilities: { sleep: (ms: number) => slept.push(ms) } });
    vm.runInContext(bundle.code, context);

    expect(JSON.parse(vm.runInContext(`listPlans("vit_apk_secret")`, context))).toEqual({ plans: PLANS });
    expect(slept).toEqual([2000]);
    expect(fetched.map((f) => f.url)).toEqual([
      "https://api.uat.vitablehealth.com/v1/plans?limit=100&page=1",
      "https://api.uat.vitablehealth.com/v1/plans?limit=100&page=1",
    ]);
    expect(fetched[0]!.params).toMatchObject({
      method: "get",
      muteHttpExceptions: true,
      headers: { Authorization: "Bearer vit_apk_secret" },
    });
  });

  it("turn a rejected key into a sentence that does not contain the key", () => {
    const { UrlFetchApp } = scriptedUrlFetch([
      { status: 401, body: { error: { code: "unauthorized", message: "Invalid API key vit_apk_secret" } } },
    ]);
    const context = bareAppsScriptContext({ UrlFetchApp });
    vm.runInContext(bundle.code, context);

    const result = JSON.parse(vm.runInContext(`listPlans("vit_apk_secret")`, context));
    expect(result.name).toBe("VitableUnauthorizedError");
    expect(result.sentence).toMatch(/Vitable rejected this API key/);
    expect(result.sentence).not.toContain("vit_apk_secret");
    expect(result.message).toBe("GET /v1/plans?limit=100&page=1 failed: HTTP 401, code unauthorized");
  });
});
