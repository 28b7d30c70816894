import { headersAlreadyInserted, tabNotEmpty } from "../../messages/sheet";
import { INCLUDE_COLUMN_NAMES, MEMBER_COLUMN_NAMES, STATUS_COLUMN_NAMES } from "../roster/columnNames";
import { mapHeaders } from "../roster/headers";
import type { CellValue } from "../roster/model";
import { MEMBER_FIELDS, type MemberField } from "../../vitable/memberSchema";

/**
 * The header row "Insert roster headers" writes in row 1: every member column in payload order,
 * then Include, then the add-on's status columns.
 */
export const ROSTER_HEADERS: readonly string[] = [
  ...MEMBER_FIELDS.map((field) => MEMBER_COLUMN_NAMES[field].label),
  INCLUDE_COLUMN_NAMES[0]!,
  STATUS_COLUMN_NAMES.status,
  STATUS_COLUMN_NAMES.message,
  STATUS_COLUMN_NAMES.syncedAt,
];

/** The 1-based column of a member field in the inserted header row. */
export function rosterHeaderColumn(field: MemberField): number {
  return MEMBER_FIELDS.indexOf(field) + 1;
}

/** The 1-based column of a status column in the inserted header row. */
export function rosterStatusHeaderColumn(key: keyof typeof STATUS_COLUMN_NAMES): number {
  return ROSTER_HEADERS.indexOf(STATUS_COLUMN_NAMES[key]) + 1;
}

export type HeaderInsertion = { ok: true } | { ok: false; message: string };

/**
 * Whether "Insert roster headers" may write row 1 of the tab `tab` just read (getValues, row 1
 * first): only when the tab is empty, since the headers and their dropdowns and formats would
 * otherwise land on whatever the tab holds.
 */
export function canInsertHeaders(values: readonly (readonly CellValue[])[], tab: string): HeaderInsertion {
  if (values.every((row) => row.every((cell) => cell === ""))) return { ok: true };
  const message = mapHeaders(values[0] ?? [], 1).ok ? headersAlreadyInserted(tab) : tabNotEmpty(tab);
  return { ok: false, message };
}
