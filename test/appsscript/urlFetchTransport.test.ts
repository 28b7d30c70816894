import { urlFetchTransport } from "../../src/appsscript/urlFetchTransport";
import { TransportError, type HttpRequest } from "../../src/vitable/transport";

type FetchParams = GoogleAppsScript.URL_Fetch.URLFetchRequestOptions;

interface ScriptedFetchResponse {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

/** A UrlFetchApp that records each call and answers from a script (or throws what it is given). */
class FakeUrlFetchApp implements Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, "fetch"> {
  readonly calls: Array<{ url: string; params: FetchParams }> = [];
  readonly charsets: Array<string | undefined> = [];

  constructor(private readonly outcome: ScriptedFetchResponse | Error) {}

  fetch(url: string, params: FetchParams = {}): GoogleAppsScript.URL_Fetch.HTTPResponse {
    this.calls.push({ url, params });
    const outcome = this.outcome;
    if (outcome instanceof Error) throw outcome;
    const charsets = this.charsets;
    const response: Pick<
      GoogleAppsScript.URL_Fetch.HTTPResponse,
      "getResponseCode" | "getAllHeaders" | "getContentText"
    > = {
      getResponseCode: () => outcome.status,
      getAllHeaders: () => outcome.headers,
      getContentText: (charset?: string) => {
        charsets.push(charset);
        return outcome.body;
      },
    };
    return response as GoogleAppsScript.URL_Fetch.HTTPResponse;
  }
}

const globals = globalThis as unknown as { UrlFetchApp?: Pick<GoogleAppsScript.URL_Fetch.UrlFetchApp, "fetch"> };

function install(outcome: ScriptedFetchResponse | Error): FakeUrlFetchApp {
  const fake = new FakeUrlFetchApp(outcome);
  globals.UrlFetchApp = fake;
  return fake;
}

afterEach(() => {
  delete globals.UrlFetchApp;
});

const get: HttpRequest = {
  method: "GET",
  url: "https://api.vitablehealth.com/v1/plans?limit=100&page=1",
  headers: { Authorization: "Bearer vit_apk_x", Accept: "application/json" },
};

const post: HttpRequest = {
  method: "POST",
  url: "https://api.vitablehealth.com/v1/groups",
  headers: { Authorization: "Bearer vit_apk_x", Accept: "application/json", "Content-Type": "application/json" },
  body: '{"name":"Tier 1","external_reference_id":"mol"}',
};

const ok: ScriptedFetchResponse = { status: 200, headers: { "Content-Type": "application/json" }, body: '{"data":[]}' };

describe("urlFetchTransport", () => {
  it("fetches a GET with HTTP exceptions muted, redirects not followed (they would carry the key elsewhere) and no payload", () => {
    const fake = install(ok);
    urlFetchTransport.send(get);
    expect(fake.calls).toEqual([
      {
        url: get.url,
        params: { method: "get", headers: get.headers, muteHttpExceptions: true, followRedirects: false },
      },
    ]);
  });

  it.each([
    ["POST", "post"],
    ["PATCH", "patch"],
  ] as const)("sends a %s body as a JSON string payload, its type only in contentType", (method, fetchMethod) => {
    const fake = install(ok);
    urlFetchTransport.send({ ...post, method });
    expect(fake.calls[0]!.params).toEqual({
      method: fetchMethod,
      headers: { Authorization: "Bearer vit_apk_x", Accept: "application/json" },
      muteHttpExceptions: true,
      followRedirects: false,
      payload: post.body,
      contentType: "application/json",
    });
  });

  it("returns error statuses as responses, with header names lower-cased and repeated headers joined", () => {
    install({
      status: 429,
      headers: { "Retry-After": "3", "X-Should-Retry": "true", "Set-Cookie": ["a=1", "b=2"] },
      body: '{"error":{"code":"rate_limited","message":"Slow down"}}',
    });
    expect(urlFetchTransport.send(get)).toEqual({
      status: 429,
      headers: { "retry-after": "3", "x-should-retry": "true", "set-cookie": "a=1, b=2" },
      body: '{"error":{"code":"rate_limited","message":"Slow down"}}',
    });
  });

  it("reads the body as UTF-8", () => {
    const fake = install({ status: 200, headers: {}, body: '{"name":"Zoë"}' });
    expect(urlFetchTransport.send(get).body).toBe('{"name":"Zoë"}');
    expect(fake.charsets).toEqual(["UTF-8"]);
  });

  it.each([
    ["Timeout: https://api.vitablehealth.com/v1/plans", "timeout"],
    ["Request timed out", "timeout"],
    ["DNS error: https://api.vitablehealth.com/v1/plans", "dns"],
    ["Exception: Connection reset by peer", "connectionLost"],
    ["Address unavailable: https://api.vitablehealth.com/v1/plans", "unreachable"],
    ["Unexpected error: https://api.vitablehealth.com/v1/plans", "unreachable"],
  ])("turns the exception %j into a TransportError of kind %s", (message, kind) => {
    install(new Error(message));
    let thrown: unknown;
    try {
      urlFetchTransport.send(get);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TransportError);
    expect(thrown).toMatchObject({ kind, message });
  });

  it.each(["Service invoked too many times for one day: urlfetch.", "Bandwidth quota exceeded"])(
    "lets the quota error %j through unchanged",
    (message) => {
      const quota = new Error(message);
      install(quota);
      expect(() => urlFetchTransport.send(get)).toThrow(quota);
    },
  );
});
