import fc from "fast-check";
import { errorFromResponse, errorFromTransport, type FailedRequest } from "../../src/vitable/errorFromFailure";
import type { VitableError, VitableOperation } from "../../src/vitable/errors";
import {
  DEFAULT_RETRY_POLICY,
  backoffDelayMs,
  decideRetry,
  serverRequestedDelayMs,
  vitableRetryAdvice,
  type RetryQuestion,
} from "../../src/vitable/retryPolicy";
import { TransportError } from "../../src/vitable/transport";

const NOW = Date.UTC(2026, 0, 15, 10, 30);
const READ: VitableOperation = { name: "getGroup", groupId: "grp_1" };
/** Creating a group: a 409 means its external reference ID is taken, which no retry changes. */
const CREATE: VitableOperation = { name: "createGroup", externalReferenceId: "seg_1" };

const failedRequest = (operation: VitableOperation): FailedRequest => ({
  operation,
  request: "GET /v1/x",
  host: "api.vitablehealth.com",
  apiKey: "vit_apk_test",
});

const status = (code: number, headers: Record<string, string> = {}, operation: VitableOperation = READ): VitableError =>
  errorFromResponse(failedRequest(operation), { status: code, headers, body: "" }, NOW);
const lostConnection = (): VitableError =>
  errorFromTransport(failedRequest(READ), new TransportError("connectionLost", "Connection reset"));

describe("which failures are retryable", () => {
  it.each<[string, () => VitableError, boolean]>([
    ["a lost connection", lostConnection, true],
    ["408", () => status(408), true],
    ["409", () => status(409), true],
    ["409 where conflicts are final", () => status(409, {}, CREATE), false],
    ["429", () => status(429), true],
    ["500", () => status(500), true],
    ["599", () => status(599), true],
    ["304", () => status(304), false],
    ["400", () => status(400), false],
    ["401", () => status(401), false],
    ["403", () => status(403), false],
    ["404", () => status(404), false],
    ["422", () => status(422), false],
    ["x-should-retry: false on 503", () => status(503, { "x-should-retry": "false" }), false],
    ["x-should-retry: true on 400", () => status(400, { "x-should-retry": "true" }), true],
    [
      "x-should-retry: true on 409 where conflicts are final",
      () => status(409, { "x-should-retry": "true" }, CREATE),
      true,
    ],
    ["an unreadable x-should-retry on 503", () => status(503, { "x-should-retry": "maybe" }), true],
  ])("%s → %s", (_name, failure, expected) => {
    expect(failure().retryable).toBe(expected);
  });
});

describe("vitableRetryAdvice", () => {
  it.each<[Record<string, string>, boolean | undefined]>([
    [{}, undefined],
    [{ "x-should-retry": "true" }, true],
    [{ "x-should-retry": "false" }, false],
    [{ "x-should-retry": "TRUE" }, undefined],
    [{ "x-should-retry": "" }, undefined],
  ])("%j → %s", (headers, expected) => {
    expect(vitableRetryAdvice(headers)).toBe(expected);
  });
});

describe("serverRequestedDelayMs", () => {
  it.each<[string, Record<string, string>, number | undefined]>([
    ["no header", {}, undefined],
    ["retry-after-ms", { "retry-after-ms": "1500" }, 1500],
    ["fractional retry-after-ms, rounded up", { "retry-after-ms": "12.2" }, 13],
    ["retry-after-ms before Retry-After", { "retry-after-ms": "250", "retry-after": "9" }, 250],
    ["unreadable retry-after-ms, then Retry-After", { "retry-after-ms": "soon", "retry-after": "2" }, 2000],
    ["Retry-After seconds", { "retry-after": "3" }, 3000],
    ["Retry-After 0", { "retry-after": "0" }, 0],
    ["fractional Retry-After seconds", { "retry-after": "1.5" }, 1500],
    ["Retry-After HTTP date", { "retry-after": new Date(NOW + 7000).toUTCString() }, 7000],
    ["Retry-After HTTP date in the past", { "retry-after": new Date(NOW - 7000).toUTCString() }, undefined],
    ["unreadable Retry-After", { "retry-after": "later" }, undefined],
    ["negative Retry-After", { "retry-after": "-5" }, undefined],
  ])("%s → %s", (_name, headers, expected) => {
    expect(serverRequestedDelayMs(headers, NOW)).toBe(expected);
  });
});

describe("backoffDelayMs", () => {
  it.each([
    [0, 0, 500],
    [1, 0, 1000],
    [2, 0, 2000],
    [3, 0, 4000],
    [4, 0, 8000],
    [5, 0, 8000],
    [12, 0, 8000],
    [0, 0.5, 438],
    [4, 0.5, 7000],
    [4, 0.999, 6002],
  ])("after %i retries with random %d → %i ms", (retries, random, expected) => {
    expect(backoffDelayMs(retries, random)).toBe(expected);
  });

  it("stays between 75% and 100% of min(0.5 s × 2^n, 8 s)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 0.9999, noNaN: true }), (n, random) => {
        const base = Math.min(500 * 2 ** n, 8000);
        const delay = backoffDelayMs(n, random);
        expect(delay).toBeGreaterThanOrEqual(base * 0.75);
        expect(delay).toBeLessThanOrEqual(base);
      }),
    );
  });
});

describe("decideRetry", () => {
  const question = (overrides: Partial<RetryQuestion>): RetryQuestion => ({
    failure: status(503),
    retriesSoFar: 0,
    now: NOW,
    deadline: undefined,
    random: 0,
    policy: DEFAULT_RETRY_POLICY,
    ...overrides,
  });

  it.each<[string, Partial<RetryQuestion>, ReturnType<typeof decideRetry>]>([
    ["a first 503", {}, { retry: true, delayMs: 500 }],
    ["a second 503", { retriesSoFar: 1 }, { retry: true, delayMs: 1000 }],
    ["a 503 after the last retry", { retriesSoFar: 2 }, { retry: false, stop: "retriesExhausted" }],
    ["a 404", { failure: status(404) }, { retry: false, stop: "notRetryable" }],
    ["a 503 asking for 3 s", { failure: status(503, { "retry-after-ms": "3000" }) }, { retry: true, delayMs: 3000 }],
    [
      "any retryable failure without a requested wait",
      { failure: { retryable: true, retryAfterMs: null } },
      { retry: true, delayMs: 500 },
    ],
    ["a 429 asking for 2 s", { failure: status(429, { "retry-after": "2" }) }, { retry: true, delayMs: 2000 }],
    [
      "a 429 asking for exactly the limit",
      { failure: status(429, { "retry-after": "60" }) },
      { retry: true, delayMs: 60_000 },
    ],
    [
      "a 429 asking for more than the limit",
      { failure: status(429, { "retry-after": "61" }) },
      { retry: false, stop: "serverDelayTooLong" },
    ],
    ["a wait ending just before the deadline", { deadline: NOW + 501 }, { retry: true, delayMs: 500 }],
    ["a wait ending on the deadline", { deadline: NOW + 500 }, { retry: false, stop: "outOfTime" }],
    [
      "a server wait past the deadline",
      { failure: status(429, { "retry-after": "5" }), deadline: NOW + 4000 },
      { retry: false, stop: "outOfTime" },
    ],
    ["a lost connection", { failure: lostConnection() }, { retry: true, delayMs: 500 }],
    [
      "a lost connection after the last retry",
      { failure: lostConnection(), retriesSoFar: 2 },
      { retry: false, stop: "retriesExhausted" },
    ],
    [
      "no retries allowed",
      { policy: { maxRetries: 0, maxServerDelayMs: 60_000 } },
      { retry: false, stop: "retriesExhausted" },
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(decideRetry(question(overrides))).toEqual(expected);
  });

  it("never plans a wait that reaches the deadline", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(408, 409, 429, 500, 503),
        fc.option(fc.integer({ min: 0, max: 120 }), { nil: undefined }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: -1000, max: 90_000 }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (code, retryAfter, retriesSoFar, budget, random) => {
          const headers: Record<string, string> = retryAfter === undefined ? {} : { "retry-after": String(retryAfter) };
          const decision = decideRetry(
            question({
              failure: status(code, headers),
              retriesSoFar,
              deadline: NOW + budget,
              random,
              policy: { maxRetries: 10, maxServerDelayMs: 60_000 },
            }),
          );
          if (decision.retry) expect(NOW + decision.delayMs).toBeLessThan(NOW + budget);
        },
      ),
    );
  });
});
