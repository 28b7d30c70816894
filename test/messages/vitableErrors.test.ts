import fc from "fast-check";
import { vitableErrorSentence } from "../../src/messages/vitableErrors";
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
  VitableForbiddenError,
  VitableNetworkError,
  VitableNotFoundError,
  VitableOutOfTimeError,
  VitableRejectedError,
  VitableServerError,
  VitableUnauthorizedError,
  type VitableError,
  type VitableOperation,
} from "../../src/vitable/errors";
import { TransportError } from "../../src/vitable/transport";

const KEY = "vit_apk_live_9f8e7d6c5b4a39281706";
const NOW = Date.UTC(2026, 0, 15, 10, 30);
const SYNC: VitableOperation = { name: "submitMemberSync", groupId: "grp_1" };

const failed = (operation: VitableOperation): FailedRequest => ({
  operation,
  request: "GET /v1/x",
  host: "api.vitablehealth.com",
  apiKey: KEY,
});

const respond = (operation: VitableOperation, status: number, body: unknown = "") =>
  errorFromResponse(
    failed(operation),
    { status, headers: {}, body: typeof body === "string" ? body : JSON.stringify(body) },
    NOW,
  );

describe("a sentence for each class", () => {
  const base = { operation: { name: "getGroup", groupId: "grp_9" } as VitableOperation, request: "GET /v1/x" };

  it.each<[string, VitableError, string]>([
    [
      "VitableUnauthorizedError",
      new VitableUnauthorizedError({ ...base, status: 401 }),
      "Vitable rejected this API key. Check that it is the current key for the environment you picked, Production or Test environment (UAT), then connect again with a valid key.",
    ],
    [
      "VitableForbiddenError",
      new VitableForbiddenError({ ...base, status: 403 }),
      "This API key is not allowed to read group grp_9. Ask your Vitable contact to give the key access, or connect with the key of the right organization. Vitable answered 403.",
    ],
    [
      "VitableNotFoundError",
      new VitableNotFoundError({ ...base, status: 404 }),
      "Vitable has no group grp_9 in this organization: it was deleted, or the API key belongs to another organization. Link this tab to an existing group.",
    ],
    [
      "VitableConflictError",
      new VitableConflictError({ ...base, status: 409 }),
      "Vitable is still busy with another change to group grp_9. Wait a few minutes, then try again.",
    ],
    [
      "VitableRejectedError",
      new VitableRejectedError({ ...base, status: 400, vitableMessage: "Bad page size." }),
      'Vitable refused the request to read group grp_9: "Bad page size". Try again; if it keeps happening, contact Vitable support.',
    ],
    [
      "VitableBusyError",
      new VitableBusyError({ ...base, status: 429 }),
      "Vitable is receiving too many requests right now, so the add-on could not read group grp_9. Wait a few minutes, then try again.",
    ],
    [
      "VitableServerError",
      new VitableServerError({ ...base, status: 502 }),
      "Vitable had a problem on its side and could not read group grp_9. Wait a few minutes, then try again; if it keeps happening, contact Vitable support. Vitable answered 502.",
    ],
    [
      "VitableNetworkError",
      new VitableNetworkError({ ...base, host: "api.vitablehealth.com", transportFailure: "unreachable" }),
      "The add-on could not reach Vitable at api.vitablehealth.com, so it could not read group grp_9. Wait a few minutes, then try again; if it keeps happening, Vitable may be down.",
    ],
    [
      "VitableBadResponseError",
      new VitableBadResponseError({ ...base, status: 200 }),
      "Vitable sent an answer the add-on could not read, so it could not read group grp_9. Try again later; if it keeps happening, contact Vitable support.",
    ],
    [
      "VitableOutOfTimeError",
      new VitableOutOfTimeError({ ...base, lastFailure: null }),
      "The add-on stopped before it could read group grp_9 because this run was out of time. Try again in a few minutes.",
    ],
  ])("%s", (_name, error, sentence) => {
    expect(vitableErrorSentence(error)).toBe(sentence);
  });
});

describe("sentences by operation and status", () => {
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
      ['group reference "seg_2" already exists', "Link this tab to that group"],
    ],
    [
      "409 on a new group",
      { name: "createGroup", externalReferenceId: "seg_2" },
      409,
      ['group reference "seg_2" already exists'],
    ],
    [
      "400 on a list",
      { name: "listGroups" },
      400,
      ["refused the request to list the groups. Try again", "contact Vitable support. Vitable answered 400."],
    ],
    [
      "400 on a group",
      { name: "createGroup", externalReferenceId: "seg_2" },
      400,
      ["rejected the group. Check", "1 to 255 characters"],
    ],
    [
      "400 on a roster, without a reason",
      SYNC,
      400,
      ["rejected the roster without saying why. Validate", "Validate the tab"],
    ],
    ["408", { name: "listGroups" }, 408, ["did not answer in time", "could not list the groups"]],
    ["408 on a roster", SYNC, 408, ["did not answer in time, so the add-on could not send the roster"]],
    [
      "502",
      { name: "getGroup", groupId: "grp_9" },
      502,
      ["problem on its side and could not", "could not read group grp_9"],
    ],
  ])("%s", (_name, operation, status, words) => {
    const sentence = vitableErrorSentence(respond(operation, status));
    for (const word of words) expect(sentence).toContain(word);
    // A status code is a detail for support, after the sentence, never part of it.
    expect(sentence).not.toMatch(/HTTP|\(\d{3}\)/);
  });

  it("quotes Vitable's message once, without its own full stop", () => {
    const error = respond(SYNC, 400, { message: "Duplicate reference_id EMP-001." });
    expect(vitableErrorSentence(error)).toBe(
      'Vitable rejected the roster: "Duplicate reference_id EMP-001". Fix what it points out in the sheet, then sync again.',
    );
  });

  it("quotes Vitable's reason for a passing conflict", () => {
    const error = respond(SYNC, 409, { message: "Sync in progress." });
    expect(vitableErrorSentence(error)).toBe(
      'Vitable is still busy with another change to group grp_1. Vitable said: "Sync in progress". Wait a few minutes, then try again.',
    );
  });

  it("ends with the trace ID when Vitable gives one", () => {
    const error = respond({ name: "listPlans" }, 500, { message: "Boom", trace_id: "abc-123" });
    expect(vitableErrorSentence(error)).toMatch(/ Trace ID for Vitable support: abc-123\.$/);
  });

  it("names the unreachable host", () => {
    const error = errorFromTransport(
      failed({ name: "listPlans" }),
      new TransportError("dns", "DNS error: https://api.vitablehealth.com"),
    );
    expect(vitableErrorSentence(error)).toBe(
      "The add-on could not reach Vitable at api.vitablehealth.com, so it could not list the plans. Wait a few minutes, then try again; if it keeps happening, Vitable may be down.",
    );
  });

  it("says a request that timed out was not answered in time", () => {
    const error = errorFromTransport(failed({ name: "listPlans" }), new TransportError("timeout", "Timeout"));
    expect(vitableErrorSentence(error)).toBe(
      "Vitable did not answer in time, so the add-on could not list the plans. Wait a few minutes, then try again.",
    );
  });

  it.each([
    ["timeout", "Vitable did not answer in time while the roster was being sent to group grp_1"],
    ["connectionLost", "The connection to Vitable was lost while the roster was being sent to group grp_1"],
  ] as const)(
    "says a roster whose answer was lost (%s) may have arrived, and that sending it again is safe",
    (kind, start) => {
      const error = errorFromTransport(failed(SYNC), new TransportError(kind, "Lost: https://api.vitablehealth.com"));
      expect(vitableErrorSentence(error)).toBe(
        `${start}, so it is not known whether Vitable received it. Sync again in a few minutes: sending the same roster again is safe.`,
      );
    },
  );

  it("says a roster that could not leave was not sent", () => {
    const error = errorFromTransport(
      failed(SYNC),
      new TransportError("dns", "DNS error: https://api.vitablehealth.com"),
    );
    expect(vitableErrorSentence(error)).toMatch(
      /^The add-on could not reach Vitable at api\.vitablehealth\.com, so it could not send the roster to group grp_1\./,
    );
  });

  it("says an unreadable answer to a roster leaves its fate unknown, and sending again is safe", () => {
    const error = badResponseError(failed(SYNC), 202, "data.request_id: expected string");
    expect(vitableErrorSentence(error)).toBe(
      "Vitable's answer to the roster could not be read, so it is not known whether the sync was accepted. Sync again: sending the same roster twice is safe.",
    );
  });

  it("explains an unreadable answer without blaming the user", () => {
    const error = badResponseError(failed({ name: "getGroup", groupId: "grp_1" }), 200, "data.id: expected string");
    expect(vitableErrorSentence(error)).toContain("could not read, so it could not read group grp_1");
  });

  it("puts the retried failure's sentence, with its trace ID, after running out of time", () => {
    const busy = respond({ name: "listPlans" }, 429, { message: "Slow down", trace_id: "t-9" });
    const error = outOfTimeError(failed({ name: "listPlans" }), busy);
    expect(vitableErrorSentence(error)).toBe(`The add-on ran out of time to try again. ${vitableErrorSentence(busy)}`);
    expect(vitableErrorSentence(error).match(/Trace ID/g)).toHaveLength(1);
  });
});

describe("Vitable's own words in a sentence", () => {
  /** The longest sentence without Vitable's words, with room for IDs and the trace ID. */
  const LONGEST_SENTENCE = 1_000;

  it("are cut to a bounded length however long Vitable's message is", () => {
    const error = respond(SYNC, 400, { message: `${"Row invalid. ".repeat(10_000)}`, trace_id: "t-1" });
    const sentence = vitableErrorSentence(error);
    expect(error.vitableMessage!.length).toBeLessThanOrEqual(MAX_VITABLE_MESSAGE_LENGTH);
    expect(sentence.length).toBeLessThan(LONGEST_SENTENCE);
    expect(sentence).toMatch(/^Vitable rejected the roster: "(Row invalid\. )+[^"]*…"\. Fix what it points out/);
  });

  it("never carry a key or token, given to the client or not", () => {
    const error = respond(SYNC, 400, {
      message: `Bad header Authorization: Bearer ${KEY}; also vit_at_0123456789abcdef and plain-${KEY}`,
      trace_id: `trace ${KEY}`,
    });
    const sentence = vitableErrorSentence(error);
    expect(sentence).not.toContain(KEY);
    expect(sentence).not.toContain("vit_at_0123456789abcdef");
    expect(sentence).toContain("[hidden key]");
  });

  it("are bounded and secret-free even in an error built without the client", () => {
    const error = new VitableRejectedError({
      operation: SYNC,
      request: "POST /v1/groups/grp_1/members/sync",
      status: 422,
      vitableMessage: `token vit_apk_someone_else ${"x".repeat(100_000)}`,
    });
    const sentence = vitableErrorSentence(error);
    expect(sentence).not.toContain("vit_apk_someone_else");
    expect(sentence.length).toBeLessThan(LONGEST_SENTENCE);
  });

  it("stay bounded and hide the key whatever Vitable sends, for every status", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(400, 401, 403, 404, 408, 409, 422, 429, 500, 503),
        fc.string({ maxLength: 2_000 }),
        fc.string({ maxLength: 2_000 }),
        fc.constantFrom<VitableOperation>(
          SYNC,
          { name: "listGroups" },
          { name: "createGroup", externalReferenceId: "s" },
        ),
        (status, before, after, operation) => {
          const echo = `${before}${KEY}${after}`;
          const sentence = vitableErrorSentence(respond(operation, status, { message: echo, trace_id: echo }));
          expect(sentence).not.toContain(KEY);
          expect(sentence.length).toBeLessThan(LONGEST_SENTENCE);
        },
      ),
    );
  });
});
