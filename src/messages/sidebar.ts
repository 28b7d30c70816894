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

export const WHERE_KEYS_COME_FROM =
  "Where to find a key: in the Vitable dashboard, open API keys and create one (or ask your Vitable admin).";

/** The connection's environment, as its chip and the header name it. */
export const ENVIRONMENT_LABELS = {
  production: "Production",
  uat: "Test environment (UAT)",
} as const;

export const NOT_CONNECTED = "Not connected";

/** Shown when "Everyone who edits this spreadsheet" is chosen, before the key is connected. */
export const SHARED_KEY_RISK =
  "Everyone who can edit this spreadsheet, now or later, could use this key to sync any group of your organization. The Vitable Sync Log tab shows who connected it.";

/** The box that must be ticked before a key is shared with every editor. */
export const SHARED_KEY_ACKNOWLEDGEMENT = "I understand that everyone who can edit this spreadsheet can use this key";

export const TICK_SHARED_KEY_RISK = "Tick the box above to share the key with every editor, or choose Only me.";

/** The connection folded to one line: "Production ••••7f3a". */
export function connectedSummary(environment: string, maskedKey: string): string {
  return `${environment} ${maskedKey}`;
}

/** Who is using the sidebar, under the connection. */
export function signedInAs(user: string): string {
  return `Signed in as ${user}`;
}

// --- The header and the action bar ---

/** The header's group when the tab has none. */
export const NO_GROUP = "no group linked";

export const HELP = "Help";

/** Why the sync and the preview cannot run yet, one line under the action bar. */
export const NEEDS_KEY = "Connect a Vitable API key to preview and sync.";

export const NEEDS_LINK = "Link this tab to a Vitable group to preview and sync it.";

/** The sidebar moved to the tab on screen after the server refused an action on another one. */
export function nowShowing(tab: string): string {
  return `Now showing "${tab}", the tab on screen.`;
}

/** Results computed before the tab was last synced, in place of their numbers. */
/** Over a result the user may have changed the tab since: Apps Script reports no edits to add-ons. */
export const MAY_HAVE_CHANGED = {
  validation: "You were in the sheet since this check: if you changed the tab, validate again.",
  preview: "You were in the sheet since this preview: if you changed the tab, preview again.",
} as const;

export const OUT_OF_DATE = {
  validation: "Out of date: this tab was synced since you validated it. Validate again to see it now.",
  preview: "Out of date: this tab was synced since this preview. Preview again to see what a sync would do now.",
} as const;
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

/** Follows KEY_SAVED_FOR; `time` is already formatted; `by` names who connected a shared key. */
export function connectedAt(time: string, by: string | null): string {
  return by === null ? ` · connected ${time}` : ` · connected by ${by} ${time}`;
}

// --- This tab: its group and its headers ---

export const CONNECT_TO_LINK = "Connect a Vitable API key above to link this tab to a group.";

/** The group folded to one line: "Linked to Acme". */
export function linkedTo(group: string): string {
  return `Linked to ${group}`;
}

export const NOT_LINKED = "Not linked yet";

export const INSERT_HEADERS_HINT = "On an empty tab: writes the header row with dropdowns for Plan and State.";

export const LINK_INTRO = "Link this tab to the Vitable group whose roster it holds.";

export const SEARCH_GROUPS = "Search by name or group reference";

export const NO_GROUPS_YET = "This Vitable account has no groups yet. Create one below.";

export function noGroupMatches(search: string): string {
  return `No group's name or group reference contains "${search}".`;
}

/** A group's external reference ID, which the sidebar calls its group reference (people have Employee IDs). */
export function groupReferenceOf(referenceId: string): string {
  return `Group reference: ${referenceId}`;
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
  externalReferenceId: "group reference",
} as const;

type GroupInput = (typeof GROUP_INPUTS)[keyof typeof GROUP_INPUTS];

export function enterGroupInput(input: GroupInput): string {
  return `Enter the ${input}.`;
}

export function groupInputTooLong(input: GroupInput, length: number, maxLength: number): string {
  return `The ${input} is ${length} characters long; Vitable accepts at most ${maxLength}.`;
}

// --- This spreadsheet ---

/** The folded line of "This spreadsheet", where the add-on's data can be removed. */
export const SPREADSHEET_DATA_SUMMARY = "The add-on's data";

// --- The removal brake ---

export const BRAKE_EXPLAINED =
  "A sync that would remove this many people or more asks you first, and a scheduled sync is blocked instead. Whichever of the two numbers is larger applies.";

export const BRAKE_SAVED = "Saved: the new limit applies from the next sync.";

export const BRAKE_MINIMUM_INVALID = "Enter a whole number of people from 1 to 1,000 for the removal limit.";

export const BRAKE_PERCENT_INVALID = "Enter a percent of the group from 0 to 50 for the removal limit.";

/** The removal limit folded to one line, after its title: short enough for a 300 px sidebar. */
export function brakeSummary(minimum: number, percent: number): string {
  return `${minimum}+ people or ${percent}%`;
}

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
  unidentifiedRow: "Rows without a readable Employee ID",
} as const;

// --- How syncs went ---

/** "3 added · 2 removed": each count above zero. */
export const COUNTS = {
  added: (count: number) => `${count} added`,
  changed: (count: number) => `${count} changed`,
  removed: (count: number) => `${count} removed`,
  failed: (count: number) => `${count} failed`,
  invalid: (count: number) => `${count} not sent (invalid)`,
} as const;

export const NOTHING_CHANGED = "No one added, changed or removed";

/** Under a finished sync: the rows left out, which its counts of people do not include. */
export function rowsNotSent(count: number): string {
  return count === 1
    ? "1 row was not sent: it is invalid (its Vitable Message column says why)."
    : `${count} rows were not sent: they are invalid (their Vitable Message column says why).`;
}

/** The headline of a finished sync: `parts` are its counts above zero, already worded. */
export function syncDone(parts: string): string {
  return `Sync finished: ${parts}.`;
}

/** Names the sync a result is about; `tab` is the tab synced, which may not be on screen. */
export function syncOf(tab: string): string {
  return `Sync of "${tab}"`;
}

export function syncingTab(tab: string): string {
  return `Syncing "${tab}"`;
}

export function beforeSyncing(tab: string): string {
  return `Before syncing "${tab}"`;
}

/** The first feedback after a click on Sync, before the server has answered. */
export function sendingPeople(count: number | null): string {
  if (count === null) return "Sending the roster to Vitable…";
  return count === 1 ? "Sending 1 person to Vitable…" : `Sending ${count} people to Vitable…`;
}

/** The steps of a sync as it goes, each with the time it was reached when known. */
export const SYNC_STEPS = {
  sending: "Sending",
  submitted: (time: string) => `Submitted ${time}`,
  processing: "Vitable is processing the roster",
  done: "Done: each row's outcome is written to the tab",
} as const;

export function elapsedTime(elapsed: string): string {
  return `Elapsed ${elapsed}`;
}

export function startedByWho(who: string): string {
  return `Started by ${who}.`;
}

/** A sync of the tab Vitable has not finished, in a preview. */
export function stillProcessing(who: string, time: string): string {
  return `A sync started by ${who} on ${time} is still being processed by Vitable.`;
}

/** Where an HTTP status moves out of a sentence: the details under it. */
export function technicalDetail(detail: string): string {
  return `Details: ${detail}`;
}

export function lastSyncAt(time: string, counts: string): string {
  return `Last sync ${time}: ${counts}`;
}

// --- Preview ---

export function comparedWith(group: string): string {
  return `Compared with what "${group}" held after its last sync.`;
}

/** Without a record of an earlier sync the preview cannot know who is in the group already. */
export function noEarlierSync(group: string): string {
  return `There is no record of an earlier sync to "${group}", so this preview cannot tell who is in the group already.`;
}

export const PROCEED = "A sync can go ahead now: nothing needs your confirmation.";

/** A preview whose sync will ask first: the question itself comes once, when you sync. */
export function willAsk(titles: string): string {
  return `Syncing will ask you to confirm first: ${titles}.`;
}

export const LEAVING_ROW_OUT_REMOVES = "Leaving this row out would remove this person.";

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

/** The outcome chip of a completed sync in which Vitable refused someone. */
export const COMPLETED_WITH_FAILURES = "Completed, some failed";

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

export const NO_SCHEDULE_SET = "Off";

/** A schedule while no key is connected: it runs again once one is. */
export const SCHEDULE_PAUSED = "Paused until a Vitable API key is connected.";

export function schedulePausedSummary(description: string): string {
  return `${description} · paused`;
}
