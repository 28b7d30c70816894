/**
 * What the sidebar says: its notes, hints, errors and confirmations, and every text built from
 * values. A plain label (a button, a field, a section's title, a chip) stays beside the control
 * it names. The sidebar bundle ships this module, so it holds words only.
 */
export { everyHours } from "./schedule";

// --- Talking to the add-on ---

export const UNREACHABLE =
  "The sidebar could not reach the add-on. Check your internet connection, then close and reopen the sidebar.";

export const UNEXPECTED_ANSWER =
  "The add-on answered in a way this sidebar does not understand. Close and reopen the sidebar; if it keeps happening, reinstall or update the add-on.";

/** The add-on's answer to a request it could not read. */
export const REQUEST_NOT_UNDERSTOOD =
  "The sidebar sent a request the add-on does not understand. Close the sidebar, open it again and retry.";

/** A request the sidebar refused to send; `problems` says what is wrong with it, `;`-separated. */
export function requestNotSent(name: string, problems: string): string {
  return `The sidebar did not send "${name}" because ${problems}. Close and reopen the sidebar; if it keeps happening, update the add-on.`;
}

/** One problem of such a request: `where` is the field's path, `got` what it held. */
export function wrongType(where: string, expected: string, got: string): string {
  return `${where} should be ${/^[aeiou]/.test(expected) ? "an" : "a"} ${expected}, not ${got}`;
}

export function notAccepted(where: string, got: string): string {
  return `${where} is not an accepted value (${got})`;
}

export const THE_REQUEST = "the request";

/** What a wrong value was. Text is described, never echoed: it may be an API key. */
export const VALUE_WORDS = {
  date: "a Date object (send times as ISO text)",
  null: "null",
  missing: "missing",
  list: "a list",
  text: "text",
  ofType: (type: string) => `a ${type}`,
} as const;

// --- Connection ---

export const CONNECT_INTRO = "Connect a Vitable API key to list groups and sync this spreadsheet.";

export const PASTE_KEY_FIRST = "Paste your Vitable API key first.";

/** `prefix` is how every Vitable API key starts. */
export function keyStartsWith(prefix: string): string {
  return `A Vitable API key starts with "${prefix}". Copy the whole key from Vitable and paste it here.`;
}

export const DISCONNECT_QUESTION =
  "Disconnect from Vitable? Syncs of this spreadsheet, scheduled ones too, stop until a key is connected again.";

/** Whose key it is: saved for one user or for every editor. */
export const KEY_SAVED_FOR = {
  user: "Saved for you only",
  document: "Saved for everyone who edits this spreadsheet",
} as const;

/** Follows KEY_SAVED_FOR; `time` is already formatted. */
export function connectedAt(time: string): string {
  return ` · connected ${time}`;
}

// --- This tab: its group and its headers ---

export const CONNECT_TO_LINK = "Connect a Vitable API key above to link this tab to a group.";

export const INSERT_HEADERS_HINT = "On an empty tab: writes the header row with dropdowns for Plan and State.";

export const LINK_INTRO = "Link this tab to the Vitable group whose roster it holds.";

export const SEARCH_GROUPS = "Search by name or reference ID";

export const NO_GROUPS_YET = "This Vitable account has no groups yet. Create one below.";

export function noGroupMatches(search: string): string {
  return `No group's name or reference ID contains "${search}".`;
}

export function referenceIdOf(referenceId: string): string {
  return `Reference ID: ${referenceId}`;
}

export function linkedToTab(tab: string): string {
  return `Linked to the tab "${tab}"; unlink it there first.`;
}

export function groupCreated(name: string): string {
  return `Created "${name}". It is selected above: choose Link to link it to this tab.`;
}

export const EXTERNAL_ID_HINT = "Your own ID for this group, e.g. the company code in your HR system.";

/** What the inputs of a group's form are called in a sentence. */
export const GROUP_INPUTS = {
  name: "group name",
  externalReferenceId: "external reference ID",
} as const;

type GroupInput = (typeof GROUP_INPUTS)[keyof typeof GROUP_INPUTS];

export function enterGroupInput(input: GroupInput): string {
  return `Enter the ${input}.`;
}

export function groupInputTooLong(input: GroupInput, length: number, maxLength: number): string {
  return `The ${input} is ${length} characters long; Vitable accepts at most ${maxLength}.`;
}

// --- The removal brake ---

export const BRAKE_EXPLAINED =
  "A sync that would remove this many people or more asks you first, and a scheduled sync is blocked instead. Whichever of the two numbers is larger applies.";

export const BRAKE_SAVED = "Saved: the new brake applies from the next sync.";

export const BRAKE_MINIMUM_INVALID = "Enter a whole number of people, 1 or more, for the removal brake.";

export const BRAKE_PERCENT_INVALID = "Enter a percent of the group between 0 and 100 for the removal brake.";

// --- Map columns: which column of the tab is which ---

/** What the step asks, of which tab. */
export function mappingOfTab(tab: string, headerRow: number): string {
  return `Which column of "${tab}" holds each field, by its header in row ${headerRow}.`;
}

/** Above the columns that need the user, which are marked and listed first. */
export function columnsNeedYou(count: number): string {
  return count === 1
    ? "1 column needs your choice: it is marked below."
    : `${count} columns need your choice: they are marked below.`;
}

/** Why a column is marked, by its problem. */
export const COLUMN_PROBLEMS = {
  missing: "Not found: choose its column",
  ambiguous: "More than one column could be this",
  vanished: "The chosen column is gone: renamed or deleted",
} as const;

/** A chip, followed by the sentence that ends it. */
export const YOUR_CHOICES = "Your choices";

export const YOUR_CHOICES_SAVED = " are saved for this tab: every sync of it uses them.";

/** Beside a column the user chose themselves. */
export const YOUR_CHOICE = "Your choice";

/** What a select offers for a column with no header chosen. */
export const NO_COLUMN = {
  optional: "— none —",
  required: "— choose a column —",
} as const;

/** The values under the chosen header, from the tab's first rows. */
export function sampleValues(samples: readonly string[]): string {
  return samples.length === 0 ? "No values below this header." : `e.g. ${samples.join(" · ")}`;
}

/** The columns settled by their headers, folded away: "Other columns (9)", or "All columns (15)" when no other is shown. */
export function settledColumns(count: number, all: boolean): string {
  return `${all ? "All" : "Other"} columns (${count})`;
}

/** The employment status column, by its header in the tab. */
export function statusValuesOf(header: string): string {
  return `Values of "${header}"`;
}

export const STATUS_VALUES_HINT =
  "Rows left out are not sent to Vitable: if someone was synced before, the next sync ends their plan.";

export function rowCount(count: number): string {
  return count === 1 ? "1 row" : `${count} rows`;
}

/** What a status value can mean, and what an unknown one offers before the user chooses. */
export const STATUS_CHOICES = {
  include: "Include",
  exclude: "Leave out",
  none: "— choose —",
} as const;

export const STATUS_NEEDS_CHOICE = "Needs a choice: rows with this value are invalid until you choose.";

// --- Validate ---

export const EVERY_ROW_READY = "Every row is ready to sync.";

export function problemCount(count: number): string {
  return `${count} ${count === 1 ? "problem" : "problems"}`;
}

/** "Row 12 · Phone — Phone is empty." */
export function problemLine(row: number, column: string, message: string): string {
  return `Row ${row} · ${column} — ${message}`;
}

export const PROBLEMS_IN_MESSAGE_COLUMN = "Each row's problems are also in its Vitable Message column.";

// --- Lists of people and rows ---

/** Before who a line is about: "Row 12 · Jane Doe". */
export function rowPrefix(row: number): string {
  return `Row ${row} · `;
}

export function selectRow(row: number): string {
  return `Select row ${row} in the sheet`;
}

/** Below a list cut short. */
export function andMore(count: number): string {
  return `and ${count} more`;
}

/** A short title above each safety guard's sentence, by guard. */
export const GUARD_TITLES = {
  rosterUnreadable: "The tab can't be read as a roster",
  noLastAccepted: "No earlier sync on record",
  emptyRoster: "The roster is empty",
  removalBrake: "Many people would be removed",
  invalidRowRemoves: "Invalid rows would remove people",
  unidentifiedRow: "Rows without a readable Reference ID",
} as const;

// --- How syncs went ---

/** "3 added · 2 removed": each count above zero. */
export const COUNTS = {
  added: (count: number) => `${count} added`,
  changed: (count: number) => `${count} changed`,
  removed: (count: number) => `${count} removed`,
  failed: (count: number) => `${count} failed`,
  invalid: (count: number) => `${count} invalid`,
} as const;

export const NOTHING_CHANGED = "No one added, changed or removed";

/** The lists of a completed sync, with how many each holds. */
export const RESULT_LISTS = {
  failed: (count: number) => `Failed (${count})`,
  added: (count: number) => `Added (${count})`,
  removed: (count: number) => `Removed (${count})`,
} as const;

/** Why Vitable did not add or remove someone. */
export const NOT_DONE = {
  add: (reason: string) => `Not added: ${reason}`,
  remove: (reason: string) => `Not removed: ${reason}`,
} as const;

/** `time` is already formatted, here and below. */
export function finishedAt(time: string): string {
  return `Finished ${time}`;
}

export const NO_HISTORY = "No syncs yet. Each sync is listed here and in the Vitable Sync Log tab.";

/** Follows the tab's name in the history: "Roster → Acme". */
export function toGroup(group: string): string {
  return ` → ${group}`;
}

export function startedBy(who: string): string {
  return `Started by ${who}`;
}

// --- Schedule ---

export const SCHEDULE_INTRO = "Sync every linked tab of this spreadsheet automatically, even when nobody has it open.";

export const DAILY_CHOICE = "Every day";

export const WEEKLY_CHOICE = "Every week";

export const IN_SPREADSHEET_TIME_ZONE = "In the spreadsheet's time zone.";

export const EMAIL_ME = "Email me when a scheduled sync fails or is blocked";

/** Who a schedule runs as, when the add-on does not know. */
export const SCHEDULE_OWNER_UNKNOWN = "the person who set it up";

/** `owner` is null when the schedule is the user's own. */
export function runsAs(owner: string | null): string {
  return owner === null ? "Runs as you." : `Runs as ${owner}.`;
}

export function problemEmailsTo(owner: string | null): string {
  return `${owner === null ? "You get" : `${owner} gets`} an email when a scheduled sync fails or is blocked.`;
}

export function onlyOwnerCanChange(owner: string): string {
  return `Only ${owner} can change or remove this schedule.`;
}

export function lastRunAt(time: string): string {
  return `Last run ${time}`;
}

export function nextRunAt(time: string): string {
  return `Next run ${time}`;
}
