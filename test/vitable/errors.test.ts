import {
  badResponseError,
  errorFromResponse,
  errorFromTransport,
  outOfTimeError,
  type FailedRequest,
} from "../../src/vitable/errorFromFailure";
import {
  MAX_VITABLE_MESSAGE_LENGTH,
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
  type VitableOperation,
} from "../../src/vitable/errors";
import { boundLength, readErrorBody, redactSecrets } from "../../src/vitable/errorText";
import { TransportError } from "../../src/vitable/transport";

const KEY = "vit_apk_live_9f8e7d6c5b4a39281706";
const NOW = Date.UTC(2026, 0, 15, 10, 30);
const GET_GROUP: VitableOperation = { name: "getGroup", groupId: "grp_9" };

const failed = (operation: VitableOperation): FailedRequest => ({
  operation,
  request: "GET /v1/x",
  host: "api.vitablehealth.com",
  apiKey: KEY,
});

const respond = (operation: VitableOperation, status: number, body: unknown = "", headers = {}) =>
  errorFromResponse(
    failed(operation),
    { status, headers, body: typeof body === "string" ? body : JSON.stringify(body) },
    NOW,
  );

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

describe("boundLength", () => {
  it.each([
    ["short text, untouched", "abc", 5, "abc"],
    ["text of exactly the limit, untouched", "abcde", 5, "abcde"],
    ["longer text, cut with an ellipsis", "abcdefgh", 5, "abcd…"],
    ["a surrogate pair at the cut, kept whole or dropped", "abc😀def", 5, "abc…"],
  ])("%s", (_name, text, max, expected) => {
    const bounded = boundLength(text, max);
    expect(bounded).toBe(expected);
    expect(bounded.length).toBeLessThanOrEqual(max);
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

describe("the class of an HTTP error status", () => {
  it.each<[number, string, abstract new (...args: never[]) => VitableError]>([
    [400, "VitableRejectedError", VitableRejectedError],
    [401, "VitableUnauthorizedError", VitableUnauthorizedError],
    [403, "VitableForbiddenError", VitableForbiddenError],
    [404, "VitableNotFoundError", VitableNotFoundError],
    [408, "VitableNetworkError", VitableNetworkError],
    [409, "VitableConflictError", VitableConflictError],
    [410, "VitableRejectedError", VitableRejectedError],
    [422, "VitableRejectedError", VitableRejectedError],
    [429, "VitableBusyError", VitableBusyError],
    [500, "VitableServerError", VitableServerError],
    [503, "VitableServerError", VitableServerError],
    [304, "VitableBadResponseError", VitableBadResponseError],
  ])("HTTP %i → %s", (status, name, errorClass) => {
    const error = respond(GET_GROUP, status, { error: { code: "c", message: "m" } });
    expect(error).toBeInstanceOf(errorClass);
    expect(error).toBeInstanceOf(VitableError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error).toMatchObject({ operation: GET_GROUP, request: "GET /v1/x", status });
  });

  it("keeps Vitable's requested wait", () => {
    expect(respond(GET_GROUP, 429, "", { "retry-after": "7" }).retryAfterMs).toBe(7000);
    expect(respond(GET_GROUP, 503, "", { "retry-after-ms": "250" }).retryAfterMs).toBe(250);
    expect(respond(GET_GROUP, 429).retryAfterMs).toBeNull();
  });

  it("tells a taken external reference ID from a passing lock", () => {
    const create = respond({ name: "createGroup", externalReferenceId: "seg_2" }, 409) as VitableConflictError;
    const rename = respond({ name: "updateGroup", groupId: "grp_9", externalReferenceId: undefined }, 409);
    const move = respond({ name: "updateGroup", groupId: "grp_9", externalReferenceId: "seg_3" }, 409);
    expect(create).toMatchObject({ takenExternalReferenceId: "seg_2", retryable: false });
    expect(rename).toMatchObject({ takenExternalReferenceId: null, retryable: true });
    expect(move).toMatchObject({ takenExternalReferenceId: "seg_3", retryable: false });
  });

  it("names an unexpected status in the detail", () => {
    expect(respond(GET_GROUP, 304).detail).toBe("Unexpected HTTP status 304.");
  });
});

describe("errors without an HTTP error status", () => {
  it.each([
    ["timeout", true],
    ["connectionLost", true],
    ["dns", false],
    ["unreachable", false],
  ] as const)("a %s is a retryable network error; may have reached Vitable: %s", (kind, mayHaveArrived) => {
    const error = errorFromTransport(failed(GET_GROUP), new TransportError(kind, `${kind} at ${KEY}`));
    expect(error).toBeInstanceOf(VitableNetworkError);
    expect(error).toMatchObject({
      status: null,
      host: "api.vitablehealth.com",
      transportFailure: kind,
      retryable: true,
      detail: `${kind}: ${kind} at [hidden key]`,
    });
    expect(error.mayHaveReachedVitable).toBe(mayHaveArrived);
  });

  it("Vitable's 408 is a network error without a transport failure", () => {
    expect(respond(GET_GROUP, 408)).toMatchObject({ transportFailure: null, retryable: true, status: 408 });
  });

  it("an unreadable answer is a bad response, not retried", () => {
    const error = badResponseError(failed(GET_GROUP), 200, "data.id: expected string");
    expect(error).toBeInstanceOf(VitableBadResponseError);
    expect(error).toMatchObject({ status: 200, detail: "data.id: expected string", retryable: false });
  });

  it("running out of time carries the retried failure's facts", () => {
    const busy = respond({ name: "listPlans" }, 429, {
      message: "Slow down",
      trace_id: "t-9",
      app_error_code: "rate_limited",
    });
    const error = outOfTimeError(failed({ name: "listPlans" }), busy);
    expect(error).toBeInstanceOf(VitableOutOfTimeError);
    expect(error).toMatchObject({
      status: 429,
      code: "rate_limited",
      traceId: "t-9",
      vitableMessage: "Slow down",
      retryable: false,
      lastFailure: busy,
    });
  });

  it("running out of time before sending has no facts of Vitable's", () => {
    const error = outOfTimeError(failed({ name: "listPlans" }), null);
    expect(error).toMatchObject({ status: null, code: null, traceId: null, lastFailure: null });
    expect(error.message).toBe("GET /v1/x was not sent: out of time");
  });
});

describe("constructed directly", () => {
  const base = { operation: GET_GROUP, request: "GET /v1/groups/grp_9" };

  it.each<[string, boolean, VitableError]>([
    ["unauthorized", false, new VitableUnauthorizedError(base)],
    ["forbidden", false, new VitableForbiddenError(base)],
    ["not found", false, new VitableNotFoundError(base)],
    ["a passing conflict", true, new VitableConflictError(base)],
    ["a taken external reference ID", false, new VitableConflictError({ ...base, takenExternalReferenceId: "x" })],
    ["rejected", false, new VitableRejectedError(base)],
    ["busy", true, new VitableBusyError(base)],
    ["a server error", true, new VitableServerError(base)],
    ["a network error", true, new VitableNetworkError({ ...base, host: "h", transportFailure: "dns" })],
    ["a bad response", false, new VitableBadResponseError(base)],
    ["out of time", false, new VitableOutOfTimeError({ ...base, lastFailure: null })],
  ])("%s defaults retryable to %s and its facts to null", (_name, retryable, error) => {
    expect(error.retryable).toBe(retryable);
    expect(error).toMatchObject({ status: null, code: null, traceId: null, vitableMessage: null, detail: null });
  });

  it("lets Vitable's x-should-retry override the default", () => {
    expect(new VitableServerError({ ...base, retryable: false }).retryable).toBe(false);
  });

  it("bounds Vitable's message and hides token-shaped secrets in every text field", () => {
    const secret = "vit_at_0123456789abcdef";
    const long = `${secret} ${"x".repeat(5_000)}`;
    const error = new VitableRejectedError({ ...base, vitableMessage: long, code: long, traceId: long, detail: long });
    expect(error.vitableMessage).toHaveLength(MAX_VITABLE_MESSAGE_LENGTH);
    expect(error.vitableMessage).toMatch(/^\[hidden key\] x+…$/);
    for (const text of [error.vitableMessage, error.code, error.traceId, error.detail, error.message]) {
      expect(text).not.toContain(secret);
      expect(text!.length).toBeLessThanOrEqual(1_500);
    }
  });
});

describe("the technical message", () => {
  it("names the request and Vitable's answer", () => {
    const error = respond(GET_GROUP, 404, { error: "Not found", app_error_code: "not_found", trace_id: "t-1" });
    expect(error.message).toBe("GET /v1/x failed: HTTP 404, code not_found, trace ID t-1");
    expect(String(error)).toBe("VitableNotFoundError: GET /v1/x failed: HTTP 404, code not_found, trace ID t-1");
  });

  it("names the network failure", () => {
    const error = errorFromTransport(failed(GET_GROUP), new TransportError("dns", "DNS error"));
    expect(error.message).toBe("GET /v1/x failed: no response: dns: DNS error");
  });

  it("names what could not be read", () => {
    expect(badResponseError(failed(GET_GROUP), 200, "The body is not JSON.").message).toBe(
      "GET /v1/x failed: HTTP 200: The body is not JSON.",
    );
  });

  it("says which failure time ran out on", () => {
    const error = outOfTimeError(failed(GET_GROUP), respond(GET_GROUP, 503));
    expect(error.message).toBe("GET /v1/x ran out of time to retry after: GET /v1/x failed: HTTP 503");
  });

  it("never quotes Vitable's message, which may hold member data, nor the key", () => {
    const error = respond({ name: "submitMemberSync", groupId: "grp_1" }, 400, {
      message: `Jane Doe (EMP-001) has an invalid SSN; key ${KEY}`,
    });
    expect(error.message).toBe("GET /v1/x failed: HTTP 400");
    expect(error.vitableMessage).toBe("Jane Doe (EMP-001) has an invalid SSN; key [hidden key]");
  });
});
