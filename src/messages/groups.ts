/** Sentences about Vitable groups and the tabs linked to them. */

/** What a group's fields are called in a sentence. */
export const GROUP_FIELDS = {
  name: "name",
  externalReferenceId: "external reference ID",
} as const;

type GroupField = (typeof GROUP_FIELDS)[keyof typeof GROUP_FIELDS];

export function enterGroupField(field: GroupField): string {
  return `Enter the group's ${field}.`;
}

export function groupFieldTooLong(field: GroupField, maxLength: number): string {
  return `The group's ${field} is longer than ${maxLength} characters; shorten it.`;
}

/** A group takes one tab of a spreadsheet: two tabs replacing one roster would remove each other's people. */
export function linkedToAnotherTab(tab: string): string {
  return `That group is already linked to the tab "${tab}". Unlink it there first: two tabs syncing one group would remove each other's people.`;
}

export const WAIT_BEFORE_LINKING =
  "This tab's last sync is still processing at Vitable. Wait for it to finish before linking another group.";

export const WAIT_BEFORE_UNLINKING =
  "This tab's last sync is still processing at Vitable. Wait for it to finish before unlinking.";
