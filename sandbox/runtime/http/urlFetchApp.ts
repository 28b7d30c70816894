import { SANDBOX_CLOCK_HEADER } from "../../emulator/clock";
import type { Execution } from "../execution";
import type { SyncHttpClient, SyncHttpOutcome, SyncHttpRequest } from "./syncHttp";

/** UrlFetchApp's limits (apps-script-notes.md A2). */
export const URL_FETCH_LIMITS = {
  timeoutMs: 60_000,
  maxUrlLength: 2_082,
  maxHeaders: 100,
  maxPayloadBytes: 50 * 1024 * 1024,
  maxResponseBytes: 50 * 1024 * 1024,
  callsPerDay: 20_000,
  truncatedResponseChars: 1_000,
} as const;

/**
 * Requests to these addresses reach a local server: everything else fails as Apps Script fails
 * an unknown host, because the sandbox has no network.
 */
const LOOPBACK = /^https?:\/\/(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?(?:\/|$)/i;

const USER_AGENT = "Mozilla/5.0 (compatible; Google-Apps-Script)";

export interface UrlFetchOptions {
  /**
   * Where real services live in the sandbox: an origin or URL prefix the add-on uses (e.g.
   * `https://api.vitablehealth.com`) mapped to a local base URL (the emulator's).
   */
  routes?: Readonly<Record<string, string>>;
  /** Apps Script's fixed 60 s, shortened by tests that stage a server that never answers. */
  timeoutMs?: number;
}

/** What persists between executions: the daily quota. */
export class UrlFetchState {
  private readonly usedByDay = new Map<string, number>();

  constructor(readonly callsPerDay: number = URL_FETCH_LIMITS.callsPerDay) {}

  /** Takes `calls` from the user's quota of the day, or says the quota is spent. */
  take(userEmail: string, now: number, calls: number): boolean {
    const key = `${userEmail} ${new Date(now).toISOString().slice(0, 10)}`;
    const used = this.usedByDay.get(key) ?? 0;
    if (used + calls > this.callsPerDay) return false;
    this.usedByDay.set(key, used + calls);
    return true;
  }
}

type FetchParams = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;
type FetchRequest = GoogleAppsScript.URL_Fetch.URLFetchRequest;
type FetchResponse = Pick<
  GoogleAppsScript.URL_Fetch.HTTPResponse,
  "getResponseCode" | "getContentText" | "getContent" | "getHeaders" | "getAllHeaders"
>;
export type SandboxUrlFetchApp = {
  fetch(url: string, params?: FetchParams): FetchResponse;
  fetchAll(requests: (string | FetchRequest)[]): FetchResponse[];
  getRequest(url: string, params?: FetchParams): object;
};

interface Prepared {
  url: string;
  muteHttpExceptions: boolean;
  request: SyncHttpRequest;
}

/**
 * UrlFetchApp for one execution: synchronous, real HTTP, Apps Script's option handling
 * (`payload`, `contentType`, `headers`, `method`, `muteHttpExceptions`, `followRedirects`),
 * its limits and its error sentences.
 */
export function createUrlFetchApp(
  http: SyncHttpClient,
  state: UrlFetchState,
  execution: Execution,
  { routes = {}, timeoutMs = URL_FETCH_LIMITS.timeoutMs }: UrlFetchOptions = {},
): SandboxUrlFetchApp {
  function prepare(url: string, params: FetchParams = {}): Prepared {
    if (typeof url !== "string" || url === "") throw execution.exception("Invalid argument: url");
    if (url.length > URL_FETCH_LIMITS.maxUrlLength) throw execution.exception("Limit Exceeded: URLFetch URL Length.");
    const headers: Record<string, string> = { "User-Agent": USER_AGENT };
    for (const [name, value] of Object.entries(params.headers ?? {})) headers[name] = String(value);
    const body = payloadBytes(params, headers);
    if (Object.keys(headers).length > URL_FETCH_LIMITS.maxHeaders) {
      throw execution.exception("Limit Exceeded: URLFetch headers.");
    }
    if (body && body.length > URL_FETCH_LIMITS.maxPayloadBytes) {
      throw execution.exception("Limit Exceeded: URLFetch POST Size.");
    }
    const target = routed(url, routes);
    // The clock travels with every request to a local server, so the Vitable emulator processes
    // syncs on the time the tests control.
    if (LOOPBACK.test(target)) headers[SANDBOX_CLOCK_HEADER] = String(execution.clock.now());
    return {
      url,
      muteHttpExceptions: params.muteHttpExceptions === true,
      request: {
        url: target,
        method: (params.method ?? "get").toUpperCase(),
        headers,
        ...(body ? { body } : {}),
        timeoutMs,
        maxResponseBytes: URL_FETCH_LIMITS.maxResponseBytes,
      },
    };
  }

  function send(prepared: Prepared[], followRedirects: boolean[]): FetchResponse[] {
    if (!state.take(execution.user.email, execution.clock.now(), prepared.length)) {
      throw execution.exception("Service invoked too many times for one day: urlfetch.");
    }
    for (const { url, request } of prepared) {
      if (!LOOPBACK.test(request.url)) throw execution.exception(`DNS error: ${url}`);
    }
    execution.countFetches(prepared.length);
    const outcomes = http.sendAll(prepared.map((p) => p.request));
    execution.countFetchBytes(
      prepared.reduce((bytes, { request }) => bytes + (request.body?.length ?? 0), 0),
      outcomes.reduce((bytes, outcome) => bytes + (outcome.ok ? outcome.body.length : 0), 0),
    );
    // Time spent on the network counts against the execution even when the clock ignores real time.
    execution.checkTime();
    return outcomes.map((outcome, i) => {
      const { url, request, muteHttpExceptions } = prepared[i]!;
      const final = followRedirects[i] ? followed(outcome, request) : outcome;
      return answer(final, url, muteHttpExceptions);
    });
  }

  /** Follows up to five redirects, as UrlFetchApp does by default. */
  function followed(outcome: SyncHttpOutcome, request: SyncHttpRequest): SyncHttpOutcome {
    let current = outcome;
    for (let hops = 0; hops < 5 && current.ok && current.status >= 300 && current.status < 400; hops++) {
      const location = header(current.headers, "location");
      if (location === undefined) break;
      const next = { ...request, url: new URL(location, request.url).toString(), method: "GET" };
      delete next.body;
      current = http.sendAll([next])[0]!;
    }
    return current;
  }

  function answer(outcome: SyncHttpOutcome, url: string, muteHttpExceptions: boolean): FetchResponse {
    if (!outcome.ok) throw execution.exception(failureMessage(outcome.failure, url));
    const response = httpResponse(outcome, execution);
    if (outcome.status >= 400 && !muteHttpExceptions) {
      const text = Buffer.from(outcome.body).toString("utf8").slice(0, URL_FETCH_LIMITS.truncatedResponseChars);
      throw execution.exception(
        `Request failed for ${url} returned code ${outcome.status}. Truncated server response: ${text} ` +
          "(use muteHttpExceptions option to examine full response)",
      );
    }
    return response;
  }

  return {
    fetch(url, params) {
      execution.call(
        "UrlFetchApp",
        "fetch",
        "other",
        `${String(params?.method ?? "get").toUpperCase()} ${String(url)}`,
      );
      return send([prepare(url, params)], [params?.followRedirects !== false])[0]!;
    },
    fetchAll(requests) {
      execution.call("UrlFetchApp", "fetchAll", "other");
      const each = requests.map((r) => (typeof r === "string" ? { url: r } : r));
      return send(
        each.map(({ url, ...params }) => prepare(url, params)),
        each.map((r) => r.followRedirects !== false),
      );
    },
    getRequest(url, params) {
      execution.call("UrlFetchApp", "getRequest", "other");
      const { request } = prepare(url, params);
      return execution.realm.copyIn({
        url,
        method: request.method.toLowerCase(),
        headers: request.headers,
        payload: request.body ? Buffer.from(request.body).toString("utf8") : "",
      });
    },
  };
}

/** Apps Script's payload rules: a string as is, an object as a form, bytes as bytes. */
function payloadBytes(params: FetchParams, headers: Record<string, string>): Uint8Array | undefined {
  const { payload, contentType } = params;
  if (payload === undefined || payload === null) return undefined;
  let bytes: Uint8Array;
  let defaultType = "application/x-www-form-urlencoded";
  if (typeof payload === "string") {
    bytes = Buffer.from(payload, "utf8");
  } else if (Array.isArray(payload)) {
    bytes = Uint8Array.from(payload as number[], (b) => b & 0xff);
    defaultType = "application/octet-stream";
  } else {
    const form = Object.entries(payload as Record<string, unknown>)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
      .join("&");
    bytes = Buffer.from(form, "utf8");
  }
  headers["Content-Type"] = contentType ?? defaultType;
  return bytes;
}

function routed(url: string, routes: Readonly<Record<string, string>>): string {
  for (const [prefix, base] of Object.entries(routes)) {
    const from = prefix.replace(/\/$/, "");
    if (url === from || url.startsWith(`${from}/`) || url.startsWith(`${from}?`)) {
      return base.replace(/\/$/, "") + url.slice(from.length);
    }
  }
  return url;
}

/** Apps Script's sentences for requests that got no answer (wording not confirmed on a live account). */
function failureMessage(failure: Exclude<SyncHttpOutcome, { ok: true }>["failure"], url: string): string {
  switch (failure) {
    case "dns":
      return `DNS error: ${url}`;
    case "refused":
      return `Address unavailable: ${url}`;
    case "reset":
      return `Unexpected error: ${url} (connection reset)`;
    case "timeout":
      return `Timeout: ${url}`;
    case "tooLarge":
      return "Limit Exceeded: URLFetch response size.";
  }
}

function header(headers: readonly [string, string][], name: string): string | undefined {
  return headers.find(([key]) => key.toLowerCase() === name)?.[1];
}

function httpResponse(outcome: Extract<SyncHttpOutcome, { ok: true }>, execution: Execution): FetchResponse {
  const single: Record<string, string> = {};
  const all: Record<string, string | string[]> = {};
  for (const [name, value] of outcome.headers) {
    single[name] = value;
    const previous = all[name];
    all[name] = previous === undefined ? value : ([] as string[]).concat(previous, value);
  }
  const text = (charset?: string) => Buffer.from(outcome.body).toString(nodeEncoding(charset));
  return {
    getResponseCode: () => {
      execution.call("HTTPResponse", "getResponseCode", "other");
      return outcome.status;
    },
    getContentText: (charset?: string) => {
      execution.call("HTTPResponse", "getContentText", "other");
      return text(charset);
    },
    getContent: () => {
      execution.call("HTTPResponse", "getContent", "other");
      // Apps Script gives Java's signed bytes.
      return execution.realm.copyIn(Array.from(outcome.body, (b) => (b > 127 ? b - 256 : b)));
    },
    getHeaders: () => {
      execution.call("HTTPResponse", "getHeaders", "other");
      return execution.realm.copyIn(single);
    },
    getAllHeaders: () => {
      execution.call("HTTPResponse", "getAllHeaders", "other");
      return execution.realm.copyIn(all);
    },
  };
}

function nodeEncoding(charset: string | undefined): BufferEncoding {
  const name = (charset ?? "UTF-8").toLowerCase().replace(/[^a-z0-9]/g, "");
  if (name === "iso88591" || name === "latin1" || name === "usascii") return "latin1";
  if (name === "utf16le") return "utf16le";
  return "utf8";
}
