import { enterRows } from "../../../sandbox/cli/rosterTab";
import { confirmableGuards, runSync } from "../../../sandbox/cli/sync";
import type { ConfirmationView, SyncResultView } from "../../../src/shared/bridge";
import { CONNECTED, group, ok, scriptedSandbox, sidebarState, TAB, type ScriptedServer } from "./support/scriptedAddon";

const REMOVES: ConfirmationView = {
  guard: "removalBrake",
  message: "This sync would remove 4 people (Jane Doe, …). Check the tab before going ahead.",
  people: [],
  typedPhrase: null,
};
const EMPTY: ConfirmationView = {
  guard: "emptyRoster",
  message: "The tab has no members: sending it removes everyone from Acme.",
  people: [],
  typedPhrase: "REMOVE EVERYONE",
};

/** The add-on's question: `confirmations`, bound by `token` to exactly the removals they name. */
function asks(
  token: string,
  confirmations: ConfirmationView[],
  changedSinceConfirmed = false,
): { ok: true; value: SyncResultView } {
  return ok({ state: "needsConfirmation", tabName: "Roster", confirmations, token, changedSinceConfirmed });
}

const COMPLETED: SyncResultView = {
  state: "completed",
  tabName: "Roster",
  requestId: "syncreq_1",
  completedAt: "2026-11-23T15:00:02Z",
  message: "Vitable has the roster: 1 added, 1 removed, 1 failed.",
  counts: { added: 1, changed: 0, removed: 1, failed: 1, invalid: 0 },
  added: [{ referenceId: "1001", name: "Jane Doe", row: 2 }],
  removed: [{ referenceId: "0999", name: "Old Timer", row: null }],
  failures: [
    { referenceId: "1002", name: "Omar Haddad", row: 3, operation: "add", reason: "Already subscribed elsewhere." },
  ],
};

const PENDING: SyncResultView = {
  state: "pending",
  tabName: "Roster",
  requestId: "syncreq_1",
  submittedAt: "2026-11-23T15:00:00Z",
  message: "Vitable is still processing the roster.",
};

/** A first run's server: not connected, no groups, the Roster tab with statuses written. */
function firstRun(startSync: ScriptedServer["startSync"], more: ScriptedServer = {}) {
  const scripted = scriptedSandbox({
    getSidebarState: () => ok(sidebarState()),
    connect: () => ok(CONNECTED),
    listGroups: () => ok({ groups: [] }),
    createGroup: (request) => ok(group({ name: request.name, externalReferenceId: request.externalReferenceId })),
    linkTab: () => ok({ ...TAB, link: { groupId: "grp_1", groupName: "Acme", externalReferenceId: "acme" } }),
    startSync,
    ...more,
  });
  scripted.sandbox.sheet.typeRows(1, 1, [
    ["Employee ID", "First Name", "Vitable Status", "Vitable Message"],
    ["1001", "Jane", "Ready", ""],
    ["", "", "", ""],
    ["1002", "Omar", "Invalid", "Phone has 9 digits."],
  ]);
  return scripted;
}

const startRequests = (calls: { name: string; request: unknown }[]) =>
  calls.filter((call) => call.name === "startSync").map((call) => call.request);

describe("runSync", () => {
  it("connects, creates and links the group, and reports a sync that asks for confirmation as blocked", () => {
    const { sandbox, calls } = firstRun(() => asks("4.0.Qm3vT8xZ", [REMOVES, EMPTY]));
    expect(runSync(sandbox, { group: "Acme", yes: false, allowEmpty: false })).toEqual({
      outcome: "blocked",
      reason: `${REMOVES.message} ${EMPTY.message}`,
      request_id: null,
      added: [],
      removed: [],
      failures: [],
      confirmed: [],
      rows: [
        { row: 2, status: "Ready", message: "" },
        { row: 4, status: "Invalid", message: "Phone has 9 digits." },
      ],
    });
    expect(calls.map((call) => call.name)).toEqual([
      "getSidebarState",
      "connect",
      "listGroups",
      "createGroup",
      "linkTab",
      "startSync",
    ]);
    expect(calls[1]!.request).toEqual({ apiKey: "vit_apk_sandbox", environment: "uat", scope: "user" });
    expect(calls[4]!.request).toEqual({ sheetId: 0, groupId: "grp_1" });
    expect(startRequests(calls)).toEqual([{ sheetId: 0, confirmation: null, detail: true }]);
  });

  it("with --yes, starts unconfirmed and goes ahead without a second request when nothing is asked", () => {
    const { sandbox, calls } = firstRun(() => ok(COMPLETED));
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: false })).toMatchObject({
      outcome: "completed",
      reason: COMPLETED.message,
      request_id: "syncreq_1",
      added: ["1001"],
      removed: ["0999"],
      failures: [{ reference_id: "1002", operation: "add", reason: "Already subscribed elsewhere." }],
      confirmed: [],
    });
    expect(startRequests(calls)).toEqual([{ sheetId: 0, confirmation: null, detail: true }]);
  });

  it("with --yes, confirms every guard but the empty roster with the answer's token, and reports what it confirmed", () => {
    const asked: ConfirmationView[] = [
      { guard: "rosterUnreadable", message: "Some rows could not be read.", people: [], typedPhrase: null },
      { guard: "noLastAccepted", message: "Acme already has members.", people: [], typedPhrase: null },
      REMOVES,
      { guard: "invalidRowRemoves", message: "Row 4 is invalid and would be removed.", people: [], typedPhrase: null },
    ];
    const { sandbox, calls } = firstRun((request) =>
      request.confirmation?.token === "4.1.Zk8pR2wQ" ? ok(COMPLETED) : asks("4.1.Zk8pR2wQ", asked),
    );
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: false })).toMatchObject({
      outcome: "completed",
      reason: COMPLETED.message,
      request_id: "syncreq_1",
      added: ["1001"],
      removed: ["0999"],
      failures: [{ reference_id: "1002", operation: "add", reason: "Already subscribed elsewhere." }],
      confirmed: asked,
    });
    expect(startRequests(calls)).toEqual([
      { sheetId: 0, confirmation: null, detail: true },
      { sheetId: 0, confirmation: { token: "4.1.Zk8pR2wQ", typedPhrase: null }, detail: true },
    ]);
  });

  it("with --yes, sends back exactly the token of the add-on's first answer", () => {
    // Every answer carries a token of its own, so only the first one's can be the one confirmed.
    let answered = 0;
    const { sandbox, calls } = firstRun((request) =>
      request.confirmation === null ? asks(`4.0.tok${++answered}`, [REMOVES]) : ok(COMPLETED),
    );
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: false })).toMatchObject({
      outcome: "completed",
      confirmed: [REMOVES],
    });
    expect(startRequests(calls)).toEqual([
      { sheetId: 0, confirmation: null, detail: true },
      { sheetId: 0, confirmation: { token: "4.0.tok1", typedPhrase: null }, detail: true },
    ]);
  });

  it("with --yes, does not confirm again when the removals changed after it confirmed, and ends blocked", () => {
    const MORE_REMOVES: ConfirmationView = {
      ...REMOVES,
      message: "This sync would remove 5 people (Jane Doe, …). Check the tab before going ahead.",
    };
    const { sandbox, calls } = firstRun((request) =>
      request.confirmation === null
        ? asks("4.0.Qm3vT8xZ", [REMOVES])
        : // The tab changed between the two requests: the add-on asks about the new removals.
          asks("5.0.Hc7nW1yD", [MORE_REMOVES], true),
    );
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: false })).toEqual({
      outcome: "blocked",
      reason: MORE_REMOVES.message,
      request_id: null,
      added: [],
      removed: [],
      failures: [],
      confirmed: [REMOVES],
      rows: [
        { row: 2, status: "Ready", message: "" },
        { row: 4, status: "Invalid", message: "Phone has 9 digits." },
      ],
    });
    expect(startRequests(calls)).toEqual([
      { sheetId: 0, confirmation: null, detail: true },
      { sheetId: 0, confirmation: { token: "4.0.Qm3vT8xZ", typedPhrase: null }, detail: true },
    ]);
    expect(calls.filter((call) => call.name === "checkSync")).toEqual([]);
  });

  it("with --yes but not --allow-empty, leaves an empty roster blocked", () => {
    const { sandbox, calls } = firstRun(() => asks("0.0.Ew5sL9aK", [EMPTY]));
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: false })).toMatchObject({
      outcome: "blocked",
      reason: EMPTY.message,
      confirmed: [],
    });
    expect(startRequests(calls)).toEqual([{ sheetId: 0, confirmation: null, detail: true }]);
  });

  it("with --yes but not --allow-empty, confirms none of the questions when the empty roster is one of them", () => {
    const { sandbox, calls } = firstRun(() => asks("4.0.Ew5sL9aK", [REMOVES, EMPTY]));
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: false })).toMatchObject({
      outcome: "blocked",
      reason: `${REMOVES.message} ${EMPTY.message}`,
      confirmed: [],
    });
    expect(startRequests(calls)).toHaveLength(1);
  });

  it("with --yes --allow-empty, types the phrase the add-on asks for and starts again", () => {
    const { sandbox, calls } = firstRun((request) =>
      request.confirmation?.token === "4.0.Ew5sL9aK" && request.confirmation.typedPhrase === "REMOVE EVERYONE"
        ? ok(COMPLETED)
        : asks("4.0.Ew5sL9aK", [REMOVES, EMPTY]),
    );
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: true })).toMatchObject({
      outcome: "completed",
      confirmed: [REMOVES, EMPTY],
    });
    expect(startRequests(calls)).toEqual([
      { sheetId: 0, confirmation: null, detail: true },
      { sheetId: 0, confirmation: { token: "4.0.Ew5sL9aK", typedPhrase: "REMOVE EVERYONE" }, detail: true },
    ]);
  });

  it("checks a pending sync, moving the clock on between checks, until it completes", () => {
    let checks = 0;
    const { sandbox, calls } = firstRun(() => ok(PENDING), {
      checkSync: () => ok(++checks < 3 ? PENDING : COMPLETED),
    });
    const before = sandbox.clock.now();
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: false }).outcome).toBe("completed");
    expect(calls.filter((call) => call.name === "checkSync").map((call) => call.request)).toEqual([
      { sheetId: 0, detail: true },
      { sheetId: 0, detail: true },
      { sheetId: 0, detail: true },
    ]);
    expect(sandbox.clock.now() - before).toBe(90_000);
  });

  it("stops waiting after ten minutes and reports the sync pending, with its request ID", () => {
    const { sandbox, calls } = firstRun(() => ok(PENDING), { checkSync: () => ok(PENDING) });
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: false })).toMatchObject({
      outcome: "pending",
      reason: PENDING.message,
      request_id: "syncreq_1",
    });
    expect(calls.filter((call) => call.name === "checkSync")).toHaveLength(20);
  });

  it("reports a sync the guards block, and one that failed", () => {
    const blocked = firstRun(() =>
      ok({ state: "blocked", tabName: "Roster", message: "The tab has no header row.", blocks: [] }),
    );
    expect(runSync(blocked.sandbox, { group: "Acme", yes: true, allowEmpty: false })).toMatchObject({
      outcome: "blocked",
      reason: "The tab has no header row.",
      request_id: null,
    });
    const failed = firstRun(() => ok({ state: "failed", message: "Vitable is busy; try again in a few minutes." }));
    expect(runSync(failed.sandbox, { group: "Acme", yes: false, allowEmpty: false })).toMatchObject({
      outcome: "failed",
      reason: "Vitable is busy; try again in a few minutes.",
    });
  });

  it("reports the add-on's refusal as a failed outcome, with the rows as they are", () => {
    const { sandbox, calls } = firstRun(() => ok(COMPLETED), {
      connect: () => ({ ok: false, message: "Vitable rejected this API key." }),
    });
    expect(runSync(sandbox, { group: "Acme", yes: true, allowEmpty: false })).toEqual({
      outcome: "failed",
      reason: "Vitable rejected this API key.",
      request_id: null,
      added: [],
      removed: [],
      failures: [],
      confirmed: [],
      rows: [
        { row: 2, status: "Ready", message: "" },
        { row: 4, status: "Invalid", message: "Phone has 9 digits." },
      ],
    });
    expect(calls.map((call) => call.name)).toEqual(["getSidebarState", "connect"]);
  });

  it("goes on in a session already connected and linked, reading rows below the tab's header row", () => {
    const linked = group({ linkedTab: { sheetId: 0, name: "Roster" } });
    const { sandbox, calls } = firstRun(() => ok(COMPLETED), {
      getSidebarState: () => ok(sidebarState({ connection: CONNECTED, tab: { ...TAB, headerRow: 2 } })),
      listGroups: () => ok({ groups: [linked] }),
    });
    enterRows(sandbox.sheet, [["Acme roster"], ["Employee ID", "Vitable Status"], ["1001", "Added"]], { raw: false });
    expect(runSync(sandbox, { group: "Acme", yes: false, allowEmpty: false }).rows).toEqual([
      { row: 3, status: "Added", message: "" },
    ]);
    expect(calls.map((call) => call.name)).toEqual(["getSidebarState", "listGroups", "startSync"]);
  });

  it("connects again when the saved connection uses another key", () => {
    const { sandbox, calls } = firstRun(() => ok(COMPLETED), {
      getSidebarState: () => ok(sidebarState({ connection: { ...CONNECTED, maskedKey: "••••7f3a" } })),
    });
    runSync(sandbox, { group: "Acme", yes: false, allowEmpty: false });
    expect(calls.map((call) => call.name)).toContain("connect");
  });
});

describe("confirmableGuards", () => {
  it("confirms nothing without --yes", () => {
    expect(confirmableGuards({ yes: false, allowEmpty: false })).toEqual([]);
    expect(confirmableGuards({ yes: false, allowEmpty: true })).toEqual([]);
  });

  it("confirms every guard but the empty roster with --yes, and that one too with --allow-empty", () => {
    expect(confirmableGuards({ yes: true, allowEmpty: false })).toEqual([
      "rosterUnreadable",
      "noLastAccepted",
      "removalBrake",
      "invalidRowRemoves",
      "unidentifiedRow",
    ]);
    expect(confirmableGuards({ yes: true, allowEmpty: true })).toEqual([
      "rosterUnreadable",
      "noLastAccepted",
      "emptyRoster",
      "removalBrake",
      "invalidRowRemoves",
      "unidentifiedRow",
    ]);
  });
});
