import { APPS_SCRIPT_LIMIT_REACHED, SETTINGS_STORAGE_FULL, UNEXPECTED_PROBLEM } from "../messages/errors";
import { vitableErrorSentence } from "../messages/vitableErrors";
import { VitableError } from "../vitable/errors";

/** A problem the user can act on; its message is shown as it is. */
export class AddonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AddonError";
  }
}

const QUOTA =
  /Service invoked too many times|too much computer time|too many scripts running|Exceeded maximum execution time/i;
/** PropertiesService's answer when a store would pass 500 KB (the add-on's keys and schedules live there). */
const PROPERTY_STORE_FULL = /property storage quota/i;

/**
 * The sentence to show for anything thrown while serving the user. The add-on's own errors
 * already are sentences; Vitable's carry facts, worded by the message catalogue. Anything else
 * is Apps Script's, which may hold cell contents, so only its kind is named.
 */
export function userMessageOf(error: unknown): string {
  if (error instanceof AddonError) return error.message;
  if (error instanceof VitableError) return vitableErrorSentence(error);
  const message = error instanceof Error ? error.message : String(error);
  // For the execution log: the kind of failure only, since Apps Script's messages may quote cells.
  console.error(`Unexpected ${error instanceof Error ? error.name : typeof error} in the add-on.`);
  if (PROPERTY_STORE_FULL.test(message)) return SETTINGS_STORAGE_FULL;
  if (QUOTA.test(message)) return APPS_SCRIPT_LIMIT_REACHED;
  return UNEXPECTED_PROBLEM;
}
