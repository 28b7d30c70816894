import type {
  ConnectionView,
  GroupView,
  LogEntryView,
  PreviewView,
  ScheduleView,
  SidebarState,
  SyncResultView,
  TabView,
  ValidationView,
} from "../../../src/shared/bridge";

/** Answers a real server could give for a spreadsheet with a "Roster" tab of Acme's hourly staff. */

export const USER = "dana.hr@acme-logistics.example";
export const ROSTER_SHEET_ID = 1843294751;
export const OTHER_SHEET_ID = 40917;

export const CONNECTION: ConnectionView = {
  environment: "production",
  scope: "user",
  maskedKey: "••••7f3a",
  connectedAt: "2025-03-03T17:05:12.000Z",
  connectedBy: null,
};

export const HOURLY_GROUP: GroupView = {
  id: "grp_01HZX3K8Q2",
  name: "Acme Logistics Hourly",
  externalReferenceId: "ACME-HOURLY",
  linkedTab: null,
};

export const SALARIED_GROUP: GroupView = {
  id: "grp_01HZX3M1T7",
  name: "Acme Logistics Salaried",
  externalReferenceId: "ACME-SAL",
  linkedTab: { sheetId: OTHER_SHEET_ID, name: "Salaried" },
};

export const DRIVERS_GROUP: GroupView = {
  id: "grp_01HZX3P4V9",
  name: "Contract Drivers",
  externalReferenceId: "CD-2025",
  linkedTab: null,
};

export const GROUPS = [HOURLY_GROUP, SALARIED_GROUP, DRIVERS_GROUP];

export const HOURLY_LINK = {
  groupId: HOURLY_GROUP.id,
  groupName: HOURLY_GROUP.name,
  externalReferenceId: HOURLY_GROUP.externalReferenceId,
};

export function tab(overrides: Partial<TabView> = {}): TabView {
  return {
    sheetId: ROSTER_SHEET_ID,
    name: "Roster",
    link: null,
    brake: { minimum: 3, percent: 10 },
    headerRow: 1,
    pending: null,
    lastSync: null,
    syncMarker: "idle",
    ...overrides,
  };
}

export const linkedTab = (overrides: Partial<TabView> = {}) => tab({ link: HOURLY_LINK, ...overrides });

export const NO_SCHEDULE: ScheduleView = {
  frequency: null,
  description: "No scheduled sync",
  runsAs: null,
  ownedByYou: false,
  emailOnProblem: false,
  lastRun: null,
  nextRun: null,
};

export const DAILY_SCHEDULE: ScheduleView = {
  frequency: { kind: "daily", hour: 9 },
  description: "Daily at 9 am",
  runsAs: USER,
  ownedByYou: true,
  emailOnProblem: true,
  lastRun: { at: "2025-03-04T17:00:41.000Z", outcome: "completed", message: "Roster: 2 added, 1 removed." },
  nextRun: "2025-03-05T17:00:00.000Z",
};

export const LOG_ENTRY: LogEntryView = {
  at: "2025-03-04T17:00:41.000Z",
  tab: "Roster",
  group: HOURLY_GROUP.name,
  startedBy: `Schedule (${USER})`,
  counts: { added: 2, changed: 0, removed: 1, failed: 0, invalid: 0 },
  requestId: "req_8d1f0c2a",
  outcome: "completed",
  detail: "",
};

export function state(overrides: Partial<SidebarState> = {}): SidebarState {
  return {
    user: USER,
    timeZone: "America/Los_Angeles",
    connection: CONNECTION,
    tab: linkedTab(),
    schedule: NO_SCHEDULE,
    history: [],
    ...overrides,
  };
}

export function validation(overrides: Partial<ValidationView> = {}): ValidationView {
  return {
    sheetId: ROSTER_SHEET_ID,
    tabName: "Roster",
    headerProblem: null,
    headerDetail: null,
    columns: [],
    summary: { ready: 41, invalid: 2, excluded: 1, blank: 3, duplicates: 0 },
    problems: [
      { row: 12, column: 6, columnLabel: "Phone", message: "has 9 digits; a US phone number has 10, e.g. 4155550100." },
      {
        row: 17,
        column: 4,
        columnLabel: "Date of Birth",
        message: "02/30/1988 is not a real date. Check the month and day.",
      },
    ],
    problemCount: 2,
    rows: null,
    ...overrides,
  };
}

export function preview(overrides: Partial<PreviewView> = {}): PreviewView {
  return {
    sheetId: ROSTER_SHEET_ID,
    tabName: "Roster",
    groupName: HOURLY_GROUP.name,
    headerProblem: null,
    hasLastAccepted: true,
    counts: { added: 2, changed: 1, unchanged: 38, removed: 1, excluded: 1, invalid: 1 },
    added: [
      { referenceId: "E1044", name: "Priya Raman", row: 43 },
      { referenceId: "E1045", name: "Tomás Ortega", row: 44 },
    ],
    changed: [{ referenceId: "E1007", name: "Grace Liu", row: 8 }],
    removed: [{ referenceId: "E1002", name: "Marcus Bell", reason: "Not in the tab" }],
    excluded: [{ referenceId: "E1019", name: "Ana Souza", row: 20 }],
    invalid: [
      {
        row: 12,
        referenceId: "E1011",
        name: "Omar Haddad",
        problem: "Phone has 9 digits; a US phone number has 10.",
        removes: true,
      },
    ],
    decision: { kind: "proceed" },
    pending: null,
    ...overrides,
  };
}

export const BRAKE_CONFIRMATION = {
  guard: "removalBrake",
  message: "This sync would remove 4 people from Acme Logistics Hourly, at or above the removal brake of 3.",
  people: [
    { referenceId: "E1002", name: "Marcus Bell", reason: "Not in the tab" },
    { referenceId: "E1019", name: "Ana Souza", reason: "Row 20 is excluded" },
    { referenceId: "E1023", name: "Lena Fischer", reason: "Not in the tab" },
    { referenceId: "E1031", name: "Sam Okafor", reason: "Not in the tab" },
  ],
  typedPhrase: null,
} as const satisfies Extract<SyncResultView, { state: "needsConfirmation" }>["confirmations"][number];

export const EMPTY_ROSTER_CONFIRMATION = {
  guard: "emptyRoster",
  message: "The tab has no member rows, so this sync would remove all 40 members of Acme Logistics Hourly.",
  people: [],
  typedPhrase: "REMOVE EVERYONE",
} as const satisfies Extract<SyncResultView, { state: "needsConfirmation" }>["confirmations"][number];

/** The token binding a confirmation to the removals it names, as the server makes it (removed.leftOut.hash). */
export const CONFIRMATION_TOKEN = "4.1.Qm3vT8xZ";

/** The server asks first: `confirmations`, bound by CONFIRMATION_TOKEN unless `overrides` say otherwise. */
export function needsConfirmation(
  confirmations: Extract<SyncResultView, { state: "needsConfirmation" }>["confirmations"],
  overrides: Partial<Extract<SyncResultView, { state: "needsConfirmation" }>> = {},
): Extract<SyncResultView, { state: "needsConfirmation" }> {
  return {
    state: "needsConfirmation",
    tabName: "Roster",
    confirmations,
    token: CONFIRMATION_TOKEN,
    changedSinceConfirmed: false,
    ...overrides,
  };
}

export const PENDING: Extract<SyncResultView, { state: "pending" }> = {
  state: "pending",
  tabName: "Roster",
  requestId: "req_5b7e9d41",
  submittedAt: "2025-03-04T18:00:00.000Z",
  message: "Vitable is processing the roster. This usually takes under a minute.",
};

export function completed(
  overrides: Partial<Extract<SyncResultView, { state: "completed" }>> = {},
): Extract<SyncResultView, { state: "completed" }> {
  return {
    state: "completed",
    tabName: "Roster",
    requestId: PENDING.requestId,
    completedAt: "2025-03-04T18:00:09.000Z",
    message: "Sync finished: 2 added, 1 removed, 1 failed.",
    counts: { added: 2, changed: 1, removed: 1, failed: 1, invalid: 0 },
    added: [
      { referenceId: "E1044", name: "Priya Raman", row: 43 },
      { referenceId: "E1045", name: "Tomás Ortega", row: 44 },
    ],
    removed: [{ referenceId: "E1002", name: "Marcus Bell", row: null }],
    failures: [
      {
        referenceId: "E1046",
        name: "Kofi Mensah",
        row: 45,
        operation: "add",
        reason: "Email is at other-org.example, which belongs to another organization.",
      },
    ],
    ...overrides,
  };
}
