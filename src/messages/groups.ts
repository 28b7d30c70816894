/** Sentences about Vitable groups and the tabs linked to them. */

/**
 * What a group's fields are called in a sentence. Its external reference ID is its "group
 * reference": people have Employee IDs, and the two must not be confused.
 */
export const GROUP_FIELDS = {
  name: "group name",
  externalReferenceId: "group reference",
} as const;

type GroupField = (typeof GROUP_FIELDS)[keyof typeof GROUP_FIELDS];

export function enterGroupField(field: GroupField): string {
  return `Enter the ${field}.`;
}

export function groupFieldTooLong(field: GroupField, maxLength: number): string {
  return `The ${field} is longer than ${maxLength} characters; shorten it.`;
}

/** A group takes one tab of a spreadsheet: two tabs replacing one roster would remove each other's people. */
export function linkedToAnotherTab(tab: string): string {
  return `That group is already linked to the tab "${tab}". Unlink it there first: two tabs syncing one group would remove each other's people.`;
}

export const WAIT_BEFORE_LINKING =
  "This tab's last sync is still processing at Vitable. Wait for it to finish before linking another group.";

export const WAIT_BEFORE_UNLINKING =
  "This tab's last sync is still processing at Vitable. Wait for it to finish before unlinking.";

/** A removal limit past its bounds, which would let a sync remove that many people unasked. */
export function brakeOutOfBounds(maxPeople: number, maxPercent: number): string {
  return (
    `The removal limit must be between 1 and ${maxPeople.toLocaleString("en-US")} people and at most ${maxPercent}% of the group: ` +
    "a higher limit would let a sync remove that many people without asking. Nothing was changed."
  );
}
