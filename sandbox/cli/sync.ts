import { guardSchema, type SyncResultView } from "../../src/shared/bridge";
import { AddonError, type AddonClient } from "./addon";
import { ensureConnected } from "./connection";
import { findOrCreateGroup } from "./groups";
import { rowStatuses, type RowStatus } from "./rosterTab";
import type { Sandbox } from "./sandbox";

export interface SyncChoices {
  group: string;
  /** Accept every confirmation an interactive user would be asked, … */
  yes: boolean;
  /** … and, with `yes`, the typed one that sends an empty roster. */
  allowEmpty: boolean;
}

export interface SyncOutput {
  outcome: "completed" | "blocked" | "pending" | "failed";
  reason: string;
  /** Null when nothing was submitted to Vitable. */
  request_id: string | null;
  added: string[];
  removed: string[];
  failures: { reference_id: string; operation: "add" | "remove"; reason: string }[];
  rows: RowStatus[];
}

/** How long a sync still processing is waited for: checks 30 s apart on the sandbox clock, 10 minutes in all. */
const CHECK_INTERVAL_MS = 30_000;
const MAX_CHECKS = 20;

/**
 * Links the Roster tab to the group and syncs it from the sidebar: connect, find or create the
 * group, link, start the sync (confirming what `choices` allow), and check a pending sync until it
 * has an outcome. Whatever happens ends in an outcome, with the rows' statuses as the tab shows them.
 */
export function runSync(sandbox: Sandbox, choices: SyncChoices): SyncOutput {
  const { addon, sheet, apiKey } = sandbox;
  let headerRow = 1;
  let result: SyncResultView;
  try {
    const { tab } = ensureConnected(addon, apiKey);
    const group = findOrCreateGroup(addon, choices.group, sheet.id);
    if (group.linkedTab?.sheetId === sheet.id && tab.sheetId === sheet.id) {
      headerRow = tab.headerRow;
    } else {
      headerRow = addon.call("linkTab", { sheetId: sheet.id, groupId: group.id }).headerRow;
    }
    result = waitForOutcome(sandbox, startSync(addon, sheet.id, choices));
  } catch (error) {
    if (!(error instanceof AddonError)) throw error;
    result = { state: "failed", message: error.message };
  }
  return { ...syncOutcome(result), rows: rowStatuses(sheet, headerRow) };
}

/** The guards a run may confirm: with --yes all but the empty roster, which also needs --allow-empty. */
export function confirmableGuards(choices: Pick<SyncChoices, "yes" | "allowEmpty">) {
  if (!choices.yes) return [];
  return guardSchema.options.filter((guard) => guard !== "emptyRoster" || choices.allowEmpty);
}

/**
 * Starts the sync with the allowed confirmations. A typed confirmation's phrase is only known once
 * the add-on has asked for it, so when everything asked for is allowed, the phrase is typed and the
 * sync started once more, as the user would after typing it.
 */
function startSync(addon: AddonClient, sheetId: number, choices: SyncChoices): SyncResultView {
  const confirmed = confirmableGuards(choices);
  const request = { sheetId, confirmed, typedPhrase: null, detail: true };
  const result = addon.call("startSync", request);
  if (result.state !== "needsConfirmation") return result;
  const allAllowed = result.confirmations.every((confirmation) => confirmed.includes(confirmation.guard));
  const typedPhrase = result.confirmations.find((confirmation) => confirmation.typedPhrase !== null)?.typedPhrase;
  if (!allAllowed || typedPhrase === undefined) return result;
  return addon.call("startSync", { ...request, typedPhrase });
}

/** Checks a pending sync, moving the sandbox clock on between checks, until it ends or the wait is over. */
function waitForOutcome({ addon, clock, sheet }: Sandbox, started: SyncResultView): SyncResultView {
  let result = started;
  for (let check = 0; check < MAX_CHECKS && result.state === "pending"; check++) {
    clock.advance(CHECK_INTERVAL_MS);
    result = addon.call("checkSync", { sheetId: sheet.id, detail: true });
  }
  return result;
}

/** The CLI's outcome of the add-on's last answer. */
export function syncOutcome(result: SyncResultView): Omit<SyncOutput, "rows"> {
  switch (result.state) {
    case "completed":
      return {
        ...ended("completed", result.message, result.requestId),
        added: result.added.map((person) => person.referenceId),
        removed: result.removed.map((person) => person.referenceId),
        failures: result.failures.map((failure) => ({
          reference_id: failure.referenceId,
          operation: failure.operation,
          reason: failure.reason,
        })),
      };
    case "pending":
      return ended("pending", result.message, result.requestId);
    case "needsConfirmation":
      // Unconfirmed questions stop the sync, as guards stop a scheduled run.
      return ended("blocked", result.confirmations.map((confirmation) => confirmation.message).join(" "));
    case "blocked":
      return ended("blocked", result.message);
    case "failed":
      return ended("failed", result.message);
  }
}

function ended(outcome: SyncOutput["outcome"], reason: string, requestId: string | null = null) {
  return { outcome, reason, request_id: requestId, added: [], removed: [], failures: [] };
}
