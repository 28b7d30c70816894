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
  type VitableOperation,
} from "../vitable/errors";
import { ENVIRONMENT_NAMES } from "./connection";
import { GROUP_FIELDS } from "./groups";

/**
 * What an HR person reads when a call to Vitable fails: what could not be done and what to do
 * next, with Vitable's own words quoted when it gave some (already short and free of secrets,
 * see VitableError) and its trace ID for support.
 */

const TRAILING_FULL_STOPS = /\.+$/;

/**
 * The sentence for `error`, then details for Vitable support: the status Vitable answered with
 * where the sentence could not quote its words, and its trace ID when it gave one.
 */
export function vitableErrorSentence(error: VitableError): string {
  // The failure that ran out of time carries the details in its own sentence.
  if (error instanceof VitableOutOfTimeError) return outOfTimeSentence(error);
  const details = [
    error.status !== null && showsStatus(error) ? `Vitable answered ${error.status}.` : "",
    error.traceId ? `Trace ID for Vitable support: ${error.traceId}.` : "",
  ];
  return [sentenceFor(error), ...details].filter((part) => part !== "").join(" ");
}

/**
 * What the log tab and problem emails say of a Vitable failure. Vitable's own explanation may
 * quote a member's data back (a name, a date of birth), so where the sentence would quote it,
 * only what failed and the facts support needs are kept: status, code and trace ID. The person
 * syncing from the sidebar reads the explanation itself.
 */
export function vitableErrorLogSentence(error: VitableError): string {
  const sentence = vitableErrorSentence(error);
  if (!error.vitableMessage || !sentence.includes(quote(error.vitableMessage))) return sentence;
  const facts = [
    error.status === null ? "" : `status ${error.status}`,
    error.code ? `code ${error.code}` : "",
    error.traceId ? `trace ID ${error.traceId}` : "",
  ].filter((fact) => fact !== "");
  return (
    `Vitable refused to ${describeOperation(error.operation)}${facts.length > 0 ? ` (${facts.join(", ")})` : ""}. ` +
    "Its explanation is not kept here, as it may name people: sync from the sidebar to read it."
  );
}

/** Errors whose sentence says only that Vitable refused or failed, without quoting it: the status helps support. */
function showsStatus(error: VitableError): boolean {
  if (error instanceof VitableServerError) return true;
  return (error instanceof VitableForbiddenError || error instanceof VitableRejectedError) && !error.vitableMessage;
}

function sentenceFor(error: VitableError): string {
  const { operation } = error;
  if (error instanceof VitableUnauthorizedError) {
    return (
      "Vitable rejected this API key. Check that it is the current key for the environment you picked, " +
      `${ENVIRONMENT_NAMES.production} or ${ENVIRONMENT_NAMES.uat}, then connect again with a valid key.`
    );
  }
  if (error instanceof VitableForbiddenError) {
    return (
      // The key check reads the plans: a 403 there means a working key without that access.
      `This API key is not allowed to ${operation.name === "checkKey" ? "read the plans" : describeOperation(operation)}` +
      `${reasonGiven(error)}. Ask your Vitable contact to give the key access, or connect with the key of ` +
      "the right organization."
    );
  }
  if (error instanceof VitableNotFoundError) return notFoundSentence(operation);
  if (error instanceof VitableConflictError) return conflictSentence(error);
  if (error instanceof VitableRejectedError) return rejectedSentence(error);
  if (error instanceof VitableBusyError) {
    return (
      `Vitable is receiving too many requests right now, so the add-on could not ${describeOperation(operation)}. ` +
      "Wait a few minutes, then try again."
    );
  }
  if (error instanceof VitableNetworkError) return networkSentence(error);
  if (error instanceof VitableBadResponseError) return unreadableSentence(operation);
  // A server error, or a new subclass without a sentence of its own.
  return (
    `Vitable had a problem on its side and could not ${describeOperation(operation)}. ` +
    "Wait a few minutes, then try again; if it keeps happening, contact Vitable support."
  );
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

/** `: "Vitable's words"` when it gave some, to follow a clause. */
function reasonGiven(error: VitableError): string {
  return error.vitableMessage ? `: ${quote(error.vitableMessage)}` : "";
}

function notFoundSentence(operation: VitableOperation): string {
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
        `Vitable did not recognise the request to ${describeOperation(operation)}. Check that the connection ` +
        `uses the right environment, ${ENVIRONMENT_NAMES.production} or ${ENVIRONMENT_NAMES.uat}, then try again.`
      );
  }
}

function conflictSentence(error: VitableConflictError): string {
  if (error.takenExternalReferenceId !== null) {
    return (
      `A Vitable group with the ${GROUP_FIELDS.externalReferenceId} "${error.takenExternalReferenceId}" already ` +
      `exists. Link this tab to that group, or choose another ${GROUP_FIELDS.externalReferenceId}.`
    );
  }
  const { operation } = error;
  const change = "groupId" in operation ? `another change to group ${operation.groupId}` : "another change";
  const said = error.vitableMessage ? ` Vitable said: ${quote(error.vitableMessage)}.` : "";
  return `Vitable is still busy with ${change}.${said} Wait a few minutes, then try again.`;
}

function rejectedSentence(error: VitableRejectedError): string {
  const { operation } = error;
  const reason = reasonGiven(error);
  switch (operation.name) {
    case "submitMemberSync":
      return error.vitableMessage
        ? `Vitable rejected the roster${reason}. Fix what it points out in the sheet, then sync again.`
        : `Vitable rejected the roster without saying why${reason}. Validate the tab, fix any invalid rows, then sync again.`;
    case "createGroup":
    case "updateGroup":
      return (
        `Vitable rejected the group${reason}. Check the ${GROUP_FIELDS.name} and ${GROUP_FIELDS.externalReferenceId} ` +
        "(each 1 to 255 characters), then try again."
      );
    default:
      return (
        `Vitable refused the request to ${describeOperation(operation)}${reason}. Try again; if it keeps ` +
        "happening, contact Vitable support."
      );
  }
}

function timedOutSentence(operation: VitableOperation): string {
  return (
    `Vitable did not answer in time, so the add-on could not ${describeOperation(operation)}. ` +
    "Wait a few minutes, then try again."
  );
}

function networkSentence(error: VitableNetworkError): string {
  const { operation } = error;
  // A roster whose answer was lost may have arrived, and Vitable does not tell retries apart
  // (vitable-api.md §8): say so, and that sending it again is safe, since each sync replaces the roster.
  if (operation.name === "submitMemberSync" && error.mayHaveReachedVitable) {
    const what =
      error.transportFailure === "timeout" ? "Vitable did not answer in time" : "The connection to Vitable was lost";
    return (
      `${what} while the roster was being sent to group ${operation.groupId}, so it is not known whether Vitable ` +
      "received it. Sync again in a few minutes: sending the same roster again is safe."
    );
  }
  // Vitable's own 408 (no transport failure) means the same to the user as a timeout.
  if (error.transportFailure === null || error.transportFailure === "timeout") return timedOutSentence(operation);
  return (
    `The add-on could not reach Vitable at ${error.host}, so it could not ${describeOperation(operation)}. ` +
    "Wait a few minutes, then try again; if it keeps happening, Vitable may be down."
  );
}

function unreadableSentence(operation: VitableOperation): string {
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

function outOfTimeSentence(error: VitableOutOfTimeError): string {
  return error.lastFailure
    ? `The add-on ran out of time to try again. ${vitableErrorSentence(error.lastFailure)}`
    : `The add-on stopped before it could ${describeOperation(error.operation)} because this run was out of time. ` +
        "Try again in a few minutes.";
}
