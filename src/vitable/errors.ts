import { errorBodySchema } from "./apiSchemas";
import type { HttpResponse, TransportError, TransportFailureKind } from "./transport";

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

export type VitableErrorKind =
  | "unauthorized"
  | "forbidden"
  | "notFound"
  | "conflict"
  | "rejected"
  | "busy"
  | "serverError"
  | "network"
  | "badResponse"
  | "outOfTime";

export interface VitableErrorFields {
  kind: VitableErrorKind;
  operation: VitableOperation;
  /** Method and path, e.g. `GET /v1/groups?limit=100&page=2`. */
  request: string;
  status: number | null;
  /** Vitable's `error.code` or `app_error_code`. */
  code: string | null;
  traceId: string | null;
  /** Vitable's own explanation, keys hidden. */
  vitableMessage: string | null;
  /** For the log: why an answer could not be read, or what the network layer reported. */
  detail: string | null;
  /** A sentence an HR person can act on. */
  userMessage: string;
  /** For `outOfTime`: the failure that would have been retried. */
  lastFailure: VitableError | null;
}

/** Every failure of the Vitable client; `message` is the user message. Never contains the API key. */
export class VitableError extends Error implements VitableErrorFields {
  readonly kind: VitableErrorKind;
  readonly operation: VitableOperation;
  readonly request: string;
  readonly status: number | null;
  readonly code: string | null;
  readonly traceId: string | null;
  readonly vitableMessage: string | null;
  readonly detail: string | null;
  readonly userMessage: string;
  readonly lastFailure: VitableError | null;

  constructor(fields: VitableErrorFields) {
    super(fields.userMessage);
    this.name = "VitableError";
    this.kind = fields.kind;
    this.operation = fields.operation;
    this.request = fields.request;
    this.status = fields.status;
    this.code = fields.code;
    this.traceId = fields.traceId;
    this.vitableMessage = fields.vitableMessage;
    this.detail = fields.detail;
    this.userMessage = fields.userMessage;
    this.lastFailure = fields.lastFailure;
  }
}

/** The request a failure belongs to, and what must never be shown. */
export interface FailedRequest {
  operation: VitableOperation;
  request: string;
  /** Host of the API, named when it cannot be reached. */
  host: string;
  apiKey: string;
}

const HIDDEN_KEY = "[hidden key]";
/** Vitable API keys and access tokens, whoever they belong to. */
const TOKEN_PATTERN = /vit_(?:apk|at)_[^\s"'<>,;]*/g;
const BEARER_PATTERN = /(Bearer\s+)[^\s"'<>,;]+/gi;
const TRAILING_FULL_STOPS = /\.+$/;
const TIMED_OUT_STATUS = 408;

/** Removes the API key, anything shaped like a Vitable key or token, and bearer credentials. */
export function redactSecrets(text: string, apiKey: string): string {
  const withoutKey = apiKey === "" ? text : text.split(apiKey).join(HIDDEN_KEY);
  return withoutKey.replace(TOKEN_PATTERN, HIDDEN_KEY).replace(BEARER_PATTERN, `$1${HIDDEN_KEY}`);
}

interface ErrorBodyDetails {
  code: string | null;
  message: string | null;
  traceId: string | null;
}

/** Reads either documented error body shape; anything else (HTML, empty) yields no details. */
export function readErrorBody(body: string): ErrorBodyDetails {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { code: null, message: null, traceId: null };
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return { code: null, message: null, traceId: null };
  const errorBody = parsed.data;
  if ("trace_id" in errorBody) {
    return {
      code: errorBody.app_error_code,
      message: errorBody.message ?? errorBody.error,
      traceId: errorBody.trace_id,
    };
  }
  return { code: errorBody.error.code, message: errorBody.error.message, traceId: null };
}

/** What the add-on was doing, as the end of "could not …". */
function describeOperation(operation: VitableOperation): string {
  switch (operation.name) {
    case "checkKey":
      return "check the API key";
    case "listPlans":
      return "list the plans";
    case "listGroups":
      return "list the groups";
    case "getGroup":
      return `read group ${operation.groupId}`;
    case "createGroup":
      return "create the group";
    case "updateGroup":
      return `update group ${operation.groupId}`;
    case "submitMemberSync":
      return `send the roster to group ${operation.groupId}`;
    case "getMemberSyncRequest":
      return `read the results of sync ${operation.requestId}`;
  }
}

/** Vitable's words for quoting inside a sentence, without their closing full stop. */
function quote(message: string): string {
  return `"${message.trim().replace(TRAILING_FULL_STOPS, "")}"`;
}

/** `: "Vitable's words"` when it gave some, else the bare status, to follow a clause. */
function reasonGiven(message: string | null, status: number): string {
  return message ? `: ${quote(message)}` : ` (HTTP ${status})`;
}

function notFoundMessage(operation: VitableOperation): string {
  switch (operation.name) {
    case "getGroup":
    case "updateGroup":
    case "submitMemberSync":
      return (
        `Vitable has no group ${operation.groupId} in this organization: it was deleted, or the API key ` +
        "belongs to another organization. Link this tab to an existing group."
      );
    case "getMemberSyncRequest":
      return (
        `Vitable cannot find sync ${operation.requestId} of group ${operation.groupId}: the group was deleted ` +
        "or the sync is too old to look up. Sync this tab again to get fresh results."
      );
    default:
      return (
        `Vitable did not recognise the request to ${describeOperation(operation)} (HTTP 404). Check that the ` +
        "connection uses the right environment (Production or UAT), then try again."
      );
  }
}

function conflictMessage(operation: VitableOperation, vitableMessage: string | null): string {
  if (operation.name === "createGroup" || (operation.name === "updateGroup" && operation.externalReferenceId)) {
    return (
      `A Vitable group with external reference ID "${operation.externalReferenceId}" already exists. ` +
      "Link this tab to that group, or choose another external reference ID."
    );
  }
  const change = "groupId" in operation ? `another change to group ${operation.groupId}` : "another change";
  const said = vitableMessage ? ` Vitable said: ${quote(vitableMessage)}.` : "";
  return `Vitable is still busy with ${change}.${said} Wait a few minutes, then try again.`;
}

function rejectedMessage(operation: VitableOperation, vitableMessage: string | null, status: number): string {
  const reason = reasonGiven(vitableMessage, status);
  switch (operation.name) {
    case "submitMemberSync":
      return vitableMessage
        ? `Vitable rejected the roster${reason}. Fix what it points out in the sheet, then sync again.`
        : `Vitable rejected the roster without saying why (HTTP ${status}). Validate the tab, fix any invalid rows, then sync again.`;
    case "createGroup":
    case "updateGroup":
      return (
        `Vitable rejected the group${reason}. Check the group name and external reference ID ` +
        "(each 1 to 255 characters), then try again."
      );
    default:
      return (
        `Vitable refused the request to ${describeOperation(operation)}${reason}. Try again; if it keeps ` +
        "happening, contact Vitable support."
      );
  }
}

function timedOutMessage(operation: VitableOperation): string {
  return (
    `Vitable did not answer in time, so the add-on could not ${describeOperation(operation)}. ` +
    "Wait a few minutes, then try again."
  );
}

/** The kinds an HTTP error status maps to; running out of time is the caller's, not Vitable's. */
type StatusErrorKind = Exclude<VitableErrorKind, "outOfTime">;

function kindOfStatus(status: number): StatusErrorKind {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "notFound";
  if (status === TIMED_OUT_STATUS) return "network";
  if (status === 409) return "conflict";
  if (status === 429) return "busy";
  if (status >= 500) return "serverError";
  if (status >= 400) return "rejected";
  return "badResponse";
}

function userMessageFor(
  kind: StatusErrorKind,
  operation: VitableOperation,
  status: number,
  vitableMessage: string | null,
): string {
  const doing = describeOperation(operation);
  switch (kind) {
    case "unauthorized":
      return (
        "Vitable rejected this API key. Check that it is the current key for the environment you picked " +
        "(Production or UAT), then connect again with a valid key."
      );
    case "forbidden":
      return (
        // The key check reads the plans: a 403 there means a working key without that access.
        `This API key is not allowed to ${operation.name === "checkKey" ? "read the plans" : doing}` +
        `${reasonGiven(vitableMessage, status)}. Ask your Vitable ` +
        "contact to give the key access, or connect with the key of the right organization."
      );
    case "notFound":
      return notFoundMessage(operation);
    case "conflict":
      return conflictMessage(operation, vitableMessage);
    case "rejected":
      return rejectedMessage(operation, vitableMessage, status);
    case "busy":
      return (
        `Vitable is receiving too many requests right now, so the add-on could not ${doing}. ` +
        "Wait a few minutes, then try again."
      );
    case "serverError":
      return (
        `Vitable had a problem on its side (HTTP ${status}) and could not ${doing}. Wait a few minutes, ` +
        "then try again; if it keeps happening, contact Vitable support."
      );
    case "network":
      return timedOutMessage(operation);
    case "badResponse":
      return unreadableMessage(operation);
  }
}

function unreadableMessage(operation: VitableOperation): string {
  if (operation.name === "submitMemberSync") {
    return (
      "Vitable's answer to the roster could not be read, so it is not known whether the sync was accepted. " +
      "Sync again: sending the same roster twice is safe."
    );
  }
  return (
    `Vitable sent an answer the add-on could not read, so it could not ${describeOperation(operation)}. ` +
    "Try again later; if it keeps happening, contact Vitable support."
  );
}

function withTraceId(message: string, traceId: string | null): string {
  return traceId ? `${message} Trace ID for Vitable support: ${traceId}.` : message;
}

function build(failed: FailedRequest, fields: Omit<VitableErrorFields, "operation" | "request">): VitableError {
  const hide = (text: string | null) => (text === null ? null : redactSecrets(text, failed.apiKey));
  return new VitableError({
    ...fields,
    operation: failed.operation,
    request: failed.request,
    code: hide(fields.code),
    traceId: hide(fields.traceId),
    vitableMessage: hide(fields.vitableMessage),
    detail: hide(fields.detail),
    userMessage: redactSecrets(fields.userMessage, failed.apiKey),
  });
}

/** The error for an HTTP response that is not a success. */
export function errorFromResponse(failed: FailedRequest, response: HttpResponse): VitableError {
  const { status } = response;
  const body = readErrorBody(response.body);
  const vitableMessage = body.message === null ? null : redactSecrets(body.message, failed.apiKey);
  const kind = kindOfStatus(status);
  return build(failed, {
    kind,
    status,
    code: body.code,
    traceId: body.traceId,
    vitableMessage,
    detail: kind === "badResponse" ? `Unexpected HTTP status ${status}.` : null,
    userMessage: withTraceId(userMessageFor(kind, failed.operation, status, vitableMessage), body.traceId),
    lastFailure: null,
  });
}

/**
 * A roster sent when the connection was lost or timed out may have reached Vitable, which does
 * not tell retries apart (vitable-api.md §8): the sentence says so, and that sending it again is
 * safe, since each sync replaces the whole roster.
 */
function lostRosterMessage(
  operation: Extract<VitableOperation, { name: "submitMemberSync" }>,
  kind: TransportFailureKind,
): string {
  const what = kind === "timeout" ? "Vitable did not answer in time" : "The connection to Vitable was lost";
  return (
    `${what} while the roster was being sent to group ${operation.groupId}, so it is not known whether Vitable ` +
    "received it. Sync again in a few minutes: sending the same roster again is safe."
  );
}

/** The error for a request that got no response at all. */
export function errorFromTransport(failed: FailedRequest, failure: TransportError): VitableError {
  const { operation } = failed;
  const mayHaveArrived = failure.kind === "timeout" || failure.kind === "connectionLost";
  const userMessage =
    operation.name === "submitMemberSync" && mayHaveArrived
      ? lostRosterMessage(operation, failure.kind)
      : failure.kind === "timeout"
        ? timedOutMessage(operation)
        : `The add-on could not reach Vitable at ${failed.host}, so it could not ${describeOperation(operation)}. ` +
          "Wait a few minutes, then try again; if it keeps happening, Vitable may be down.";
  return build(failed, {
    kind: "network",
    status: null,
    code: null,
    traceId: null,
    vitableMessage: null,
    detail: `${failure.kind}: ${failure.message}`,
    userMessage,
    lastFailure: null,
  });
}

/** A success status whose body is not JSON or not the documented shape. */
export function badResponseError(failed: FailedRequest, status: number, detail: string): VitableError {
  return build(failed, {
    kind: "badResponse",
    status,
    code: null,
    traceId: null,
    vitableMessage: null,
    detail,
    userMessage: unreadableMessage(failed.operation),
    lastFailure: null,
  });
}

/** The caller's time budget ran out before the request could be (re)tried. */
export function outOfTimeError(failed: FailedRequest, lastFailure: VitableError | null): VitableError {
  const userMessage = lastFailure
    ? `The add-on ran out of time to try again. ${lastFailure.userMessage}`
    : `The add-on stopped before it could ${describeOperation(failed.operation)} because this run was out of time. ` +
      "Try again in a few minutes.";
  return build(failed, {
    kind: "outOfTime",
    status: lastFailure?.status ?? null,
    code: lastFailure?.code ?? null,
    traceId: lastFailure?.traceId ?? null,
    vitableMessage: lastFailure?.vitableMessage ?? null,
    detail: lastFailure?.detail ?? null,
    userMessage,
    lastFailure,
  });
}
