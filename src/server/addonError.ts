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
  if (QUOTA.test(message)) {
    return "Google Apps Script stopped the add-on because a daily quota or the time limit was reached. Try again later; nothing was half-written.";
  }
  return "The add-on ran into an unexpected problem and stopped before changing anything further. Try again; if it happens again, note the time and contact your integration owner.";
}
