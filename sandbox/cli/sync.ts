import { guardSchema } from "../../src/core/sync/guardNames";
import type { ConfirmationView, SyncResultView } from "../../src/shared/bridge";
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
  /** What --yes confirmed: exactly these questions, each about exactly the people it names. */
  confirmed: ConfirmationView[];
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
  let confirmed: ConfirmationView[] = [];
  try {
    const { tab } = ensureConnected(addon, apiKey);
    const group = findOrCreateGroup(addon, choices.group, sheet.id);
    if (group.linkedTab?.sheetId === sheet.id && tab.sheetId === sheet.id) {
      headerRow = tab.headerRow;
    } else {
      headerRow = addon.call("linkTab", { sheetId: sheet.id, groupId: group.id }).headerRow;
    }
    const started = startSync(addon, sheet.id, choices);
    confirmed = started.confirmed;
    result = waitForOutcome(sandbox, started.result);
  } catch (error) {
    if (!(error instanceof AddonError)) throw error;
    result = { state: "failed", message: error.message };
  }
  return { ...syncOutcome(result), confirmed, rows: rowStatuses(sheet, headerRow) };
}

/** The guards a run may confirm: with --yes all but the empty roster, which also needs --allow-empty. */
export function confirmableGuards(choices: Pick<SyncChoices, "yes" | "allowEmpty">) {
  if (!choices.yes) return [];
  return guardSchema.options.filter((guard) => guard !== "emptyRoster" || choices.allowEmpty);
}

/**
 * Starts the sync, and when the add-on asks only what `choices` allow, answers with the token of
 * exactly those questions (typing the phrase of a typed one), as the user would after reading
 * them. The add-on goes ahead only if the removals are still the ones it asked about.
 */
function startSync(
  addon: AddonClient,
  sheetId: number,
  choices: SyncChoices,
): { result: SyncResultView; confirmed: ConfirmationView[] } {
  const allowed = confirmableGuards(choices);
  const asked = addon.call("startSync", { sheetId, confirmation: null, detail: true });
  if (asked.state !== "needsConfirmation" || !asked.confirmations.every((c) => allowed.includes(c.guard))) {
    return { result: asked, confirmed: [] };
  }
  const typedPhrase =
    asked.confirmations.find((confirmation) => confirmation.typedPhrase !== null)?.typedPhrase ?? null;
  const result = addon.call("startSync", { sheetId, confirmation: { token: asked.token, typedPhrase }, detail: true });
  return { result, confirmed: asked.confirmations };
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
export function syncOutcome(result: SyncResultView): Omit<SyncOutput, "rows" | "confirmed"> {
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
