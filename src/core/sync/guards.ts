import type { ReadRosterResult } from "../roster/model";
import { lastAcceptedFor, type AcceptedRoster } from "./acceptedRoster";
import type { FingerprintKey } from "./fingerprint";
import { diffRoster, type Removal, type RosterDiff } from "./diff";
import * as sentences from "../../messages/guards";
import { countOf } from "../text/wording";
import { removalBrakeLimit, type RemovalBrake } from "./removalBrake";
import { confirmationToken } from "./confirmationToken";
import type { Guard } from "./guardNames";
import { describePerson, listInSentence } from "./people";

/**
 * The safety guards of a sync (product.md §2): a sync replaces the group's whole roster, so
 * every way it could remove people by accident needs a person's confirmation in an
 * interactive run and stops a scheduled run, which has nobody to ask.
 */

export type SyncMode = "interactive" | "scheduled";

export type ConfirmWith = { kind: "button" } | { kind: "typed"; phrase: string };

/** A question for the person running the sync; the sentence may name people, so it is shown, never logged. */
export interface Confirmation {
  guard: Guard;
  message: string;
  /** Everyone the confirmation is about, for the full list next to the sentence. */
  people: Removal[];
  confirmWith: ConfirmWith;
}

/** Why a sync did not run. The sentence names no one, so it also goes into the log and emails. */
export interface Block {
  guard: Guard;
  message: string;
  /** The people concerned, for the sidebar. */
  people: Removal[];
}

export type SyncDecision =
  | { kind: "proceed" }
  /** `token` binds the confirmations to exactly these removals (confirmationToken). */
  | { kind: "confirm"; confirmations: Confirmation[]; token: string }
  | { kind: "blocked"; blocks: Block[] };

/** The diff of a readable tab (null when the tab could not be read) and whether the sync may go ahead. */
export interface SyncPlan {
  diff: RosterDiff | null;
  decision: SyncDecision;
}

export interface SyncPlanOptions {
  /** The group the tab is linked to now. */
  groupId: string;
  mode: SyncMode;
  brake: RemovalBrake;
  /** The spreadsheet's key of member fingerprints. */
  fingerprintKey: FingerprintKey;
}

/** A guard that applies, with what to say in either mode. */
interface Concern {
  guard: Guard;
  confirm: string;
  block: string;
  people: Removal[];
  confirmWith: ConfirmWith;
}

const BUTTON: ConfirmWith = { kind: "button" };

export function planSync(read: ReadRosterResult, accepted: AcceptedRoster | null, options: SyncPlanOptions): SyncPlan {
  if (!read.ok) {
    // Nothing to confirm: without the header row or the required columns no member can be read.
    return {
      diff: null,
      decision: { kind: "blocked", blocks: [{ guard: "rosterUnreadable", message: read.problem.message, people: [] }] },
    };
  }
  const diff = diffRoster(read.roster, lastAcceptedFor(accepted, options.groupId), options.fingerprintKey);
  const concerns = concernsOf(diff, options.brake);
  if (concerns.length === 0) return { diff, decision: { kind: "proceed" } };
  if (options.mode === "scheduled") {
    return {
      diff,
      decision: {
        kind: "blocked",
        blocks: concerns.map(({ guard, block, people }) => ({ guard, message: block, people })),
      },
    };
  }
  return {
    diff,
    decision: {
      kind: "confirm",
      confirmations: concerns.map(({ guard, confirm, people, confirmWith }) => ({
        guard,
        message: confirm,
        people,
        confirmWith,
      })),
      token: confirmationToken(
        concerns.map((concern) => concern.guard),
        diff,
      ),
    },
  };
}

function concernsOf(diff: RosterDiff, brake: RemovalBrake): Concern[] {
  const concerns: Concern[] = [];
  if (diff.submitted.length === 0) {
    // Its typed confirmation already says that everyone goes, which covers the brake and a missing record.
    concerns.push(emptyRosterConcern(diff));
  } else {
    if (diff.lastAccepted === null) concerns.push(NO_LAST_ACCEPTED);
    const brakeConcern = removalBrakeConcern(diff, brake);
    if (brakeConcern) concerns.push(brakeConcern);
  }
  const invalidConcern = invalidRowConcern(diff.removed);
  if (invalidConcern) concerns.push(invalidConcern);
  const unidentifiedConcern = unidentifiedRowConcern(diff);
  if (unidentifiedConcern) concerns.push(unidentifiedConcern);
  return concerns;
}

/**
 * Invalid rows whose reference ID cannot be read may belong to anyone this sync removes (their
 * names matched nobody for sure): while it removes someone, a person decides.
 */
function unidentifiedRowConcern(diff: RosterDiff): Concern | null {
  if (diff.unidentified.length === 0 || diff.removed.length === 0) return null;
  const rows = listInSentence(diff.unidentified, ({ row }) => String(row));
  const problems = diff.unidentified
    .slice(0, SHOWN_PROBLEMS)
    .map(({ row, problem }) => sentences.unidentifiedRowShown(row, problem))
    .join(" ");
  return {
    guard: "unidentifiedRow",
    ...sentences.unidentifiedRows(
      diff.unidentified.length,
      rows,
      problems,
      countOf(diff.removed.length, "person", "people"),
      listInSentence(diff.removed, describePerson),
    ),
    people: diff.removed,
    confirmWith: BUTTON,
  };
}

const NO_LAST_ACCEPTED: Concern = {
  guard: "noLastAccepted",
  ...sentences.NO_LAST_ACCEPTED,
  people: [],
  confirmWith: BUTTON,
};

function emptyRosterConcern(diff: RosterDiff): Concern {
  const unsent: string[] = [];
  if (diff.invalid.length > 0) unsent.push(`${countOf(diff.invalid.length, "row is", "rows are")} invalid`);
  if (diff.excluded.length > 0) unsent.push(`${countOf(diff.excluded.length, "row is", "rows are")} excluded`);
  const why = unsent.length > 0 ? ` (${unsent.join(" and ")})` : " (it has no member rows)";
  const held = diff.lastAccepted?.members.length ?? 0;
  const everyone = held > 1 ? `all ${held} people in` : held === 1 ? "the 1 person in" : "everyone in";
  return {
    guard: "emptyRoster",
    ...sentences.emptyRoster(why, everyone),
    people: diff.removed,
    confirmWith: { kind: "typed", phrase: sentences.EMPTY_ROSTER_PHRASE },
  };
}

function removalBrakeConcern(diff: RosterDiff, brake: RemovalBrake): Concern | null {
  if (diff.lastAccepted === null) return null;
  const held = diff.lastAccepted.members.length;
  const limit = removalBrakeLimit(brake, held);
  const removing = diff.removed.length;
  if (removing < limit) return null;
  return {
    guard: "removalBrake",
    ...sentences.removalBrake(
      removing,
      countOf(held, "person", "people"),
      countOf(limit, "removal", "removals"),
      listInSentence(diff.removed, describePerson),
    ),
    people: diff.removed,
    confirmWith: BUTTON,
  };
}

interface InvalidRowRemoval {
  removal: Removal;
  row: number;
  problem: string;
}

const SHOWN_PROBLEMS = 5;

function invalidRowConcern(removed: Removal[]): Concern | null {
  const removals: InvalidRowRemoval[] = [];
  for (const removal of removed) {
    if (removal.reason.kind === "invalid")
      removals.push({ removal, row: removal.reason.row, problem: removal.reason.problem });
  }
  if (removals.length === 0) return null;
  const people = removals.map(({ removal }) => removal);
  const first = removals[0] as InvalidRowRemoval;
  if (removals.length === 1) {
    return {
      guard: "invalidRowRemoves",
      ...sentences.invalidRowRemovesOne(describePerson(first.removal), first.row, first.problem),
      people,
      confirmWith: BUTTON,
    };
  }
  const shown = removals
    .slice(0, SHOWN_PROBLEMS)
    .map(({ removal, row, problem }) => sentences.invalidRowShown(row, describePerson(removal), problem));
  const rest = removals.length - shown.length;
  if (rest > 0)
    shown.push(sentences.moreInvalidRows(countOf(rest, "more row has a problem", "more rows have problems")));
  return {
    guard: "invalidRowRemoves",
    ...sentences.invalidRowRemovesMany(
      removals.length,
      shown.join(" "),
      listInSentence(removals, ({ row }) => String(row)),
    ),
    people,
    confirmWith: BUTTON,
  };
}
