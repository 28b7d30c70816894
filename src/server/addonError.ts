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
 * The sentence to show for anything thrown while serving the user. Vitable's and the add-on's
 * own errors already are sentences without secrets; anything else is Apps Script's, which may
 * hold cell contents, so only its kind is named.
 */
export function userMessageOf(error: unknown): string {
  if (error instanceof AddonError || error instanceof VitableError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  // For the execution log: the kind of failure only, since Apps Script's messages may quote cells.
  console.error(`Unexpected ${error instanceof Error ? error.name : typeof error} in the add-on.`);
  if (PROPERTY_STORE_FULL.test(message)) {
    return "Google's storage for this add-on's settings is full, so this change was not saved. Disconnect the add-on (and remove its schedule) in spreadsheets where you no longer use it, then try again.";
  }
  if (QUOTA.test(message)) {
    return "Google Apps Script stopped the add-on because a daily quota or the time limit was reached. Try again later; nothing was half-written.";
  }
  return "The add-on ran into an unexpected problem and stopped before changing anything further. Try again; if it happens again, note the time and contact your integration owner.";
}
