/**
 * What the safety guards say (product.md §2): `confirm` asks the person running an interactive
 * sync and may name people; `block` stops a scheduled run, goes into the log and problem emails,
 * and never names anyone.
 */

export interface GuardSentences {
  confirm: string;
  block: string;
}

/** What a person types to send an empty roster on purpose. */
export const EMPTY_ROSTER_PHRASE = "REMOVE EVERYONE";

export const NO_LAST_ACCEPTED: GuardSentences = {
  confirm:
    "There is no record of an earlier sync of this tab to its Vitable group, so the add-on cannot show who the group " +
    "already holds. Anyone in the group who is not in this tab will be removed and lose their coverage. Confirm only " +
    "if this tab lists everyone who should stay in the group.",
  block:
    "The scheduled sync did not run because there is no record of an earlier sync of this tab to its Vitable group, " +
    "so it cannot tell who would be removed. Sync once by hand from the menu; later scheduled syncs will then run.",
};

/**
 * `why`: " (2 rows are invalid)" or " (it has no member rows)"; `everyone`: "all 40 people in",
 * "the 1 person in" or "everyone in".
 */
export function emptyRoster(why: string, everyone: string): GuardSentences {
  return {
    confirm:
      `This tab has no members to send${why}. Syncing it would remove ${everyone} the Vitable group and end their ` +
      `coverage. To do that on purpose, type ${EMPTY_ROSTER_PHRASE}.`,
    block:
      `The scheduled sync did not run because this tab has no members to send${why}, and sending none would remove ` +
      `${everyone} the Vitable group. Scheduled syncs never do that: fix the tab, or sync by hand if everyone should be removed.`,
  };
}

/** `people`: the removals as a sentence list, for the confirmation only. */
export function removalBrake(removing: number, held: string, limit: string, people: string): GuardSentences {
  const extent = `${removing} of the ${held} in the Vitable group, which reaches the safety limit of ${limit}`;
  return {
    confirm:
      `This sync would remove ${extent}: ${people}. They would lose their ` +
      "coverage. Confirm only if all of them should be removed.",
    block: `The scheduled sync did not run because it would remove ${extent}. Check the tab, then sync by hand to confirm the removals.`,
  };
}

export function invalidRowRemovesOne(person: string, row: number, problem: string): GuardSentences {
  return {
    confirm:
      `${person} is in the Vitable group now but would be removed, because row ${row} ` +
      `has a problem and will not be sent: ${problem} Fix the row and sync again, or confirm to remove them.`,
    block:
      `The scheduled sync did not run because row ${row} has a problem, and leaving it out would remove a person ` +
      "who is in the Vitable group now. Fix the row and the next scheduled sync will run.",
  };
}

/** `shown`: "Row 7, Jane Doe (1001): …" sentences; `rows`: "4, 7 and 9". */
export function invalidRowRemovesMany(count: number, shown: string, rows: string): GuardSentences {
  return {
    confirm:
      `${count} people who are in the Vitable group now would be removed, because their rows have problems ` +
      `and will not be sent. ${shown} Fix these rows and sync again, or confirm to remove them.`,
    block:
      `The scheduled sync did not run because rows ${rows} have problems, and leaving them out would remove ` +
      `${count} people who are in the Vitable group now. Fix those rows and the next scheduled sync will run.`,
  };
}

export function invalidRowShown(row: number, person: string, problem: string): string {
  return `Row ${row}, ${person}: ${problem}`;
}

export function moreInvalidRows(rest: string): string {
  return `${rest} too.`;
}

/** `problem`: the row's Vitable Message. */
export function unidentifiedRowShown(row: number, problem: string): string {
  return `Row ${row}: ${problem}`;
}

/**
 * `rows`: "4" or "4 and 9"; `shown`: their problems; `removing`: "2 people"; `people`: the
 * removals as a sentence list, for the confirmation only.
 */
export function unidentifiedRows(
  count: number,
  rows: string,
  shown: string,
  removing: string,
  people: string,
): GuardSentences {
  const whose = count === 1 ? `row ${rows} has a problem and its` : `rows ${rows} have problems and their`;
  return {
    confirm:
      `This sync would remove ${removing} (${people}), and ${whose} Employee ID cannot be read, so the add-on ` +
      `cannot tell whether ${count === 1 ? "it belongs" : "they belong"} to someone being removed. ${shown} ` +
      "Fix the rows and sync again, or confirm to remove the people listed.",
    block:
      `The scheduled sync did not run because ${whose} Employee ID cannot be read, and the sync would ` +
      `remove ${removing}: ${count === 1 ? "the row" : "the rows"} may be theirs. Fix the rows and the next scheduled sync will run.`,
  };
}
