import { boundLength, redactSecrets } from "./errorText";
import type { TransportFailureKind } from "./transport";

/**
 * Every failure of the Vitable client is one of the classes below. They carry technical facts
 * only: what was asked, what Vitable answered, whether asking again may help. The sentences a
 * user reads are built from these facts in src/messages/vitableErrors.ts.
 */

/** What the add-on was asking Vitable for; it decides how a failure is explained. */
export type VitableOperation =
  | { name: "checkKey" }
  | { name: "listPlans" }
  | { name: "listGroups" }
  | { name: "getGroup"; groupId: string }
  | { name: "createGroup"; externalReferenceId: string }
  /** `externalReferenceId` is set when the update changes it. */
  | { name: "updateGroup"; groupId: string; externalReferenceId: string | undefined }
  | { name: "submitMemberSync"; groupId: string }
  | { name: "getMemberSyncRequest"; groupId: string; requestId: string };

/** Vitable's own explanation is quoted to users, so it is kept short. */
export const MAX_VITABLE_MESSAGE_LENGTH = 500;
/** Codes and trace IDs are short; anything longer is not one. */
const MAX_IDENTIFIER_LENGTH = 200;
const MAX_DETAIL_LENGTH = 1_000;

export interface VitableErrorFields {
  operation: VitableOperation;
  /** Method and path, e.g. `GET /v1/groups?limit=100&page=2`. */
  request: string;
  /** The HTTP status; null when no answer came. */
  status?: number | null;
  /** Vitable's `error.code` or `app_error_code`. */
  code?: string | null;
  traceId?: string | null;
  /** Vitable's own explanation. Secrets are hidden and its length bounded on construction. */
  vitableMessage?: string | null;
  /** For the log: why an answer could not be read, or what the network layer reported. */
  detail?: string | null;
  /** Whether asking again may succeed; each class has its own default. */
  retryable?: boolean;
  /** The wait Vitable asked for before asking again (Retry-After), in ms; sent with 429, maybe with 503. */
  retryAfterMs?: number | null;
}

/** Vitable-sourced text as it may be kept: no token-shaped secret, bounded length. */
function safeText(text: string | null | undefined, maxLength: number): string | null {
  return text === null || text === undefined ? null : boundLength(redactSecrets(text, ""), maxLength);
}

/** The facts every Vitable error carries, as kept. */
interface Answer {
  status: number | null;
  code: string | null;
  traceId: string | null;
  vitableMessage: string | null;
  detail: string | null;
}

function answerOf(fields: VitableErrorFields): Answer {
  return {
    status: fields.status ?? null,
    code: safeText(fields.code, MAX_IDENTIFIER_LENGTH),
    traceId: safeText(fields.traceId, MAX_IDENTIFIER_LENGTH),
    vitableMessage: safeText(fields.vitableMessage, MAX_VITABLE_MESSAGE_LENGTH),
    detail: safeText(fields.detail, MAX_DETAIL_LENGTH),
  };
}

/** `HTTP 404, code not_found, trace ID t-1: detail`, for the technical message. */
function describeAnswer(answer: Answer): string {
  const facts = [answer.status === null ? "no response" : `HTTP ${answer.status}`];
  if (answer.code !== null) facts.push(`code ${answer.code}`);
  if (answer.traceId !== null) facts.push(`trace ID ${answer.traceId}`);
  return answer.detail === null ? facts.join(", ") : `${facts.join(", ")}: ${answer.detail}`;
}

/**
 * The base of every Vitable failure. `message` is technical, for logs and developers: the
 * request and Vitable's answer, never HR wording, member data (Vitable's message may quote
 * some, so it stays out) or the API key.
 */
export abstract class VitableError extends Error {
  readonly operation: VitableOperation;
  readonly request: string;
  readonly status: number | null;
  readonly code: string | null;
  readonly traceId: string | null;
  readonly vitableMessage: string | null;
  readonly detail: string | null;
  readonly retryable: boolean;
  readonly retryAfterMs: number | null;

  /** `message` replaces the default technical message, `<request> failed: <answer>`. */
  protected constructor(name: string, fields: VitableErrorFields, retryableByDefault: boolean, message?: string) {
    const answer = answerOf(fields);
    super(message ?? `${fields.request} failed: ${describeAnswer(answer)}`);
    this.name = name;
    this.operation = fields.operation;
    this.request = fields.request;
    this.status = answer.status;
    this.code = answer.code;
    this.traceId = answer.traceId;
    this.vitableMessage = answer.vitableMessage;
    this.detail = answer.detail;
    this.retryable = fields.retryable ?? retryableByDefault;
    this.retryAfterMs = fields.retryAfterMs ?? null;
  }
}

/** 401: Vitable does not accept the API key. */
export class VitableUnauthorizedError extends VitableError {
  constructor(fields: VitableErrorFields) {
    super("VitableUnauthorizedError", fields, false);
  }
}

/** 403: the key works, but may not do this. */
export class VitableForbiddenError extends VitableError {
  constructor(fields: VitableErrorFields) {
    super("VitableForbiddenError", fields, false);
  }
}

/** 404: the group or sync request does not exist for this key, or the path is unknown. */
export class VitableNotFoundError extends VitableError {
  constructor(fields: VitableErrorFields) {
    super("VitableNotFoundError", fields, false);
  }
}

export interface VitableConflictErrorFields extends VitableErrorFields {
  /** The external reference ID another group already has; null when the 409 is a passing lock. */
  takenExternalReferenceId?: string | null;
}

/** 409: a taken external reference ID (final), or another change still holding the group (passes). */
export class VitableConflictError extends VitableError {
  readonly takenExternalReferenceId: string | null;

  constructor(fields: VitableConflictErrorFields) {
    const taken = fields.takenExternalReferenceId ?? null;
    super("VitableConflictError", fields, taken === null);
    this.takenExternalReferenceId = taken;
  }
}

/** 400, 422 and other 4xx: Vitable found the request invalid. */
export class VitableRejectedError extends VitableError {
  constructor(fields: VitableErrorFields) {
    super("VitableRejectedError", fields, false);
  }
}

/** 429: too many requests; `retryAfterMs` says how long Vitable asked to wait, when it did. */
export class VitableBusyError extends VitableError {
  constructor(fields: VitableErrorFields) {
    super("VitableBusyError", fields, true);
  }
}

/** 5xx: a problem on Vitable's side. */
export class VitableServerError extends VitableError {
  constructor(fields: VitableErrorFields) {
    super("VitableServerError", fields, true);
  }
}

export interface VitableNetworkErrorFields extends VitableErrorFields {
  /** The API host the request went to. */
  host: string;
  /** Why no answer came; null when Vitable answered 408 Request Timeout. */
  transportFailure: TransportFailureKind | null;
}

/** No answer (timeout, DNS, unreachable, connection lost), or Vitable's 408. */
export class VitableNetworkError extends VitableError {
  readonly host: string;
  readonly transportFailure: TransportFailureKind | null;

  constructor(fields: VitableNetworkErrorFields) {
    super("VitableNetworkError", fields, true);
    this.host = fields.host;
    this.transportFailure = fields.transportFailure;
  }

  /** A request whose answer was lost or late may have reached Vitable and been acted on. */
  get mayHaveReachedVitable(): boolean {
    return this.transportFailure === "timeout" || this.transportFailure === "connectionLost";
  }
}

/** An answer that is not the documented shape, or a status that is neither success nor error. */
export class VitableBadResponseError extends VitableError {
  constructor(fields: VitableErrorFields) {
    super("VitableBadResponseError", fields, false);
  }
}

export interface VitableOutOfTimeErrorFields {
  operation: VitableOperation;
  request: string;
  /** The failure that would have been retried; null when the request was never sent. */
  lastFailure: VitableError | null;
}

/** The caller's time budget ran out before the request could be (re)tried. Carries the last failure's facts. */
export class VitableOutOfTimeError extends VitableError {
  readonly lastFailure: VitableError | null;

  constructor(fields: VitableOutOfTimeErrorFields) {
    const { lastFailure } = fields;
    super(
      "VitableOutOfTimeError",
      {
        operation: fields.operation,
        request: fields.request,
        status: lastFailure?.status ?? null,
        code: lastFailure?.code ?? null,
        traceId: lastFailure?.traceId ?? null,
        vitableMessage: lastFailure?.vitableMessage ?? null,
        detail: lastFailure?.detail ?? null,
      },
      false,
      lastFailure
        ? `${fields.request} ran out of time to retry after: ${lastFailure.message}`
        : `${fields.request} was not sent: out of time`,
    );
    this.lastFailure = lastFailure;
  }
}
