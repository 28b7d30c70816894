import {
  TransportError,
  type HttpRequest,
  type HttpResponse,
  type HttpTransport,
  type TransportFailureKind,
} from "../vitable/transport";

/** UrlFetchApp spells methods in lower case. */
const FETCH_METHODS: Record<HttpRequest["method"], GoogleAppsScript.URL_Fetch.HttpMethod> = {
  GET: "get",
  POST: "post",
  PATCH: "patch",
};

const CONTENT_TYPE = "content-type";

/**
 * Apps Script quota errors ("Service invoked too many times…", "Bandwidth quota exceeded") are
 * not network failures: retrying cannot help, so they propagate unchanged.
 */
const QUOTA_MESSAGE = /too many times|quota/i;
const TIMEOUT_MESSAGE = /timeout|timed out/i;
const DNS_MESSAGE = /\bdns\b/i;
const CONNECTION_LOST_MESSAGE = /connection (?:reset|closed|aborted)|broken pipe|unexpected end|\beof\b/i;

/**
 * The Vitable client's HTTP transport over Apps Script's UrlFetchApp. HTTP error statuses come
 * back as responses (`muteHttpExceptions`); an exception means no response arrived.
 */
export const urlFetchTransport: HttpTransport = {
  send(request: HttpRequest): HttpResponse {
    const params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions = {
      method: FETCH_METHODS[request.method],
      headers: withoutContentType(request.headers),
      muteHttpExceptions: true,
      // A redirect would send the bearer key on to wherever it points: Vitable's API never
      // redirects, so a 3xx is answered as the unexpected status it is.
      followRedirects: false,
    };
    if (request.body !== undefined) {
      // UrlFetchApp sends a string payload as is, typed by `contentType`.
      params.payload = request.body;
      params.contentType = "application/json";
    }
    let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
    try {
      response = UrlFetchApp.fetch(request.url, params);
    } catch (error) {
      throw asTransportError(error);
    }
    return {
      status: response.getResponseCode(),
      headers: lowerCaseHeaders(response.getAllHeaders()),
      // JSON is UTF-8 (RFC 8259) whatever charset the response may claim.
      body: response.getContentText("UTF-8"),
    };
  },
};

/** The content type goes in UrlFetchApp's `contentType` option; a second one in the headers would clash. */
function withoutContentType(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    if (name.toLowerCase() !== CONTENT_TYPE) kept[name] = headers[name]!;
  }
  return kept;
}

/** `getAllHeaders()` keeps the server's capitalisation and gives a repeated header as an array. */
function lowerCaseHeaders(allHeaders: object): Record<string, string> {
  const source = allHeaders as Record<string, unknown>;
  const headers: Record<string, string> = {};
  for (const name of Object.keys(source)) {
    const value = source[name];
    const text = Array.isArray(value) ? value.map(String).join(", ") : String(value);
    const key = name.toLowerCase();
    headers[key] = key in headers ? `${headers[key]}, ${text}` : text;
  }
  return headers;
}

/** A TransportError for a network failure; an Apps Script quota error unchanged. */
function asTransportError(error: unknown): unknown {
  const message = error instanceof Error ? error.message : String(error);
  if (QUOTA_MESSAGE.test(message)) return error;
  return new TransportError(failureKind(message), message);
}

function failureKind(message: string): TransportFailureKind {
  if (TIMEOUT_MESSAGE.test(message)) return "timeout";
  if (DNS_MESSAGE.test(message)) return "dns";
  if (CONNECTION_LOST_MESSAGE.test(message)) return "connectionLost";
  return "unreachable";
}
