import type { ColumnTarget } from "../../src/core/roster/columnMapping";
import type { ValidationView } from "../../src/shared/bridge";
import { AddonError } from "./addon";
import { ensureConnected } from "./connection";
import type { Sandbox } from "./sandbox";

type DetailRow = NonNullable<ValidationView["rows"]>[number];

/** Why the tab cannot be read as a roster: the add-on's sentence, and the columns it is about. */
export interface Blocked {
  reason: string;
  /** Required columns not found, with the header that looks most like one of their names. */
  missing: { column: string; field: ColumnTarget; closest: string | null }[];
  /** Columns more than one header could be. */
  ambiguous: { column: string; field: ColumnTarget; headers: string[] }[];
  /** Columns whose chosen header is no longer in the header row. */
  vanished: { column: string; field: ColumnTarget; header: string }[];
}

export interface ValidateOutput {
  /** Null when the tab could be read as a roster. */
  blocked: Blocked | null;
  /** Header → the field it was read as, left to right; " (chosen)" when the user chose it. */
  columns: Record<string, string>;
  summary: { ready: number; invalid: number; excluded: number; blank: number };
  rows: {
    row: number;
    status: DetailRow["status"];
    message: string;
    errors: { field: string; message: string }[];
    member: DetailRow["member"];
    /** For an invalid row, each field that could be read, as it would be sent; null for other rows. */
    readable: DetailRow["readable"];
  }[];
}

/**
 * Validates the Roster tab as the sidebar's Validate button does, asking for every row. The add-on
 * is connected first, since plan names are checked against Vitable's plans.
 */
export function runValidate({ addon, sheet, apiKey }: Sandbox): ValidateOutput {
  ensureConnected(addon, apiKey);
  return validateOutput(addon.call("validateTab", { sheetId: sheet.id, detail: true }));
}

export function validateOutput(view: ValidationView): ValidateOutput {
  // A tab that cannot be read as a roster has no rows to show; any other tab must list them all.
  if (view.rows === null && view.headerProblem === null) {
    throw new AddonError("The add-on's validateTab gave no rows although every row was asked for.");
  }
  const { ready, invalid, excluded, blank } = view.summary;
  return {
    blocked: blocked(view),
    columns: Object.fromEntries(
      view.columns.map(({ header, target, chosen }) => [header, chosen ? `${target} (chosen)` : target]),
    ),
    summary: { ready, invalid, excluded, blank },
    rows: (view.rows ?? []).map(({ row, status, message, errors, member, readable }) => ({
      row,
      status,
      message,
      errors: errors.map(({ field, message: problem }) => ({ field, message: problem })),
      member,
      readable,
    })),
  };
}

function blocked({ headerProblem, headerDetail }: ValidationView): Blocked | null {
  if (headerProblem === null) return null;
  return {
    reason: headerProblem,
    missing: (headerDetail?.missing ?? []).map(({ target, label, closest }) => ({
      column: label,
      field: target,
      closest,
    })),
    ambiguous: (headerDetail?.ambiguous ?? []).map(({ target, label, headers }) => ({
      column: label,
      field: target,
      headers,
    })),
    vanished: (headerDetail?.vanished ?? []).map(({ target, label, header }) => ({
      column: label,
      field: target,
      header,
    })),
  };
}
