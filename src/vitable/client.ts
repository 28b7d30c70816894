import * as z from "zod/mini";
import {
  dataEnvelopeSchema,
  groupListSchema,
  groupSchema,
  memberSyncReceiptSchema,
  memberSyncRequestDetailSchema,
  planListSchema,
  type CreateGroupBody,
  type Group,
  type MemberSyncReceipt,
  type MemberSyncRequestDetail,
  type Pagination,
  type Plan,
  type UpdateGroupBody,
} from "./apiSchemas";
import {
  badResponseError,
  errorFromResponse,
  errorFromTransport,
  outOfTimeError,
  type FailedRequest,
} from "./errorFromFailure";
import type { VitableError, VitableOperation } from "./errors";
import type { MemberSyncRequest } from "./memberSchema";
import { DEFAULT_RETRY_POLICY, decideRetry, type RetryPolicy } from "./retryPolicy";
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from "./transport";

/**
 * The Vitable Connect API as the add-on uses it (vitable-api.md §2): plans, groups, member sync.
 * Pure: I/O, waiting, time and randomness are injected, so it runs the same in Apps Script and tests.
 * Every failure is thrown as one of the VitableError classes (errors.ts), which carry facts only;
 * src/messages/vitableErrors.ts words them for users.
 */
export interface VitableClientOptions {
  transport: HttpTransport;
  apiKey: string;
  /** `VITABLE_BASE_URLS[environment]`, or the address of a local emulator. */
  baseUrl: string;
  /** Blocks for `ms` milliseconds (Apps Script: `Utilities.sleep`). */
  sleep(ms: number): void;
  /** Epoch milliseconds. */
  now(): number;
  /** A draw in [0, 1). */
  random(): number;
  retryPolicy?: RetryPolicy;
}

export interface CallOptions {
  /**
   * Epoch ms on the client's clock by which the call must be over: no request starts at or after
   * it and no retry wait reaches it. Without one only the retry count limits a call.
   */
  deadline?: number;
}

export interface VitableClient {
  /** One cheap authenticated call, to check a key before saving it. */
  checkKey(call?: CallOptions): void;
  listPlans(call?: CallOptions): Plan[];
  listGroups(call?: CallOptions): Group[];
  getGroup(groupId: string, call?: CallOptions): Group;
  createGroup(group: CreateGroupBody, call?: CallOptions): Group;
  updateGroup(groupId: string, changes: UpdateGroupBody, call?: CallOptions): Group;
  /** Sends the complete roster of the group; Vitable answers with a receipt, not the outcome. */
  submitMemberSync(groupId: string, roster: MemberSyncRequest, call?: CallOptions): MemberSyncReceipt;
  getMemberSyncRequest(groupId: string, requestId: string, call?: CallOptions): MemberSyncRequestDetail;
}

/** The largest page Vitable serves. */
const PAGE_SIZE = 100;
/** 100,000 items: no organization has that many plans or groups, so more pages means a server that never ends. */
export const MAX_PAGES = 1_000;

const groupEnvelopeSchema = dataEnvelopeSchema(groupSchema);
const receiptEnvelopeSchema = dataEnvelopeSchema(memberSyncReceiptSchema);
const syncRequestEnvelopeSchema = dataEnvelopeSchema(memberSyncRequestDetailSchema);

const TRAILING_SLASHES = /\/+$/;
const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i;

interface Endpoint<S extends z.ZodMiniType> {
  method: HttpRequest["method"];
  /** Starts with `/v1`; path segments and query already encoded. */
  path: string;
  body?: unknown;
  schema: S;
  /** Names the request in its errors, and says whether a 409 to it is final (errorFromFailure.ts). */
  operation: VitableOperation;
}

/** Query strings are built by hand: Apps Script has no URL or URLSearchParams. */
function withQuery(path: string, query: Record<string, string | number>): string {
  const pairs = Object.keys(query).map((name) => `${encodeURIComponent(name)}=${encodeURIComponent(query[name]!)}`);
  return `${path}?${pairs.join("&")}`;
}

/** IDs are opaque (group IDs are base64 and may hold `/`, `+` or `=`), so each is encoded whole. */
function segment(id: string): string {
  return encodeURIComponent(id);
}

function isSuccess(response: HttpResponse): boolean {
  return response.status >= 200 && response.status < 300;
}

/** Request bodies already written as JSON, by the object they were written from. */
const bodyTexts = new WeakMap<object, string>();

/**
 * The JSON text a request body is sent as, written once per body object: a 50,000-member roster
 * is about 14 MB of JSON, and its size is checked (requestSize.ts) before the same object is sent.
 */
export function requestBodyText(body: unknown): string {
  if (typeof body !== "object" || body === null) return JSON.stringify(body);
  let text = bodyTexts.get(body);
  if (text === undefined) bodyTexts.set(body, (text = JSON.stringify(body)));
  return text;
}

export function createVitableClient(options: VitableClientOptions): VitableClient {
  const baseUrl = options.baseUrl.replace(TRAILING_SLASHES, "");
  const host = URL_HOST.exec(baseUrl)?.[1] ?? baseUrl;
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;

  function failedRequest(operation: VitableOperation, method: HttpRequest["method"], path: string): FailedRequest {
    return { operation, request: `${method} ${path}`, host, apiKey: options.apiKey };
  }

  function toHttpRequest(endpoint: Endpoint<z.ZodMiniType>): HttpRequest {
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.apiKey}`,
      Accept: "application/json",
    };
    const request: HttpRequest = { method: endpoint.method, url: baseUrl + endpoint.path, headers };
    if (endpoint.body !== undefined) {
      headers["Content-Type"] = "application/json";
      request.body = requestBodyText(endpoint.body);
    }
    return request;
  }

  function parseSuccess<S extends z.ZodMiniType>(schema: S, response: HttpResponse, failed: FailedRequest): z.infer<S> {
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      throw badResponseError(failed, response.status, "The body is not JSON.");
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw badResponseError(failed, response.status, z.prettifyError(parsed.error));
    return parsed.data;
  }

  /** The response, or the TransportError saying why none came; any other exception propagates. */
  function attempt(request: HttpRequest): HttpResponse | TransportError {
    try {
      return options.transport.send(request);
    } catch (thrown) {
      if (thrown instanceof TransportError) return thrown;
      throw thrown;
    }
  }

  /** Sends one request, retrying per the policy within the caller's deadline. */
  function send<S extends z.ZodMiniType>(endpoint: Endpoint<S>, call: CallOptions): z.infer<S> {
    const request = toHttpRequest(endpoint);
    const failed = failedRequest(endpoint.operation, endpoint.method, endpoint.path);
    const { deadline } = call;
    let lastFailure: VitableError | null = null;
    for (let retriesSoFar = 0; ; retriesSoFar += 1) {
      if (deadline !== undefined && options.now() >= deadline) {
        throw outOfTimeError(failed, lastFailure);
      }
      const outcome = attempt(request);
      if (!(outcome instanceof TransportError) && isSuccess(outcome)) {
        return parseSuccess(endpoint.schema, outcome, failed);
      }
      const now = options.now();
      const error =
        outcome instanceof TransportError
          ? errorFromTransport(failed, outcome)
          : errorFromResponse(failed, outcome, now);
      const decision = decideRetry({
        failure: error,
        retriesSoFar,
        now,
        deadline,
        random: options.random(),
        policy,
      });
      if (!decision.retry) {
        throw decision.stop === "outOfTime" ? outOfTimeError(failed, error) : error;
      }
      lastFailure = error;
      options.sleep(decision.delayMs);
    }
  }

  /** Every page of a list, `PAGE_SIZE` at a time, until Vitable's last page or an empty one. */
  function listAll<T>(
    path: string,
    schema: z.ZodMiniType<{ data: T[]; pagination: Pagination }>,
    operation: VitableOperation,
    call: CallOptions,
  ): T[] {
    const items: T[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const envelope = send(
        { method: "GET", path: withQuery(path, { limit: PAGE_SIZE, page }), schema, operation },
        call,
      );
      for (const item of envelope.data) items.push(item);
      if (envelope.data.length === 0 || page >= envelope.pagination.total_pages) return items;
    }
    throw badResponseError(
      failedRequest(operation, "GET", path),
      200,
      `Still more pages after ${MAX_PAGES} pages of ${PAGE_SIZE}.`,
    );
  }

  return {
    checkKey(call = {}) {
      send(
        {
          method: "GET",
          path: withQuery("/v1/plans", { limit: 1 }),
          schema: planListSchema,
          operation: { name: "checkKey" },
        },
        call,
      );
    },

    listPlans(call = {}) {
      return listAll("/v1/plans", planListSchema, { name: "listPlans" }, call);
    },

    listGroups(call = {}) {
      return listAll("/v1/groups", groupListSchema, { name: "listGroups" }, call);
    },

    getGroup(groupId, call = {}) {
      return send(
        {
          method: "GET",
          path: `/v1/groups/${segment(groupId)}`,
          schema: groupEnvelopeSchema,
          operation: { name: "getGroup", groupId },
        },
        call,
      ).data;
    },

    createGroup(group, call = {}) {
      return send(
        {
          method: "POST",
          path: "/v1/groups",
          body: group,
          schema: groupEnvelopeSchema,
          operation: { name: "createGroup", externalReferenceId: group.external_reference_id },
        },
        call,
      ).data;
    },

    updateGroup(groupId, changes, call = {}) {
      return send(
        {
          method: "PATCH",
          path: `/v1/groups/${segment(groupId)}`,
          body: changes,
          schema: groupEnvelopeSchema,
          operation: { name: "updateGroup", groupId, externalReferenceId: changes.external_reference_id },
        },
        call,
      ).data;
    },

    submitMemberSync(groupId, roster, call = {}) {
      return send(
        {
          method: "POST",
          path: `/v1/groups/${segment(groupId)}/members/sync`,
          body: roster,
          schema: receiptEnvelopeSchema,
          operation: { name: "submitMemberSync", groupId },
        },
        call,
      ).data;
    },

    getMemberSyncRequest(groupId, requestId, call = {}) {
      return send(
        {
          method: "GET",
          path: `/v1/groups/${segment(groupId)}/members/sync/${segment(requestId)}`,
          schema: syncRequestEnvelopeSchema,
          operation: { name: "getMemberSyncRequest", groupId, requestId },
        },
        call,
      ).data;
    },
  };
}
