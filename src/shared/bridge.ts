import * as z from "zod/mini";
import { keyScopeSchema } from "../core/state/connection";
import { vitableEnvironmentSchema } from "../vitable/environments";
import { frequencySchema, scheduleRunSchema, type Frequency } from "../core/schedule/frequencySchema";
import { guardSchema } from "../core/sync/guardNames";
import { askedBrakeSchema, removalBrakeSchema } from "../core/sync/removalBrake";
import { columnTargetSchema, statusDecisionSchema } from "../core/roster/columnMapping";
import { logOutcomeSchema } from "../core/log/logEntry";

/**
 * The messages between the sidebar and the server: one schema per request and per answer,
 * shared by both bundles, so neither side can drift. Everything that crosses
 * `google.script.run` is plain JSON: times are ISO 8601 strings, never `Date`s (a `Date`
 * makes the call fail in Apps Script).
 */

const isoTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/));
const sheetId = z.int();
const text = z.string();

// ---- shared pieces -------------------------------------------------------------------------

export const personSchema = z.object({ referenceId: text, name: text, row: z.nullable(z.int()) });
export type PersonView = z.infer<typeof personSchema>;

export const removalSchema = z.object({
  referenceId: text,
  name: text,
  /** Why this person leaves: "Not in the tab", "Row 12 is excluded", "Row 7 is invalid: …". */
  reason: text,
});
export type RemovalView = z.infer<typeof removalSchema>;

export const confirmationSchema = z.object({
  guard: guardSchema,
  message: text,
  people: z.array(removalSchema),
  /** A button, or a phrase the user must type. */
  typedPhrase: z.nullable(text),
});
export type ConfirmationView = z.infer<typeof confirmationSchema>;

export const blockSchema = z.object({ guard: guardSchema, message: text, people: z.array(removalSchema) });
export type BlockView = z.infer<typeof blockSchema>;

export const countsViewSchema = z.object({
  added: z.int(),
  changed: z.int(),
  removed: z.int(),
  failed: z.int(),
  invalid: z.int(),
});
export type SyncCountsView = z.infer<typeof countsViewSchema>;

// ---- state shown when the sidebar opens ------------------------------------------------------

export const connectionViewSchema = z.object({
  environment: vitableEnvironmentSchema,
  scope: keyScopeSchema,
  /** The last 4 characters only, e.g. "••••7f3a": the key itself never reaches the sidebar. */
  maskedKey: text,
  connectedAt: isoTime,
  /** Who connected a key shared with every editor, shown to all of them; null for a key of one's own. */
  connectedBy: z.nullable(text),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;

export const groupSchema = z.object({
  id: text,
  name: text,
  externalReferenceId: text,
  /** The tab of this spreadsheet linked to the group, if any: a group has at most one. */
  linkedTab: z.nullable(z.object({ sheetId, name: text })),
});
export type GroupView = z.infer<typeof groupSchema>;

export const pendingSchema = z.object({ requestId: text, submittedAt: isoTime, startedBy: text });
export type PendingView = z.infer<typeof pendingSchema>;

export const logEntryViewSchema = z.object({
  at: isoTime,
  tab: text,
  group: text,
  /** The user's email, or "Schedule (owner@example.com)". */
  startedBy: text,
  counts: countsViewSchema,
  requestId: text,
  outcome: logOutcomeSchema,
  /** Why it was blocked or failed; never names a member. */
  detail: text,
});
export type LogEntryView = z.infer<typeof logEntryViewSchema>;

export const tabSchema = z.object({
  sheetId,
  name: text,
  link: z.nullable(z.object({ groupId: text, groupName: text, externalReferenceId: text })),
  brake: removalBrakeSchema,
  headerRow: z.int().check(z.gte(1)),
  pending: z.nullable(pendingSchema),
  /** The last sync of this tab that reached an outcome. */
  lastSync: z.nullable(logEntryViewSchema),
  /** The tab's syncMarker as getActiveTab gives it, so the sidebar sees when this view is out of date. */
  syncMarker: text,
});
export type TabView = z.infer<typeof tabSchema>;

/**
 * The tab on screen, cheap enough to ask every few seconds. `syncMarker` is opaque: it changes
 * whenever a sync of the tab starts, settles, is blocked or fails, whichever entry ran it
 * (sidebar, menu, schedule), and at no other time.
 */
export const activeTabSchema = z.object({ sheetId, name: text, syncMarker: text });
export type ActiveTabView = z.infer<typeof activeTabSchema>;

export const scheduleSchema = z.object({
  /** Null when no schedule is set for this spreadsheet. */
  frequency: z.nullable(frequencySchema),
  /** "Every 6 hours", "Daily at 9 am", "Weekly on Monday at 9 am" (in the spreadsheet's time zone). */
  description: text,
  /** The email of the user the schedule runs as; null when nobody set one up. */
  runsAs: z.nullable(text),
  /** Whether the current user is the one it runs as (only they can change it: one trigger per user). */
  ownedByYou: z.boolean(),
  emailOnProblem: z.boolean(),
  lastRun: z.nullable(scheduleRunSchema),
  nextRun: z.nullable(isoTime),
});
export type { Frequency };
export type ScheduleView = z.infer<typeof scheduleSchema>;

export const sidebarStateSchema = z.object({
  user: text,
  /** The spreadsheet's IANA time zone ("America/New_York"): every time is shown in it, labelled. */
  timeZone: text,
  connection: z.nullable(connectionViewSchema),
  tab: tabSchema,
  schedule: scheduleSchema,
  /** The latest log entries of this spreadsheet, newest first. */
  history: z.array(logEntryViewSchema),
});
export type SidebarState = z.infer<typeof sidebarStateSchema>;

// ---- which column is which --------------------------------------------------------------------

export const mappedColumnSchema = z.object({
  target: columnTargetSchema,
  /** The add-on's name for the column: "ZIP", "Employment Status". */
  label: text,
  required: z.boolean(),
  /** The header used for it now (the user's choice or a recognised header); null when none is. */
  header: z.nullable(text),
  /** Whether the user chose `header` (or chose "none") themselves. */
  chosen: z.boolean(),
  /** What needs the user: not found, more than one header could be it, or the chosen header is gone. */
  problem: z.nullable(z.enum(["missing", "ambiguous", "vanished"])),
  /** The header to pre-select: `header`, else the best guess (the closest or the first candidate). */
  guess: z.nullable(text),
});
export type MappedColumnView = z.infer<typeof mappedColumnSchema>;

export const statusValueSchema = z.object({
  /** The value as the tab shows it (its first spelling). */
  value: text,
  /** How many rows hold it. */
  rows: z.int(),
  /** What the add-on itself takes it to mean; null when it does not know. */
  known: z.nullable(statusDecisionSchema),
  /** What the user chose it to mean; null when they have not. */
  chosen: z.nullable(statusDecisionSchema),
});
export type StatusValueView = z.infer<typeof statusValueSchema>;

export const columnMappingViewSchema = z.object({
  sheetId,
  tabName: text,
  headerRow: z.int(),
  /** Every header of the header row, left to right, with up to two values from the rows below. */
  headers: z.array(z.object({ header: text, samples: z.array(text) })),
  /** Every column the add-on reads, member fields first. */
  columns: z.array(mappedColumnSchema),
  /** The values of the employment status column, most frequent first; empty without one. */
  statusValues: z.array(statusValueSchema),
  /** Whether the user has saved choices for this tab. */
  saved: z.boolean(),
  /** Why the tab cannot be synced as it is, or null when every column is settled. */
  problem: z.nullable(text),
});
export type ColumnMappingView = z.infer<typeof columnMappingViewSchema>;

export const saveColumnMappingSchema = z.object({
  sheetId,
  /** Target → the header chosen, or null for "none"; targets left out are recognised by their headers. */
  columns: z.partialRecord(columnTargetSchema, z.nullable(text)),
  /** Employment status value as shown → what it means. */
  statusValues: z.record(text, statusDecisionSchema),
});
export type SaveColumnMappingRequest = z.infer<typeof saveColumnMappingSchema>;

// ---- validate, preview, sync -----------------------------------------------------------------

export const validationSchema = z.object({
  sheetId,
  tabName: text,
  /** Set when the tab cannot be read as a roster (no header row, missing columns): the sentence says what to do. */
  headerProblem: z.nullable(text),
  /** The same problem in parts: the columns not found (with the closest header), in doubt, or gone. */
  headerDetail: z.nullable(
    z.object({
      missing: z.array(z.object({ target: columnTargetSchema, label: text, closest: z.nullable(text) })),
      ambiguous: z.array(z.object({ target: columnTargetSchema, label: text, headers: z.array(text) })),
      vanished: z.array(z.object({ target: columnTargetSchema, label: text, header: text })),
    }),
  ),
  /** Which header was read as which column, left to right; empty when the header row could not be read. */
  columns: z.array(z.object({ header: text, target: columnTargetSchema, chosen: z.boolean() })),
  summary: z.object({ ready: z.int(), invalid: z.int(), excluded: z.int(), blank: z.int(), duplicates: z.int() }),
  /** The first problems, in sheet order; clicking one selects the cell. */
  problems: z.array(z.object({ row: z.int(), column: z.int(), columnLabel: text, message: text })),
  problemCount: z.int(),
  /** Every non-blank data row, only when asked for (`detail: true`), e.g. by the sandbox CLI. */
  rows: z.nullable(
    z.array(
      z.object({
        row: z.int(),
        status: z.enum(["Ready", "Invalid", "Excluded"]),
        message: text,
        errors: z.array(z.object({ field: text, column: text, message: text })),
        /** The exact member that would be sent, as JSON. */
        member: z.nullable(z.record(z.string(), z.unknown())),
        /** For a row not sent: each field that could be read, as it would be sent. */
        readable: z.nullable(z.record(z.string(), z.string())),
      }),
    ),
  ),
});
export type ValidationView = z.infer<typeof validationSchema>;

export const previewSchema = z.object({
  sheetId,
  tabName: text,
  groupName: text,
  headerProblem: z.nullable(text),
  /** False when there is no record of an earlier sync, so nothing can count as changed or removed. */
  hasLastAccepted: z.boolean(),
  counts: z.object({
    added: z.int(),
    changed: z.int(),
    unchanged: z.int(),
    removed: z.int(),
    excluded: z.int(),
    invalid: z.int(),
  }),
  added: z.array(personSchema),
  changed: z.array(personSchema),
  removed: z.array(removalSchema),
  excluded: z.array(personSchema),
  invalid: z.array(
    z.object({ row: z.int(), referenceId: z.nullable(text), name: text, problem: text, removes: z.boolean() }),
  ),
  /** What the sync would do now: go ahead, ask first, or refuse. */
  decision: z.union([
    z.object({ kind: z.literal("proceed") }),
    z.object({ kind: z.literal("confirm"), confirmations: z.array(confirmationSchema), token: text }),
    z.object({ kind: z.literal("blocked"), blocks: z.array(blockSchema) }),
  ]),
  pending: z.nullable(pendingSchema),
});
export type PreviewView = z.infer<typeof previewSchema>;

export const syncFailureSchema = z.object({
  referenceId: text,
  name: text,
  /** The row now holding this reference ID, if any. */
  row: z.nullable(z.int()),
  operation: z.enum(["add", "remove"]),
  reason: text,
});

/** The tab synced, by its name now: a result is headed with it, never with the tab on screen. */
const syncedTab = { tabName: text };

export const syncResultSchema = z.union([
  z.object({
    state: z.literal("needsConfirmation"),
    ...syncedTab,
    confirmations: z.array(confirmationSchema),
    /** Sent back with startSync to confirm exactly these removals. */
    token: text,
    /** The person confirmed already, but the tab or the group changed since. */
    changedSinceConfirmed: z.boolean(),
  }),
  z.object({ state: z.literal("blocked"), ...syncedTab, message: text, blocks: z.array(blockSchema) }),
  z.object({ state: z.literal("pending"), ...syncedTab, requestId: text, submittedAt: isoTime, message: text }),
  z.object({
    state: z.literal("completed"),
    ...syncedTab,
    requestId: text,
    completedAt: isoTime,
    message: text,
    counts: countsViewSchema,
    added: z.array(personSchema),
    removed: z.array(personSchema),
    failures: z.array(syncFailureSchema),
  }),
  z.object({ state: z.literal("failed"), message: text }),
]);
export type SyncResultView = z.infer<typeof syncResultSchema>;

// ---- the calls ---------------------------------------------------------------------------------

const none = z.object({});
const forTab = z.object({ sheetId });

/**
 * Every call the sidebar can make: the name is the server's top-level function. Lists in answers
 * are capped for the sidebar unless `detail` asks for all of them.
 */
export const BRIDGE = {
  getSidebarState: { request: none, response: sidebarStateSchema },
  /** Polled by the sidebar every few seconds: never reads the roster. */
  getActiveTab: { request: none, response: activeTabSchema },
  connect: {
    request: z.object({
      apiKey: text,
      environment: vitableEnvironmentSchema,
      scope: keyScopeSchema,
      /** Required (true) for a key shared with every editor: they said they understand that each editor can use it. */
      sharedRiskAccepted: z.optional(z.boolean()),
    }),
    response: connectionViewSchema,
  },
  disconnect: { request: none, response: none },
  listGroups: { request: none, response: z.object({ groups: z.array(groupSchema) }) },
  createGroup: { request: z.object({ name: text, externalReferenceId: text }), response: groupSchema },
  renameGroup: { request: z.object({ groupId: text, name: text }), response: groupSchema },
  linkTab: { request: z.object({ sheetId, groupId: text }), response: tabSchema },
  unlinkTab: { request: forTab, response: tabSchema },
  /** Refused with a sentence when the brake is out of its bounds (MAX_BRAKE_MINIMUM, MAX_BRAKE_PERCENT). */
  setBrake: { request: z.object({ sheetId, brake: askedBrakeSchema }), response: tabSchema },
  insertRosterHeaders: { request: forTab, response: z.object({ message: text }) },
  getColumnMapping: { request: forTab, response: columnMappingViewSchema },
  /** Saves the user's choices (only those that differ from what the headers say) and answers the mapping now. */
  saveColumnMapping: { request: saveColumnMappingSchema, response: columnMappingViewSchema },
  /** Forgets the user's choices: every column is recognised by its header again. */
  clearColumnMapping: { request: forTab, response: columnMappingViewSchema },
  selectCell: { request: z.object({ sheetId, row: z.int(), column: z.int() }), response: none },
  validateTab: { request: z.object({ sheetId, detail: z.optional(z.boolean()) }), response: validationSchema },
  previewSync: { request: forTab, response: previewSchema },
  startSync: {
    request: z.object({
      sheetId,
      /**
       * The token of the confirmations the user saw and accepted, with what they typed for a
       * typed one; null before they have been asked. It confirms exactly those removals.
       */
      confirmation: z.nullable(z.object({ token: text, typedPhrase: z.nullable(text) })),
      detail: z.optional(z.boolean()),
    }),
    response: syncResultSchema,
  },
  /** Looks at the tab's pending sync once and writes its outcome back once Vitable has finished. */
  checkSync: { request: z.object({ sheetId, detail: z.optional(z.boolean()) }), response: syncResultSchema },
  setSchedule: {
    request: z.object({ frequency: frequencySchema, emailOnProblem: z.boolean() }),
    response: scheduleSchema,
  },
  clearSchedule: { request: none, response: scheduleSchema },
  /** Deletes the add-on's records, log, shared key and the user's key and schedule here; refused while a sync is pending. */
  removeAddonData: { request: none, response: z.object({ message: text }) },
} as const;

export type BridgeName = keyof typeof BRIDGE;
export type BridgeRequest<N extends BridgeName> = z.infer<(typeof BRIDGE)[N]["request"]>;
export type BridgeResponse<N extends BridgeName> = z.infer<(typeof BRIDGE)[N]["response"]>;

/**
 * Why a call was refused, for the sidebar to act on: "tabNotOnScreen" when the call was for a tab
 * other than the one on screen (nothing was done).
 */
export type BridgeFailureCode = "tabNotOnScreen";

/** What every server function returns: the answer, or a sentence for the user (with a code for some). */
export type BridgeResult<N extends BridgeName> =
  { ok: true; value: BridgeResponse<N> } | { ok: false; message: string; code?: BridgeFailureCode };
