import { APPS_SCRIPT_LIMIT_REACHED, SETTINGS_STORAGE_FULL, UNEXPECTED_PROBLEM } from "../messages/errors";
import { vitableErrorLogSentence, vitableErrorSentence } from "../messages/vitableErrors";
import type { BridgeFailureCode } from "../shared/bridge";
import { VitableError } from "../vitable/errors";

/** A problem the user can act on; its message is shown as it is, and its code tells the sidebar what it was. */
export class AddonError extends Error {
  constructor(
    message: string,
    readonly code?: BridgeFailureCode,
  ) {
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
/** The sentence for the log and problem emails: as userMessageOf, without Vitable's own words. */
export function loggedMessageOf(error: unknown): string {
  return error instanceof VitableError ? vitableErrorLogSentence(error) : userMessageOf(error);
}

export function userMessageOf(error: unknown): string {
  if (error instanceof AddonError) return error.message;
  if (error instanceof VitableError) return vitableErrorSentence(error);
  const message = error instanceof Error ? error.message : String(error);
  console.error(unexpectedSummary(error));
  if (PROPERTY_STORE_FULL.test(message)) return SETTINGS_STORAGE_FULL;
  if (QUOTA.test(message)) return APPS_SCRIPT_LIMIT_REACHED;
  return UNEXPECTED_PROBLEM;
}

// "    at readRoster (Code:1:23456)" or "    at Code:1:23456": a function and a place, never data.
const STACK_FRAME = /^\s*at (?:([\w$.<>]+) \()?([\w$./-]+:\d+:\d+)\)?$/;
const FRAMES_SHOWN = 3;

/**
 * One line for the execution log about an error the add-on did not expect: its kind and where it
 * happened (the innermost frames of its stack), never its message, which may quote cells.
 */
export function unexpectedSummary(error: unknown): string {
  if (!(error instanceof Error)) return `Unexpected ${typeof error} thrown in the add-on.`;
  const frames: string[] = [];
  for (const line of (error.stack ?? "").split("\n")) {
    const frame = STACK_FRAME.exec(line);
    if (frame === null) continue;
    frames.push(frame[1] === undefined ? frame[2]! : `${frame[1]} (${frame[2]})`);
    if (frames.length === FRAMES_SHOWN) break;
  }
  return `Unexpected ${error.name} in the add-on${frames.length > 0 ? ` at ${frames.join(" < ")}` : ""}.`;
}
