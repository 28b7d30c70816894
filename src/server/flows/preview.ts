import { lastAcceptedOf } from "../../core/state/createdGroups";
import { pendingSyncOf } from "../../core/state/pendingSync";
import { CREATED_BY_ADDON } from "../../core/sync/acceptedRoster";
import { planSync } from "../../core/sync/guards";
import type { PreviewView } from "../../shared/bridge";
import type { AddonContext } from "../context";
import { readTabWithRecentPlans } from "../sync/tabReading";
import { capped, decisionView, pendingView, personView, removalView } from "../views";
import { linkedGroupOf } from "./tabLinks";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Preview (product.md §5): what a sync would change, against the last accepted roster, and
 * whether a guard would stop it. Reads only; nothing is written. A confirmation it asks for
 * carries the token that binds it to exactly these removals.
 */
export function previewSync(context: AddonContext, sheet: Sheet): PreviewView {
  const tab = context.tabOf(sheet);
  const sheetId = tab.sheetId;
  const link = linkedGroupOf(context, sheetId);
  const reading = readTabWithRecentPlans(context, tab);
  const { diff, decision } = planSync(reading.read, lastAcceptedOf(context.records, sheetId, link.groupId), {
    groupId: link.groupId,
    mode: "interactive",
    brake: reading.settings.brake,
    fingerprintKey: context.fingerprintKey,
  });
  return {
    sheetId,
    tabName: tab.name(),
    groupName: link.groupName,
    headerProblem: reading.read.ok ? null : reading.read.problem.message,
    // A group the add-on created has no earlier sync either, though it is known to hold nobody.
    hasLastAccepted: diff?.lastAccepted != null && diff.lastAccepted.requestId !== CREATED_BY_ADDON,
    counts: {
      added: diff?.added.length ?? 0,
      changed: diff?.changed.length ?? 0,
      unchanged: diff?.unchanged.length ?? 0,
      removed: diff?.removed.length ?? 0,
      excluded: diff?.excluded.length ?? 0,
      invalid: diff?.invalid.length ?? 0,
    },
    added: capped(diff?.added ?? [], false).map(personView),
    changed: capped(diff?.changed ?? [], false).map(personView),
    removed: capped(diff?.removed ?? [], false).map(removalView),
    excluded: capped(diff?.excluded ?? [], false).map((row) => ({
      referenceId: row.referenceId ?? "",
      name: row.name,
      row: row.row,
    })),
    invalid: capped(diff?.invalid ?? [], false).map((row) => ({
      row: row.row,
      referenceId: row.referenceId,
      name: row.name,
      problem: row.problem,
      removes: row.removes,
    })),
    decision: decisionView(decision, false),
    pending: pendingView(pendingSyncOf(context.records, sheetId)),
  };
}
