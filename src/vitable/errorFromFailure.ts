import { readErrorBody, redactSecrets } from "./errorText";
import {
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
  type VitableErrorFields,
  type VitableOperation,
} from "./errors";
import { serverRequestedDelayMs, vitableRetryAdvice } from "./retryPolicy";
import type { HttpResponse, TransportError } from "./transport";

/** Turns what a failed attempt got (an error status, no answer, an unreadable answer) into a VitableError. */

/** The request a failure belongs to, and what must never be kept. */
export interface FailedRequest {
  operation: VitableOperation;
  /** Method and path. */
  request: string;
  /** Host of the API, named when it cannot be reached. */
  host: string;
  apiKey: string;
}

const TIMED_OUT_STATUS = 408;

/**
 * The external reference ID a 409 says is taken: a write that sets one conflicts only with
 * another group holding it, and asking again cannot change that. Elsewhere a 409 is another
 * change still holding the group, which passes.
 */
function takenExternalReferenceId(operation: VitableOperation): string | null {
  if (operation.name === "createGroup") return operation.externalReferenceId;
  if (operation.name === "updateGroup") return operation.externalReferenceId ?? null;
  return null;
}

/** The fields every error of this request shares, with the API key removed from Vitable's text. */
function factsOf(failed: FailedRequest, fields: Omit<VitableErrorFields, "operation" | "request">): VitableErrorFields {
  const hide = (text: string | null | undefined) =>
    text === null || text === undefined ? null : redactSecrets(text, failed.apiKey);
  return {
    ...fields,
    operation: failed.operation,
    request: failed.request,
    code: hide(fields.code),
    traceId: hide(fields.traceId),
    vitableMessage: hide(fields.vitableMessage),
    detail: hide(fields.detail),
  };
}

/** The error for an HTTP response that is not a success; `now` (epoch ms) reads a Retry-After date. */
export function errorFromResponse(failed: FailedRequest, response: HttpResponse, now: number): VitableError {
  const { status, headers } = response;
  const body = readErrorBody(response.body);
  const facts = factsOf(failed, {
    status,
    code: body.code,
    traceId: body.traceId,
    vitableMessage: body.message,
    retryable: vitableRetryAdvice(headers),
    retryAfterMs: serverRequestedDelayMs(headers, now) ?? null,
  });
  if (status === 401) return new VitableUnauthorizedError(facts);
  if (status === 403) return new VitableForbiddenError(facts);
  if (status === 404) return new VitableNotFoundError(facts);
  if (status === TIMED_OUT_STATUS) {
    return new VitableNetworkError({ ...facts, host: failed.host, transportFailure: null });
  }
  if (status === 409) {
    return new VitableConflictError({ ...facts, takenExternalReferenceId: takenExternalReferenceId(failed.operation) });
  }
  if (status === 429) return new VitableBusyError(facts);
  if (status >= 500) return new VitableServerError(facts);
  if (status >= 400) return new VitableRejectedError(facts);
  return new VitableBadResponseError({ ...facts, detail: `Unexpected HTTP status ${status}.` });
}

/** The error for a request that got no response at all; every such request may be retried. */
export function errorFromTransport(failed: FailedRequest, failure: TransportError): VitableNetworkError {
  return new VitableNetworkError({
    ...factsOf(failed, { detail: `${failure.kind}: ${failure.message}` }),
    host: failed.host,
    transportFailure: failure.kind,
  });
}

/** A success status whose body is not JSON or not the documented shape. */
export function badResponseError(failed: FailedRequest, status: number, detail: string): VitableBadResponseError {
  return new VitableBadResponseError(factsOf(failed, { status, detail }));
}

/** The caller's time budget ran out before the request could be (re)tried. */
export function outOfTimeError(failed: FailedRequest, lastFailure: VitableError | null): VitableOutOfTimeError {
  return new VitableOutOfTimeError({ operation: failed.operation, request: failed.request, lastFailure });
}
