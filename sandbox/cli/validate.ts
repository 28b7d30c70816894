import type { ValidationView } from "../../src/shared/bridge";
import { AddonError } from "./addon";
import { ensureConnected } from "./connection";
import type { Sandbox } from "./sandbox";

type DetailRow = NonNullable<ValidationView["rows"]>[number];

export interface ValidateOutput {
  summary: { ready: number; invalid: number; excluded: number; blank: number };
  rows: {
    row: number;
    status: DetailRow["status"];
    message: string;
    errors: { field: string; message: string }[];
    member: DetailRow["member"];
  }[];
}

export interface ValidateRun {
  output: ValidateOutput;
  /** Why the tab cannot be read as a roster at all (no header row, missing columns), or null. */
  headerProblem: string | null;
}

/**
 * Validates the Roster tab as the sidebar's Validate button does, asking for every row. The add-on
 * is connected first, since plan names are checked against Vitable's plans.
 */
export function runValidate({ addon, sheet, apiKey }: Sandbox): ValidateRun {
  ensureConnected(addon, apiKey);
  const view = addon.call("validateTab", { sheetId: sheet.id, detail: true });
  return { output: validateOutput(view), headerProblem: view.headerProblem };
}

export function validateOutput(view: ValidationView): ValidateOutput {
  // A tab that cannot be read as a roster has no rows to show; any other tab must list them all.
  if (view.rows === null && view.headerProblem === null) {
    throw new AddonError("The add-on's validateTab gave no rows although every row was asked for.");
  }
  const { ready, invalid, excluded, blank } = view.summary;
  return {
    summary: { ready, invalid, excluded, blank },
    rows: (view.rows ?? []).map(({ row, status, message, errors, member }) => ({
      row,
      status,
      message,
      errors: errors.map(({ field, message: problem }) => ({ field, message: problem })),
      member,
    })),
  };
}
