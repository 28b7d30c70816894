import type { Roster, RowOutcome } from "../roster/model";
import { acceptedMemberOf, type AcceptedMember, type AcceptedRoster } from "./acceptedRoster";
import type { FingerprintKey } from "./fingerprint";

/** A person on a row of the tab. */
export interface RowPerson {
  referenceId: string;
  name: string;
  row: number;
}

export interface ChangedMember extends RowPerson {
  /** The name in the last accepted roster: a different one may mean a reference ID was reused. */
  previousName: string;
}

export type RemovalReason =
  { kind: "notInTab" } | { kind: "excluded"; row: number } | { kind: "invalid"; row: number; problem: string };

/** Someone in the last accepted roster whom this sync would leave out, so Vitable removes them. */
export interface Removal {
  referenceId: string;
  /** The name in the last accepted roster, which is the person Vitable holds. */
  name: string;
  reason: RemovalReason;
}

/** A row that is not sent. */
export interface UnsentRow {
  row: number;
  referenceId: string | null;
  name: string;
  /** Leaving it out removes someone: its reference ID is in the last accepted roster and no other row sends it. */
  removes: boolean;
}

export interface InvalidRow extends UnsentRow {
  /** The row's Vitable Message: which fields are wrong and why. */
  problem: string;
}

/**
 * What a sync of this tab would change in Vitable. Every row falls in exactly one of added,
 * changed, unchanged, excluded and invalid; `removed` lists everyone the sync would remove,
 * including the people of excluded and invalid rows.
 */
export interface RosterDiff {
  /** What the tab is compared with; null when there is no record, and then nothing counts as changed or removed. */
  lastAccepted: AcceptedRoster | null;
  /** The members this sync sends, in sheet order, as they will be recorded once Vitable accepts them. */
  submitted: AcceptedMember[];
  added: RowPerson[];
  changed: ChangedMember[];
  unchanged: RowPerson[];
  removed: Removal[];
  excluded: UnsentRow[];
  invalid: InvalidRow[];
  /**
   * Invalid rows whose reference ID cannot be read and whose name matches nobody this sync would
   * remove: each may still be one of those people, so it counts as a possible removal.
   */
  unidentified: InvalidRow[];
}

/** `key` is the spreadsheet's fingerprint key, which the last accepted roster was recorded with. */
export function diffRoster(roster: Roster, lastAccepted: AcceptedRoster | null, key: FingerprintKey): RosterDiff {
  const acceptedById = new Map<string, AcceptedMember>();
  for (const member of lastAccepted?.members ?? []) acceptedById.set(member.referenceId, member);

  const diff: RosterDiff = {
    lastAccepted,
    submitted: [],
    added: [],
    changed: [],
    unchanged: [],
    removed: [],
    excluded: [],
    invalid: [],
    unidentified: [],
  };

  // Sent reference IDs first: an unsent row removes its person only if no other row sends them.
  const sent = new Set<string>();
  const unsentRows: RowOutcome[] = [];
  for (const row of roster.rows) {
    if (row.status !== "Ready" || row.member === null) {
      unsentRows.push(row);
      continue;
    }
    const submitted = acceptedMemberOf(row.name, row.member, key);
    sent.add(submitted.referenceId);
    diff.submitted.push(submitted);
    const person: RowPerson = { referenceId: submitted.referenceId, name: row.name, row: row.row };
    const previous = acceptedById.get(submitted.referenceId);
    if (previous === undefined) diff.added.push(person);
    else if (previous.fingerprint !== submitted.fingerprint)
      diff.changed.push({ ...person, previousName: previous.name });
    else diff.unchanged.push(person);
  }

  const firstUnsentRowOf = new Map<string, RowOutcome>();
  for (const row of unsentRows) {
    const { referenceId } = row;
    const removes = referenceId !== null && acceptedById.has(referenceId) && !sent.has(referenceId);
    if (removes && !firstUnsentRowOf.has(referenceId)) firstUnsentRowOf.set(referenceId, row);
    const unsent: UnsentRow = { row: row.row, referenceId, name: row.name, removes };
    if (row.status === "Excluded") diff.excluded.push(unsent);
    else diff.invalid.push({ ...unsent, problem: row.message });
  }

  const notInTab: AcceptedMember[] = [];
  for (const member of lastAccepted?.members ?? []) {
    if (!sent.has(member.referenceId) && !firstUnsentRowOf.has(member.referenceId)) notInTab.push(member);
  }
  const unidentifiedRows = unsentRows.filter((row) => row.status === "Invalid" && row.referenceId === null);
  const rowOfPerson = matchByName(unidentifiedRows, notInTab);

  for (const member of lastAccepted?.members ?? []) {
    if (sent.has(member.referenceId)) continue;
    const row = firstUnsentRowOf.get(member.referenceId) ?? rowOfPerson.get(member);
    const reason: RemovalReason =
      row === undefined
        ? { kind: "notInTab" }
        : row.status === "Excluded"
          ? { kind: "excluded", row: row.row }
          : { kind: "invalid", row: row.row, problem: row.message };
    diff.removed.push({ referenceId: member.referenceId, name: member.name, reason });
  }
  const matchedRows = new Set([...rowOfPerson.values()].map((row) => row.row));
  for (const row of diff.invalid) if (matchedRows.has(row.row)) row.removes = true;
  diff.unidentified = diff.invalid.filter((row) => row.referenceId === null && !matchedRows.has(row.row));
  return diff;
}

/** A name as compared across rows: case, accents as typed, spacing and punctuation aside. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Pairs rows whose reference ID cannot be read with the people this sync would remove, by name:
 * only where exactly one such row and exactly one such person carry the name, so a row can never
 * be taken for someone else. A row left unpaired still counts as a possible removal.
 */
function matchByName(
  rows: readonly RowOutcome[],
  removing: readonly AcceptedMember[],
): Map<AcceptedMember, RowOutcome> {
  const rowsByName = groupBy(rows, (row) => nameKey(row.name));
  const peopleByName = groupBy(removing, (member) => nameKey(member.name));
  const matched = new Map<AcceptedMember, RowOutcome>();
  for (const [name, namedRows] of rowsByName) {
    const people = peopleByName.get(name);
    if (name !== "" && namedRows.length === 1 && people?.length === 1) matched.set(people[0]!, namedRows[0]!);
  }
  return matched;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/**
 * Whether sending this tab would change what Vitable holds: a scheduled run skips tabs where it
 * would not. Without a record nobody can tell, so it would.
 */
export function changesVitable(diff: RosterDiff): boolean {
  return diff.lastAccepted === null || diff.added.length + diff.changed.length + diff.removed.length > 0;
}
