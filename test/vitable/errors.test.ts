import {
  badResponseError,
  errorFromResponse,
  errorFromTransport,
  outOfTimeError,
  readErrorBody,
  redactSecrets,
  type FailedRequest,
  type VitableOperation,
} from "../../src/vitable/errors";
import { TransportError } from "../../src/vitable/transport";

const KEY = "vit_apk_live_9f8e7d6c5b4a39281706";

const failed = (operation: VitableOperation): FailedRequest => ({
  operation,
  request: "GET /v1/x",
  host: "api.vitablehealth.com",
  apiKey: KEY,
});

const respond = (operation: VitableOperation, status: number, body: unknown = "") =>
  errorFromResponse(failed(operation), {
    status,
    headers: {},
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("redactSecrets", () => {
  it.each([
    ["the key itself", `key=${KEY}!`, "key=[hidden key]!"],
    ["another API key", "used vit_apk_other123 here", "used [hidden key] here"],
    ["an access token in quotes", 'token "vit_at_abc.def-ghi" expired', 'token "[hidden key]" expired'],
    ["a bearer credential", "Authorization: Bearer abc.def", "Authorization: Bearer [hidden key]"],
    ["a key that does not look like one", "the key is plain-secret-77", "the key is plain-secret-77"],
    ["nothing secret", "Invalid or missing API key", "Invalid or missing API key"],
  ])("hides %s", (_name, text, expected) => {
    expect(redactSecrets(text, KEY)).toBe(expected);
  });

  it("hides a key of any shape once it is known", () => {
    expect(redactSecrets("the key is plain-secret-77", "plain-secret-77")).toBe("the key is [hidden key]");
  });
});

describe("readErrorBody", () => {
  it.each<[string, string, ReturnType<typeof readErrorBody>]>([
    [
      "the nested shape",
      JSON.stringify({ error: { code: "unauthorized", message: "Invalid or missing API key" } }),
      { code: "unauthorized", message: "Invalid or missing API key", traceId: null },
    ],
    [
      "the flat shape",
      JSON.stringify({
        timestamp: "2026-01-15T10:30:00Z",
        message: "Org required",
        error: "Org required",
        app_error_code: "organization_required",
        trace_id: "t-1",
      }),
      { code: "organization_required", message: "Org required", traceId: "t-1" },
    ],
    [
      "the flat shape with only `error`",
      JSON.stringify({ error: "Too many requests" }),
      { code: null, message: "Too many requests", traceId: null },
    ],
    ["an HTML page", "<html>502 Bad Gateway</html>", { code: null, message: null, traceId: null }],
    ["an empty body", "", { code: null, message: null, traceId: null }],
    ["a JSON array", "[1, 2]", { code: null, message: null, traceId: null }],
    ["a nested error without fields", JSON.stringify({ error: {} }), { code: null, message: null, traceId: null }],
  ])("reads %s", (_name, body, expected) => {
    expect(readErrorBody(body)).toEqual(expected);
  });
});

describe("user messages", () => {
  it.each<[string, VitableOperation, number, string[]]>([
    [
      "404 on a group",
      { name: "getGroup", groupId: "grp_9" },
      404,
      ["no group grp_9", "Link this tab to an existing group"],
    ],
    ["404 on a sync", { name: "submitMemberSync", groupId: "grp_9" }, 404, ["no group grp_9"]],
    [
      "404 on a sync request",
      { name: "getMemberSyncRequest", groupId: "grp_9", requestId: "grpmsr_3" },
      404,
      ["cannot find sync grpmsr_3", "Sync this tab again"],
    ],
    [
      "404 on a list",
      { name: "listPlans" },
      404,
      ["did not recognise the request to list the plans", "right environment"],
    ],
    ["403 on the key check", { name: "checkKey" }, 403, ["not allowed to read the plans", "give the key access"]],
    [
      "409 on a sync",
      { name: "submitMemberSync", groupId: "grp_9" },
      409,
      ["busy with another change to group grp_9", "Wait a few minutes"],
    ],
    ["409 on a list", { name: "listGroups" }, 409, ["busy with another change.", "Wait a few minutes"]],
    [
      "409 on a rename",
      { name: "updateGroup", groupId: "grp_9", externalReferenceId: undefined },
      409,
      ["busy with another change to group grp_9"],
    ],
    [
      "409 on a new external reference ID",
      { name: "updateGroup", groupId: "grp_9", externalReferenceId: "seg_2" },
      409,
      ['external reference ID "seg_2" already exists'],
    ],
    [
      "400 on a list",
      { name: "listGroups" },
      400,
      ["refused the request to list the groups (HTTP 400)", "contact Vitable support"],
    ],
    [
      "400 on a group",
      { name: "createGroup", externalReferenceId: "seg_2" },
      400,
      ["rejected the group (HTTP 400)", "1 to 255 characters"],
    ],
    ["408", { name: "listGroups" }, 408, ["did not answer in time", "could not list the groups"]],
    [
      "502",
      { name: "getGroup", groupId: "grp_9" },
      502,
      ["problem on its side (HTTP 502)", "could not read group grp_9"],
    ],
  ])("%s", (_name, operation, status, words) => {
    const error = respond(operation, status);
    for (const word of words) expect(error.userMessage).toContain(word);
  });

  it("quotes Vitable's message once, without its own full stop", () => {
    const error = respond({ name: "submitMemberSync", groupId: "grp_1" }, 400, {
      message: "Duplicate reference_id EMP-001.",
    });
    expect(error.userMessage).toBe(
      'Vitable rejected the roster: "Duplicate reference_id EMP-001". Fix what it points out in the sheet, then sync again.',
    );
  });

  it("ends with the trace ID when Vitable gives one", () => {
    const error = respond({ name: "listPlans" }, 500, { message: "Boom", trace_id: "abc-123" });
    expect(error.userMessage).toMatch(/ Trace ID for Vitable support: abc-123\.$/);
  });

  it("names the unreachable host", () => {
    const error = errorFromTransport(
      failed({ name: "listPlans" }),
      new TransportError("dns", "DNS error: https://api.vitablehealth.com"),
    );
    expect(error.userMessage).toContain("could not reach Vitable at api.vitablehealth.com");
    expect(error.userMessage).toContain("could not list the plans");
  });

  it.each([
    ["timeout", "Vitable did not answer in time while the roster was being sent to group grp_1"],
    ["connectionLost", "The connection to Vitable was lost while the roster was being sent to group grp_1"],
  ] as const)(
    "says a roster whose answer was lost (%s) may have arrived, and that sending it again is safe",
    (kind, start) => {
      const error = errorFromTransport(
        failed({ name: "submitMemberSync", groupId: "grp_1" }),
        new TransportError(kind, "Lost: https://api.vitablehealth.com"),
      );
      expect(error.userMessage).toBe(
        `${start}, so it is not known whether Vitable received it. Sync again in a few minutes: sending the same roster again is safe.`,
      );
    },
  );

  it("says a roster that could not leave was not sent", () => {
    const error = errorFromTransport(
      failed({ name: "submitMemberSync", groupId: "grp_1" }),
      new TransportError("dns", "DNS error: https://api.vitablehealth.com"),
    );
    expect(error.userMessage).toMatch(
      /^The add-on could not reach Vitable at api\.vitablehealth\.com, so it could not send the roster to group grp_1\./,
    );
  });

  it("carries the retried failure's details when time ran out", () => {
    const busy = respond({ name: "listPlans" }, 429, {
      message: "Slow down",
      trace_id: "t-9",
      app_error_code: "rate_limited",
    });
    const error = outOfTimeError(failed({ name: "listPlans" }), busy);
    expect(error).toMatchObject({
      kind: "outOfTime",
      status: 429,
      code: "rate_limited",
      traceId: "t-9",
      lastFailure: busy,
    });
    expect(error.userMessage).toBe(`The add-on ran out of time to try again. ${busy.userMessage}`);
  });

  it("explains an unreadable answer without blaming the user", () => {
    const error = badResponseError(failed({ name: "getGroup", groupId: "grp_1" }), 200, "data.id: expected string");
    expect(error).toMatchObject({ kind: "badResponse", status: 200, detail: "data.id: expected string" });
    expect(error.userMessage).toContain("could not read, so it could not read group grp_1");
  });
});
