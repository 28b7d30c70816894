import { SyncHttpClient, type NetworkFailureKind } from "../../sandbox/runtime/http/syncHttp";
import {
  TransportError,
  type HttpResponse,
  type HttpTransport,
  type TransportFailureKind,
} from "../../src/vitable/transport";

/** Apps Script's UrlFetchApp waits 60 s; so does this transport. */
const TIMEOUT_MS = 60_000;
const MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

const FAILURE_KINDS: Record<NetworkFailureKind, TransportFailureKind> = {
  dns: "dns",
  refused: "unreachable",
  reset: "connectionLost",
  timeout: "timeout",
  tooLarge: "connectionLost",
};

export interface NodeTransport extends HttpTransport {
  /** Stops the network thread. */
  close(): Promise<void>;
}

/**
 * The Vitable client's transport in Node: blocking HTTP on a worker thread (the sandbox's
 * SyncHttpClient), since the client is synchronous as Apps Script is. `observe` sees every response.
 */
export function createNodeTransport(observe: (response: HttpResponse) => void = () => {}): NodeTransport {
  const http = new SyncHttpClient();
  return {
    send(request) {
      const [outcome] = http.sendAll([
        {
          url: request.url,
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: new TextEncoder().encode(request.body) }),
          timeoutMs: TIMEOUT_MS,
          maxResponseBytes: MAX_RESPONSE_BYTES,
        },
      ]);
      if (!outcome!.ok) throw new TransportError(FAILURE_KINDS[outcome!.failure], outcome!.detail);
      const response: HttpResponse = {
        status: outcome!.status,
        headers: Object.fromEntries(outcome!.headers.map(([name, value]) => [name.toLowerCase(), value])),
        body: new TextDecoder().decode(outcome!.body),
      };
      observe(response);
      return response;
    },
    close: () => http.close(),
  };
}
