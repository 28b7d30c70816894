import type { ReadRosterResult, Roster, RowOutcome } from "../../../src/core/roster/model";
import type { Member } from "../../../src/vitable/memberSchema";
import { acceptedMemberOf, type AcceptedMember, type AcceptedRoster } from "../../../src/core/sync/acceptedRoster";
import type { FingerprintKey } from "../../../src/core/sync/fingerprint";

/** The fingerprint key of the spreadsheet these tests play in. */
export const KEY: FingerprintKey = { k0: 0x01234567, k1: 0x89abcdef };

/** Hand-made roster values: every person is named after their reference ID ("EMP-1" is "First EMP-1"). */

export function member(referenceId: string, overrides: Partial<Member> = {}): Member {
  return {
    reference_id: referenceId,
    first_name: "First",
    last_name: referenceId,
    date_of_birth: "1990-05-15",
    phone: "4155550100",
    email: `${referenceId.toLowerCase()}@acme.com`,
    plan_id: "pln_basic",
    address: { address_line_1: "123 Main Street", city: "San Francisco", state: "CA", zipcode: "94102" },
    ...overrides,
  };
}

export function nameOf(referenceId: string): string {
  return `First ${referenceId}`;
}

const COLUMNS: Roster["columns"] = {
  fields: {},
  labels: {},
  status: { status: null, message: null, syncedAt: null },
};

export function readyRow(row: number, referenceId: string, overrides: Partial<Member> = {}): RowOutcome {
  return {
    row,
    status: "Ready",
    referenceId,
    name: nameOf(referenceId),
    member: member(referenceId, overrides),
    errors: [],
    repairs: [],
    message: "",
  };
}

export function invalidRow(row: number, referenceId: string | null, problem = "Phone is empty."): RowOutcome {
  return {
    row,
    status: "Invalid",
    referenceId,
    name: referenceId === null ? "" : nameOf(referenceId),
    member: null,
    errors: [{ field: "phone", column: "Phone", message: problem }],
    repairs: [],
    message: problem,
  };
}

export function excludedRow(row: number, referenceId: string | null): RowOutcome {
  return {
    row,
    status: "Excluded",
    referenceId,
    name: referenceId === null ? "" : nameOf(referenceId),
    member: null,
    errors: [],
    repairs: [],
    message: "Excluded by the Include column.",
  };
}

export function roster(rows: RowOutcome[]): Roster {
  return {
    headerRow: 1,
    columns: COLUMNS,
    rows,
    blankRows: 0,
    members: rows.flatMap((row) => (row.member === null ? [] : [row.member])),
  };
}

export function readOk(rows: RowOutcome[]): ReadRosterResult {
  return { ok: true, roster: roster(rows) };
}

/** Ready rows for reference IDs EMP-1 … EMP-n on rows 2 … n+1. */
export function readyRows(count: number): RowOutcome[] {
  return Array.from({ length: count }, (_, i) => readyRow(i + 2, `EMP-${i + 1}`));
}

export function acceptedOf(referenceId: string, overrides: Partial<Member> = {}): AcceptedMember {
  return acceptedMemberOf(nameOf(referenceId), member(referenceId, overrides), KEY);
}

export const GROUP_ID = "grp_tier1";

export function accepted(members: AcceptedMember[], groupId = GROUP_ID): AcceptedRoster {
  return { groupId, requestId: "grpmsr_previous", completedAt: "2026-01-15T10:30:04Z", members };
}

/** A last accepted roster holding EMP-1 … EMP-n exactly as readyRows(n) sends them. */
export function acceptedCount(count: number): AcceptedRoster {
  return accepted(Array.from({ length: count }, (_, i) => acceptedOf(`EMP-${i + 1}`)));
}
