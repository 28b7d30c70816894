import { SANDBOX_CLOCK_HEADER } from "../../../sandbox/emulator/clock";
import type { FaultSpec } from "../../../sandbox/emulator/controlSchemas";
import { DEFAULT_ORGANIZATION_ID, SEEDED_PLANS } from "../../../sandbox/emulator/state";
import { STILL_PROCESSING, SYNC_ALREADY_RUNNING } from "../../../src/messages/sync";
import { UNKNOWN_OUTCOME_MESSAGE } from "../../../src/messages/sync";
import { EXECUTION_LIMIT_MS } from "../../../src/core/sync/pollSchedule";
import { SCHEDULE_KEY_GONE } from "../../../src/messages/schedule";
import { SANDBOX_KEY } from "../support/addonSandbox";
import { STATUS_COLUMN_NAMES } from "../../../src/core/roster/columnNames";
import {
  CARE_PLUS_PERSON,
  type FaultContext,
  rosterRows,
  runOutOfTime,
  type CallHook,
  type ConfirmedGuards,
  type FaultRow,
  type Flow,
} from "./faultWorld";

/**
 * The fault matrix: every fault the add-on must survive, how it is injected, the flow it hits
 * and what the user must read. docs/reliability.md lists the same rows by name.
 */

const SUBMIT = "/v1/groups/*/members/sync";
const STATUS_CHECK = "/v1/groups/*/members/sync/*";
/** The first attempt and the client's two retries. */
const EVERY_ATTEMPT = 3;
const MINUTE = 60_000;
const TEN_MINUTES = 10 * MINUTE;
const DAY = 24 * 60 * MINUTE;
const PROCESSING_FOR_A_MINUTE = MINUTE;

/** What the user reads once the sync of the standard change (1 added, 1 changed, 1 removed) is done. */
const FINISHED = (tab: string) =>
  new RegExp(`^Vitable finished the sync of ${tab} to Acme Tier 1: 1 added, 3 already in the group, 1 removed\\.$`);
const FINISHED_TAB = FINISHED('"Sheet1"');
const GROUP = String.raw`grp_\S+`;
const REQUEST = String.raw`grpmsr_\S+`;

const LOST_ROSTER = new RegExp(
  `^The connection to Vitable was lost while the roster was being sent to group ${GROUP}, so it is not known whether Vitable received it\\. Sync again in a few minutes: sending the same roster again is safe\\.$`,
);
const PROPERTY_STORE_FULL =
  "Google's storage for this add-on's settings is full, so this change was not saved. Disconnect the add-on (and remove its schedule) in spreadsheets where you no longer use it, then try again.";
const PLAN_GONE = `"Care Plus" is not one of your organization's plans`;
const INVALID_PLAN_PERSON = new RegExp(
  `^First2 Last2 \\(1002\\) is in the Vitable group now but would be removed, because row 3 has a problem and will not be sent: .*${PLAN_GONE}.* Fix the row and sync again, or confirm to remove them\\.$`,
);
const INVALID_PLAN_BLOCKED =
  "The scheduled sync did not run because row 3 has a problem, and leaving it out would remove a person who is in the Vitable group now. Fix the row and the next scheduled sync will run.";
const SCHEDULE_STILL_PROCESSING = "Vitable was still processing at least one tab; the next run finishes it.";

const serverProblem = (status: number) =>
  new RegExp(
    `^Vitable had a problem on its side and could not send the roster to group ${GROUP}\\. Wait a few minutes, then try again; if it keeps happening, contact Vitable support\\. Vitable answered ${status}\\. Trace ID for Vitable support: trc_\\w+\\.$`,
  );
const TOO_MANY_REQUESTS = new RegExp(
  `^Vitable is receiving too many requests right now, so the add-on could not send the roster to group ${GROUP}\\. Wait a few minutes, then try again\\. Trace ID for Vitable support: trc_\\w+\\.$`,
);
const UNAUTHORIZED =
  "Vitable rejected this API key. Check that it is the current key for the environment you picked, Production or Test environment (UAT), then connect again with a valid key.";
const UNAUTHORIZED_BODY = { error: { code: "unauthorized", message: "Invalid or missing API key" } };

/** Starts a sync from the sidebar that Vitable takes a minute to process: it is left pending. */
async function startSlowSync(ctx: FaultContext): Promise<void> {
  await ctx.control.setProcessingDelay(PROCESSING_FOR_A_MINUTE);
  const started = ctx.world.call("startSync", { sheetId: ctx.tab.id, confirmation: null });
  expect(started.state).toBe("pending");
}

/** A status check as the add-on's fetch names it: GET …/members/sync/{request}. */
const STATUS_CHECK_CALL = /^GET \S+\/members\/sync\/[^/?]+$/;

/**
 * Stages `edit` at the sync's first status check: Vitable has accepted the roster and the add-on
 * is waiting for the outcome.
 */
function onceSent(ctx: FaultContext, edit: () => void): void {
  const hook: CallHook = (call) => {
    if (call.service !== "UrlFetchApp" || !STATUS_CHECK_CALL.test(call.target ?? "")) return;
    ctx.stopHook();
    edit();
  };
  ctx.onCall(hook);
}

async function acceptedAtOfLatestSync(ctx: FaultContext): Promise<number> {
  const requests = (await ctx.control.state()).syncRequests;
  return Date.parse(requests.at(-1)!.accepted_at);
}

/** The wait before a retry honoured a Retry-After of `waitMs` from `from`. */
async function expectRetriedAfter(ctx: FaultContext, from: number, waitMs: number): Promise<void> {
  const secondsOf = (ms: number) => Math.floor(ms / 1000) * 1000;
  expect(await acceptedAtOfLatestSync(ctx)).toBeGreaterThanOrEqual(secondsOf(from + waitMs));
}

function expectRowsPending(ctx: FaultContext): void {
  expect([...ctx.statusById().values()]).toEqual(["Pending", "Pending", "Pending", "Pending"]);
}

/** The sidebar's progress check of the tab's sync. */
function sidebarCheck(ctx: FaultContext) {
  return ctx.world.call("checkSync", { sheetId: ctx.tab.id });
}

/** The roster typed into a new tab and linked to the group, for a tab that was deleted: its first sync asks first. */
function rosterInNewTab(ctx: FaultContext): ConfirmedGuards {
  const tab = ctx.world.spreadsheet.addSheet("Roster", 0);
  ctx.world.spreadsheet.select(tab, null);
  ctx.tab = tab;
  ctx.world.type(rosterRows([1, 2, 3, 5]));
  ctx.world.call("linkTab", { sheetId: tab.id, groupId: ctx.groupId });
  return ["noLastAccepted"];
}

/** Vitable stops offering Care Plus to the organization, person 2's plan. */
async function removeCarePlus(ctx: FaultContext): Promise<void> {
  await ctx.control.setPlans(
    DEFAULT_ORGANIZATION_ID,
    SEEDED_PLANS.filter((plan) => plan.name !== "Care Plus"),
  );
}

async function restorePlans(ctx: FaultContext): Promise<void> {
  await ctx.control.setPlans(DEFAULT_ORGANIZATION_ID, [...SEEDED_PLANS]);
}

type FaultBody = Extract<FaultSpec, { kind: "status" }>["body"];

/** Vitable's error text quoting a member back, in every text field of its error body. */
const QUOTED_MEMBER = "Member Zephyrine Quillfeather (DOB 1987-03-09, phone 2128675309) is invalid";
const MEMBER_DETAILS = ["Zephyrine", "Quillfeather", "1987-03-09", "2128675309"];
const LONGEST_REASON = 1_000;

/** What the log and a problem email say of a refusal, without Vitable's words. */
const refusalKeptOut = (answer: string) =>
  new RegExp(
    `^Vitable refused to send the roster to group ${GROUP} \\(${answer}\\)\\. Its explanation is not kept here, as it may name people: sync from the sidebar to read it\\.$`,
  );

/** Neither the log tab nor a problem email holds any of `texts`. */
function expectKeptOutOfLogAndMail(ctx: FaultContext, texts: readonly string[]): void {
  const written = JSON.stringify(ctx.world.logEntries()) + JSON.stringify(ctx.world.runtime.mail.sent());
  for (const text of texts) expect(written).not.toContain(text);
}

/**
 * Lets the pending sync finish, then has Vitable's answer to the next status check carry a
 * failure for person 5 (the new hire) with `reason`.
 */
async function finishWithFailureReason(ctx: FaultContext, reason: string): Promise<void> {
  ctx.world.clock.advance(PROCESSING_FOR_A_MINUTE);
  const requestId = ctx.pendingRequestId();
  const response = await fetch(`${ctx.sandbox.emulator.url}/v1/groups/${ctx.groupId}/members/sync/${requestId}`, {
    headers: { Authorization: `Bearer ${SANDBOX_KEY}`, [SANDBOX_CLOCK_HEADER]: String(ctx.world.clock.now()) },
  });
  const answer = (await response.json()) as { data: { results: { failures: object[] } } };
  answer.data.results.failures.push({ reference_id: "1005", operation: "add", reason });
  await ctx.control.injectFault({
    kind: "status",
    method: "GET",
    path: STATUS_CHECK,
    status: 200,
    body: answer as FaultBody,
  });
}

const retryThenSucceed = (status: number): FaultRow => ({
  name: `${status} then success`,
  flow: "sidebar sync",
  inject: async (ctx) => {
    await ctx.control.injectFault({ kind: "status", path: SUBMIT, status, times: 2 });
  },
  expect: { outcome: "completed", sentence: FINISHED_TAB },
  also: async (ctx) => expect(await ctx.control.faults()).toEqual([]),
});

/** A body Vitable answers an error with. */
type ErrorBody = Extract<FaultSpec, { kind: "status" }>["body"];

const sendRejected = (status: 400 | 422, body: ErrorBody, sentence: string): FaultRow => ({
  name: `${status} with a message`,
  flow: "sidebar sync",
  inject: async (ctx) => {
    await ctx.control.injectFault({ kind: "status", path: SUBMIT, status, body });
  },
  expect: { outcome: "failed", sentence },
  // Never retried: the fault applied once and is used up.
  also: async (ctx) => expect(await ctx.control.faults()).toEqual([]),
});

/** Another execution holds the spreadsheet's document lock until the row recovers. */
const lockHeldByAnotherRun = (name: string, flow: Flow): FaultRow => {
  const documentLock = (ctx: FaultContext) => ({ kind: "document" as const, documentId: ctx.world.spreadsheet.id });
  return {
    name,
    flow,
    inject: (ctx) => {
      ctx.world.runtime.locks.holdForAnotherExecution(documentLock(ctx));
    },
    expect: { outcome: "busy", sentence: SYNC_ALREADY_RUNNING },
    recover: (ctx) => ctx.world.runtime.locks.release(documentLock(ctx)),
  };
};

const planRemoved = (flow: "sidebar sync" | "scheduled run"): FaultRow => ({
  name:
    flow === "sidebar sync"
      ? "plan removed from the organization"
      : "plan removed from the organization (scheduled run)",
  flow,
  inject: removeCarePlus,
  expect:
    flow === "sidebar sync"
      ? { outcome: "needsConfirmation", sentence: INVALID_PLAN_PERSON }
      : { outcome: "blocked", sentence: INVALID_PLAN_BLOCKED },
  also: (ctx) => {
    expect(ctx.statusById().get(CARE_PLUS_PERSON)).toBe("Invalid");
    expect(ctx.world.statuses().get(3)?.message).toContain(PLAN_GONE);
    if (flow === "scheduled run") expect(ctx.world.logEntries().at(-1)!.Details).not.toContain("First2");
  },
  recover: restorePlans,
});

export const FAULT_ROWS: FaultRow[] = [
  {
    name: "429 with Retry-After in seconds",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "status", path: SUBMIT, status: 429, retryAfter: 5 });
    },
    expect: { outcome: "completed", sentence: FINISHED_TAB },
    also: async (ctx, run) => expectRetriedAfter(ctx, run.report.startedAt, 5_000),
  },
  {
    name: "429 with Retry-After as an HTTP date",
    flow: "sidebar sync",
    inject: async (ctx) => {
      const retryAt = new Date(ctx.world.clock.now() + 8_000).toUTCString();
      await ctx.control.injectFault({ kind: "status", path: SUBMIT, status: 429, retryAfter: retryAt });
    },
    expect: { outcome: "completed", sentence: FINISHED_TAB },
    also: async (ctx, run) => expectRetriedAfter(ctx, run.report.startedAt, 8_000),
  },
  {
    name: "429 on every attempt",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "status", path: SUBMIT, status: 429, retryAfter: 7, times: EVERY_ATTEMPT });
    },
    expect: { outcome: "failed", sentence: TOO_MANY_REQUESTS },
    also: async (ctx, run) => {
      // Tried three times, waiting what Vitable asked before each retry.
      expect(await ctx.control.faults()).toEqual([]);
      expect(run.report.elapsedMs).toBeGreaterThanOrEqual(2 * 7_000);
    },
  },
  {
    name: "429 on every attempt (scheduled run)",
    flow: "scheduled run",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "status", path: SUBMIT, status: 429, times: EVERY_ATTEMPT });
    },
    expect: { outcome: "failed", sentence: TOO_MANY_REQUESTS },
  },
  retryThenSucceed(500),
  retryThenSucceed(502),
  retryThenSucceed(503),
  {
    name: "5xx on every attempt",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "status", path: SUBMIT, status: 503, times: EVERY_ATTEMPT });
    },
    expect: { outcome: "failed", sentence: serverProblem(503) },
  },
  {
    name: "5xx on every attempt (scheduled run)",
    flow: "scheduled run",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "status", path: SUBMIT, status: 500, times: EVERY_ATTEMPT });
    },
    expect: { outcome: "failed", sentence: serverProblem(500) },
  },
  {
    name: "timeout on every attempt",
    flow: "sidebar sync",
    world: { fetchTimeoutMs: 300 },
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "delay", path: SUBMIT, delayMs: 1_500, times: EVERY_ATTEMPT });
    },
    expect: {
      outcome: "failed",
      sentence: new RegExp(
        `^Vitable did not answer in time while the roster was being sent to group ${GROUP}, so it is not known whether Vitable received it\\. Sync again in a few minutes: sending the same roster again is safe\\.$`,
      ),
    },
  },
  {
    name: "dropped connection before Vitable handles the roster",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "dropConnection", path: SUBMIT, times: EVERY_ATTEMPT });
    },
    expect: { outcome: "failed", sentence: LOST_ROSTER },
  },
  {
    name: "answer to an accepted roster lost once",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "dropConnection", path: SUBMIT, afterHandling: true });
    },
    // The client sends the roster again: Vitable holds two syncs of the same roster, the add-on follows the second.
    expect: { outcome: "completed", sentence: FINISHED_TAB, accepted: 2 },
    also: async (ctx) => {
      const [lost, followed] = (await ctx.control.state()).syncRequests.slice(-2);
      expect(lost!.memberCount).toBe(followed!.memberCount);
    },
  },
  {
    name: "answer to an accepted roster lost on every attempt",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({
        kind: "dropConnection",
        path: SUBMIT,
        afterHandling: true,
        times: EVERY_ATTEMPT,
      });
    },
    // Vitable accepted all three; the add-on knows of none, so nothing is pending and the rows stay.
    expect: { outcome: "failed", sentence: LOST_ROSTER, accepted: EVERY_ATTEMPT },
  },
  {
    name: "malformed JSON in the answer to the roster",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "malformedBody", method: "POST", path: SUBMIT });
    },
    expect: {
      outcome: "failed",
      sentence:
        "Vitable's answer to the roster could not be read, so it is not known whether the sync was accepted. Sync again: sending the same roster twice is safe.",
    },
  },
  {
    name: "malformed JSON while checking the sync",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "malformedBody", method: "GET", path: STATUS_CHECK });
    },
    expect: {
      outcome: "pending",
      sentence: new RegExp(
        `^Vitable sent an answer the add-on could not read, so it could not read the results of sync ${REQUEST}\\. Try again later; if it keeps happening, contact Vitable support\\. The sync itself is still recorded and will be checked again\\.$`,
      ),
    },
  },
  {
    name: "401",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "status", path: SUBMIT, status: 401, body: UNAUTHORIZED_BODY });
    },
    expect: { outcome: "failed", sentence: UNAUTHORIZED },
    // Never retried: the fault applied once and is used up.
    also: async (ctx) => expect(await ctx.control.faults()).toEqual([]),
  },
  {
    name: "401 (scheduled run)",
    flow: "scheduled run",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "status", path: "/v1/plans", status: 401, body: UNAUTHORIZED_BODY });
    },
    expect: { outcome: "failed", sentence: UNAUTHORIZED },
  },
  {
    name: "403",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({
        kind: "status",
        path: SUBMIT,
        status: 403,
        body: { error: { code: "forbidden", message: "This key cannot manage group members." } },
      });
    },
    expect: {
      outcome: "failed",
      sentence: new RegExp(
        `^This API key is not allowed to send the roster to group ${GROUP}: "This key cannot manage group members"\\. Ask your Vitable contact to give the key access, or connect with the key of the right organization\\.$`,
      ),
    },
  },
  {
    name: "404: group deleted",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({
        kind: "status",
        path: SUBMIT,
        status: 404,
        body: { error: { code: "not_found", message: "Group not found" } },
      });
    },
    expect: {
      outcome: "failed",
      sentence: new RegExp(
        `^Vitable has no group ${GROUP} in this organization: it was deleted, or the API key belongs to another organization\\. Link this tab to an existing group\\.$`,
      ),
    },
  },
  {
    name: "404 while the sync is processing (group deleted)",
    flow: "sidebar check",
    prepare: startSlowSync,
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "status", method: "GET", path: STATUS_CHECK, status: 404 });
    },
    expect: {
      outcome: "failed",
      sentence: new RegExp(
        `^Vitable cannot find sync ${REQUEST} of group ${GROUP}: the group was deleted or the sync is too old to look up\\. Sync this tab again to get fresh results\\. Trace ID for Vitable support: trc_\\w+\\. The outcome of the sync sent on [A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2} [AP]M E[SD]T cannot be read; check the group in Vitable, then sync again\\.$`,
      ),
    },
    also: (ctx) => {
      // The rows sent stop saying Pending: only a new sync can tell what Vitable holds.
      expect([...ctx.world.statuses().values()]).toEqual(
        Array(4).fill({ status: "Ready", message: UNKNOWN_OUTCOME_MESSAGE }),
      );
    },
  },
  sendRejected(
    400,
    { error: { code: "invalid_request", message: "Duplicate reference_id 1003 in members." } },
    'Vitable rejected the roster: "Duplicate reference_id 1003 in members". Fix what it points out in the sheet, then sync again.',
  ),
  sendRejected(
    422,
    {
      timestamp: "2026-11-23T15:00:00Z",
      message: "members[2].address.state must be a US state",
      error: "members[2].address.state must be a US state",
      app_error_code: "validation_failed",
      trace_id: "trc_422",
    },
    'Vitable rejected the roster: "members[2].address.state must be a US state". Fix what it points out in the sheet, then sync again. Trace ID for Vitable support: trc_422.',
  ),
  {
    name: "sync completes after the execution limit (menu)",
    flow: "menu sync",
    inject: async (ctx) => ctx.control.setProcessingDelay(TEN_MINUTES),
    expect: { outcome: "pending", sentence: STILL_PROCESSING },
    also: (ctx, run) => {
      // Polling stopped well before Apps Script's limit, leaving time to record everything.
      expect(run.report.elapsedMs).toBeGreaterThan(4 * MINUTE);
      expect(run.report.elapsedMs).toBeLessThan(EXECUTION_LIMIT_MS);
      expect(ctx.world.call("previewSync", { sheetId: ctx.tab.id }).pending?.requestId).toBe(ctx.pendingRequestId());
    },
    recover: (ctx) => {
      const requestId = ctx.pendingRequestId();
      ctx.world.clock.advance(MINUTE);
      expect(sidebarCheck(ctx)).toMatchObject({ state: "pending", requestId });
      expectRowsPending(ctx);
      ctx.world.clock.advance(TEN_MINUTES);
      // The sidebar's check finishes it, logged under its request ID.
      expect(sidebarCheck(ctx)).toMatchObject({ state: "completed", requestId, counts: { added: 1 } });
      const logged = ctx.world.logEntries().filter((entry) => entry["Request ID"] === requestId);
      expect(logged.map((entry) => entry.Outcome)).toEqual(["Pending", "Completed"]);
    },
  },
  {
    name: "sync completes after the execution limit (scheduled run)",
    flow: "scheduled run",
    inject: async (ctx) => ctx.control.setProcessingDelay(TEN_MINUTES),
    expect: { outcome: "pending", sentence: SCHEDULE_STILL_PROCESSING },
    also: (_, run) => expect(run.report.elapsedMs).toBeLessThan(EXECUTION_LIMIT_MS),
    recover: (ctx) => {
      const requestId = ctx.pendingRequestId();
      ctx.world.clock.advance(60 * MINUTE);
      // The next scheduled run finishes it.
      ctx.world.runSchedule();
      const logged = ctx.world.logEntries().filter((entry) => entry["Request ID"] === requestId);
      expect(logged.map((entry) => entry.Outcome)).toEqual(["Pending", "Completed"]);
      expect(ctx.pendingRequestId()).toBeNull();
    },
  },
  {
    name: "sync that never completes",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.injectFault({ kind: "neverComplete" });
    },
    expect: { outcome: "pending", sentence: STILL_PROCESSING },
    also: (ctx) => {
      const requestId = ctx.pendingRequestId();
      for (let check = 0; check < 3; check++) {
        ctx.world.clock.advance(TEN_MINUTES);
        expect(sidebarCheck(ctx)).toMatchObject({ state: "pending", requestId });
      }
      expectRowsPending(ctx);
    },
    recover: (ctx) => {
      // After a day the add-on stops waiting, so the tab can sync again.
      ctx.world.clock.advance(DAY);
      expect(sidebarCheck(ctx)).toEqual({
        state: "failed",
        message: expect.stringMatching(
          /^Vitable has still not finished the sync sent on [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T after 24 hours/,
        ),
      });
      expect([...ctx.world.statuses().values()].map((cells) => cells.status)).toEqual(Array(4).fill("Ready"));
      expect(ctx.world.logEntries().at(-1)).toMatchObject({ Outcome: "Failed" });
    },
  },
  {
    name: "execution limit hit while writing back",
    flow: "sidebar check",
    prepare: startSlowSync,
    inject: (ctx) => {
      ctx.world.clock.advance(PROCESSING_FOR_A_MINUTE);
      ctx.onCall(stopAtWriteAfterVitable(1));
    },
    expect: { outcome: "stopped", sentence: "Exceeded maximum execution time" },
    also: (ctx) => expectRowsPending(ctx),
  },
  lockHeldByAnotherRun("lock held by another run", "sidebar sync"),
  lockHeldByAnotherRun("lock held by another run (menu)", "menu sync"),
  {
    name: "properties store full while syncing",
    flow: "sidebar sync",
    // A sync writes no property: everything it records lives in the spreadsheet.
    inject: (ctx) => ctx.fillUserProperties(),
    expect: { outcome: "completed", sentence: FINISHED_TAB },
    recover: (ctx) => ctx.emptyUserProperties(),
  },
  {
    name: "properties store full when connecting",
    flow: "connect",
    inject: (ctx) => {
      ctx.world.call("disconnect", {});
      ctx.fillUserProperties();
    },
    expect: { outcome: "refused", sentence: PROPERTY_STORE_FULL },
    also: (ctx) => expect(ctx.world.call("getSidebarState", {}).connection).toBeNull(),
    recover: (ctx) => {
      ctx.emptyUserProperties();
      ctx.connect();
    },
  },
  {
    name: "properties store full when setting the schedule",
    flow: "schedule setup",
    inject: (ctx) => {
      ctx.world.call("setSchedule", { frequency: { kind: "hours", every: 1 }, emailOnProblem: false });
      ctx.fillUserProperties();
    },
    expect: { outcome: "refused", sentence: PROPERTY_STORE_FULL },
    also: (ctx) => {
      // The old trigger had to go first (one per user per spreadsheet); no trigger is left
      // without its registry entry, and the sidebar does not show a schedule that no longer runs.
      expect(ctx.world.runtime.triggers.list()).toEqual([]);
      expect(ctx.world.call("getSidebarState", {}).schedule).toMatchObject({ frequency: null, runsAs: null });
    },
    recover: (ctx) => {
      ctx.emptyUserProperties();
      ctx.world.call("setSchedule", { frequency: { kind: "weekly", day: "MONDAY", hour: 9 }, emailOnProblem: true });
      expect(ctx.world.runtime.triggers.list()).toHaveLength(1);
    },
  },
  {
    name: "tab renamed between submit and write-back",
    flow: "sidebar sync",
    inject: (ctx) => {
      onceSent(ctx, () => {
        ctx.tab.name = "Roster (renamed)";
      });
    },
    expect: { outcome: "completed", sentence: FINISHED('"Roster \\(renamed\\)"') },
    also: (ctx) => expect(ctx.world.logEntries().at(-1)).toMatchObject({ Tab: "Roster (renamed)" }),
  },
  {
    name: "tab deleted between submit and write-back",
    flow: "sidebar sync",
    inject: (ctx) => {
      onceSent(ctx, () => ctx.world.spreadsheet.removeSheet(ctx.tab));
    },
    expect: { outcome: "completed", sentence: FINISHED("the tab") },
    also: (ctx) => expect(ctx.world.logEntries().at(-1)).toMatchObject({ Tab: "(deleted tab)" }),
    recover: rosterInNewTab,
  },
  {
    name: "tab deleted while the sync is still processing",
    flow: "sidebar sync",
    inject: async (ctx) => {
      await ctx.control.setProcessingDelay(PROCESSING_FOR_A_MINUTE);
      onceSent(ctx, () => ctx.world.spreadsheet.removeSheet(ctx.tab));
    },
    expect: { outcome: "pending", sentence: STILL_PROCESSING },
    also: (ctx) => expect(ctx.world.logEntries().at(-1)).toMatchObject({ Tab: "(deleted tab)" }),
    recover: (ctx) => {
      // The sidebar's next check still finishes it, by the deleted tab's ID.
      ctx.world.clock.advance(PROCESSING_FOR_A_MINUTE);
      expect(sidebarCheck(ctx)).toMatchObject({
        state: "completed",
        message: expect.stringMatching(FINISHED("the tab")),
      });
      return rosterInNewTab(ctx);
    },
  },
  {
    name: "rows sorted between submit and write-back",
    flow: "sidebar sync",
    inject: (ctx) => {
      onceSent(ctx, () => {
        ctx.world.reorderRows([5, 4, 3, 2]);
        ctx.expectTabAsNow();
      });
    },
    expect: { outcome: "completed", sentence: FINISHED_TAB },
    also: (ctx) => {
      expect(ctx.tabIds()).toEqual(["1005", "1003", "1002", "1001"]);
      expect(Object.fromEntries(ctx.statusById())).toEqual({
        "1005": "Added",
        "1003": "Synced",
        "1002": "Synced",
        "1001": "Synced",
      });
    },
  },
  {
    name: "column inserted before the status columns between submit and write-back",
    flow: "sidebar sync",
    inject: (ctx) => {
      onceSent(ctx, () => {
        const values = ctx.tab.displayValuesForHost();
        const before = values[0]!.indexOf(STATUS_COLUMN_NAMES.status) + 1;
        ctx.tab.insertColumns(before, 1, null);
        ctx.tab.typeInto(1, before, "Reviewed by");
        for (let row = 2; row <= values.length; row++) ctx.tab.typeInto(row, before, `Reviewer ${row}`);
        ctx.expectTabAsNow();
      });
    },
    expect: { outcome: "completed", sentence: FINISHED_TAB },
    also: (ctx) => {
      // The statuses moved with their headers; the user's new column keeps every entry.
      const values = ctx.tab.displayValuesForHost();
      const reviewers = values[0]!.indexOf("Reviewed by");
      expect(values.slice(1).map((row) => row[reviewers])).toEqual(
        values.slice(1).map((_, index) => `Reviewer ${index + 2}`),
      );
      expect(Object.fromEntries(ctx.statusById())).toEqual({
        "1001": "Synced",
        "1002": "Synced",
        "1003": "Synced",
        "1005": "Added",
      });
    },
  },
  {
    name: "rows deleted between submit and write-back",
    flow: "sidebar sync",
    inject: (ctx) => {
      onceSent(ctx, () => {
        ctx.tab.deleteRows(3, 1);
        ctx.expectTabAsNow();
      });
    },
    expect: { outcome: "completed", sentence: FINISHED_TAB },
    also: async (ctx) => {
      // Person 2 was sent before their row went: Vitable keeps them, and no other row takes their result.
      expect(await ctx.world.membersOf(ctx.groupId)).toContain(CARE_PLUS_PERSON);
      expect(Object.fromEntries(ctx.statusById())).toEqual({ "1001": "Synced", "1003": "Synced", "1005": "Added" });
    },
  },
  {
    name: "60,000-character failure reason",
    flow: "sidebar check",
    prepare: startSlowSync,
    inject: (ctx) => finishWithFailureReason(ctx, "R".repeat(60_000)),
    expect: {
      outcome: "completed",
      sentence:
        'Vitable finished the sync of "Sheet1" to Acme Tier 1: 3 already in the group, 1 removed, 1 failed (see the rows marked Failed).',
    },
    also: (ctx) => {
      const message = ctx.world.statuses().get(5)!.message;
      expect(message.length).toBeLessThanOrEqual(LONGEST_REASON);
      expect(message.endsWith("…")).toBe(true);
    },
  },
  {
    name: "1 MB error message (scheduled run)",
    flow: "scheduled run",
    inject: async (ctx) => {
      const message = "M".repeat(1_000_000);
      await ctx.control.injectFault({
        kind: "status",
        path: SUBMIT,
        status: 400,
        body: { error: { code: "validation_error", message } },
      });
    },
    expect: { outcome: "failed", sentence: refusalKeptOut("status 400, code validation_error") },
    also: (ctx) => expectKeptOutOfLogAndMail(ctx, ["M".repeat(LONGEST_REASON)]),
  },
  {
    name: "Vitable's error quotes a member (scheduled run)",
    flow: "scheduled run",
    inject: async (ctx) => {
      await ctx.control.injectFault({
        kind: "status",
        path: SUBMIT,
        status: 422,
        body: { message: QUOTED_MEMBER, error: QUOTED_MEMBER, app_error_code: "invalid_member", trace_id: "trc_pii" },
      });
    },
    expect: { outcome: "failed", sentence: refusalKeptOut("status 422, code invalid_member, trace ID trc_pii") },
    also: (ctx) => expectKeptOutOfLogAndMail(ctx, MEMBER_DETAILS),
  },
  {
    name: "key disconnected before the scheduled run",
    flow: "scheduled run",
    inject: (ctx) => {
      ctx.world.call("disconnect", {});
    },
    expect: { outcome: "failed", sentence: SCHEDULE_KEY_GONE },
    recover: (ctx) => ctx.world.connect(),
  },
  planRemoved("sidebar sync"),
  planRemoved("scheduled run"),
  {
    name: "plan removed while the sync is processing",
    flow: "sidebar check",
    prepare: startSlowSync,
    inject: async (ctx) => {
      await removeCarePlus(ctx);
      ctx.world.clock.advance(PROCESSING_FOR_A_MINUTE);
    },
    expect: {
      outcome: "completed",
      sentence:
        'Vitable finished the sync of "Sheet1" to Acme Tier 1: 1 added, 2 already in the group, 1 removed, 1 failed (see the rows marked Failed).',
    },
    also: async (ctx) => {
      // Vitable failed the update and kept person 2 on their plan.
      expect(ctx.world.statuses().get(3)).toEqual({ status: "Failed", message: "Invalid plan_id" });
      expect(await ctx.world.membersOf(ctx.groupId)).toContain(CARE_PLUS_PERSON);
    },
    recover: restorePlans,
  },
];

/**
 * Stops the next execution that calls Vitable at its `n`th write after that call, as Apps
 * Script's time limit would: every later call throws.
 */
export function stopAtWriteAfterVitable(n: number): CallHook {
  let calledVitable = false;
  let writes = 0;
  return (call, execution) => {
    if (call.service === "UrlFetchApp") calledVitable = true;
    else if (calledVitable && call.kind === "write" && ++writes === n) runOutOfTime(execution);
  };
}
