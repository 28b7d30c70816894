/**
 * The one door through which the Vitable client talks HTTP. Synchronous because every I/O call
 * in Apps Script blocks; the Apps Script adapter is src/appsscript/urlFetchTransport.ts.
 */
export interface HttpRequest {
  method: "GET" | "POST" | "PATCH";
  url: string;
  headers: Record<string, string>;
  /** JSON text; present exactly when the request carries a body. */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
}

export interface HttpTransport {
  /** Returns every HTTP response, whatever its status; throws TransportError when none arrived. */
  send(request: HttpRequest): HttpResponse;
}

/** Why no response arrived. */
export type TransportFailureKind = "timeout" | "dns" | "unreachable" | "connectionLost";

/** No HTTP response at all: network unreachable, DNS failure, connection dropped or timed out. */
export class TransportError extends Error {
  readonly kind: TransportFailureKind;

  constructor(kind: TransportFailureKind, message: string) {
    super(message);
    this.name = "TransportError";
    this.kind = kind;
  }
}
