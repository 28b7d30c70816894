import { createSandboxClock } from "../../sandbox/runtime/clock";
import { loadProject, type AppsScriptProject } from "../../sandbox/runtime/project";
import { AppsScriptRuntime, DEFAULT_USER } from "../../sandbox/runtime/runtime";
import { SCHEDULED_SYNC_HANDLER } from "../../src/appsscript/scheduleTrigger";
import { nextRunAfter } from "../../src/core/schedule/frequency";
import type { ScheduleEntry } from "../../src/core/schedule/scheduleRegistry";
import type { Frequency } from "../../src/shared/bridge";
import { buildBundle } from "../support/buildBundle";

/**
 * The schedule's trigger and registry, built by the real build (with the real manifest's scopes)
 * and run in the Apps Script runtime: sidebar calls set and clear schedules, and the runtime
 * fires the triggers as Apps Script would, with no spreadsheet open.
 */
const HOUR = 3_600_000;
const NEW_YORK = "America/New_York";
/** Friday 2026-03-06, 10:20 am in New York: the clocks spring forward on Sunday. */
const START = Date.parse("2026-03-06T15:20:00Z");
const REGISTRY_KEY = "vitable.schedules";
const OTHER_USER = { ...DEFAULT_USER, email: "payroll@example.com" };

let project: AppsScriptProject;
let runtime: AppsScriptRuntime;

beforeAll(() => {
  const bundle = buildBundle("test/appsscript/fixtures/scheduleEntry.ts");
  project = loadProject(bundle.dir);
});

beforeEach(() => {
  runtime = new AppsScriptRuntime({
    project,
    addonName: "Vitable Roster Sync",
    clock: createSandboxClock({ start: START, followsRealTime: false }),
  });
});

afterEach(() => runtime.close());

function newSpreadsheet(name = "HR Roster", timeZone = NEW_YORK): string {
  return runtime.spreadsheets.create({ name, timeZone, owner: DEFAULT_USER.email }).id;
}

/** A sidebar call that must succeed. */
function call(spreadsheetId: string, name: string, args: unknown[] = [], user = DEFAULT_USER): unknown {
  const report = runtime.run(name, { kind: "scriptRun", spreadsheetId, args, user });
  expect(report.error).toBeNull();
  return report.value;
}

const setSchedule = (spreadsheetId: string, frequency: Frequency, emailOnProblem = false, user = DEFAULT_USER) =>
  call(spreadsheetId, "setSchedule", [frequency, emailOnProblem], user) as string;

const currentSchedule = (spreadsheetId: string, user = DEFAULT_USER) =>
  JSON.parse(call(spreadsheetId, "currentSchedule", [], user) as string) as ScheduleEntry | null;

/** The registry as stored in a user's properties. */
const storedRegistry = (email = DEFAULT_USER.email): Record<string, { spreadsheetId: string }> =>
  JSON.parse(runtime.properties.read({ kind: "user", email })[REGISTRY_KEY] ?? "{}");

const triggerOf = (id: string) => runtime.triggers.list().find((trigger) => trigger.id === id);

describe("installSchedule", () => {
  it("creates one time-driven trigger for the spreadsheet, in its time zone, calling the scheduled sync", () => {
    const spreadsheetId = newSpreadsheet("Payroll", "Europe/London");
    const triggerId = setSchedule(spreadsheetId, { kind: "weekly", day: "MONDAY", hour: 17 });

    expect(runtime.triggers.list()).toEqual([
      expect.objectContaining({
        id: triggerId,
        handlerFunction: SCHEDULED_SYNC_HANDLER,
        createdBy: DEFAULT_USER.email,
        documentId: spreadsheetId,
        timeZone: "Europe/London",
        schedule: expect.objectContaining({ kind: "weekly", everyWeeks: 1, weekDay: "MONDAY", hour: 17 }),
      }),
    ]);
    expect(currentSchedule(spreadsheetId)).toEqual({
      triggerId,
      spreadsheetId,
      frequency: { kind: "weekly", day: "MONDAY", hour: 17 },
      emailOnProblem: false,
      timeZone: "Europe/London",
      createdAt: new Date(START).toISOString(),
    });
  });

  it("builds each kind of frequency as Apps Script's trigger builder expects", () => {
    const spreadsheetId = newSpreadsheet();
    setSchedule(spreadsheetId, { kind: "hours", every: 8 });
    expect(runtime.triggers.list()[0]!.schedule).toEqual({ kind: "hourly", everyHours: 8 });
    setSchedule(spreadsheetId, { kind: "daily", hour: 0 });
    expect(runtime.triggers.list()[0]!.schedule).toEqual(
      expect.objectContaining({ kind: "daily", everyDays: 1, hour: 0 }),
    );
  });

  it("replaces the spreadsheet's schedule when set again: one trigger, one registry entry", () => {
    const spreadsheetId = newSpreadsheet();
    const first = setSchedule(spreadsheetId, { kind: "hours", every: 1 }, true);
    const second = setSchedule(spreadsheetId, { kind: "daily", hour: 9 });

    expect(second).not.toBe(first);
    expect(runtime.triggers.list().map((trigger) => trigger.id)).toEqual([second]);
    expect(Object.keys(storedRegistry())).toEqual([second]);
    expect(currentSchedule(spreadsheetId)).toEqual(
      expect.objectContaining({ triggerId: second, frequency: { kind: "daily", hour: 9 }, emailOnProblem: false }),
    );
  });

  it("keeps the user's schedules of other spreadsheets", () => {
    const hr = newSpreadsheet("HR Roster");
    const payroll = newSpreadsheet("Payroll");
    const hrTrigger = setSchedule(hr, { kind: "hours", every: 2 });
    const payrollTrigger = setSchedule(payroll, { kind: "hours", every: 4 });
    setSchedule(hr, { kind: "hours", every: 6 });

    expect(runtime.triggers.list().map((trigger) => trigger.id)).toContain(payrollTrigger);
    expect(triggerOf(hrTrigger)).toBeUndefined();
    expect(currentSchedule(payroll)).toEqual(expect.objectContaining({ triggerId: payrollTrigger }));
    expect(Object.keys(storedRegistry())).toHaveLength(2);
  });

  it("starts a fresh registry when the stored one is damaged", () => {
    const spreadsheetId = newSpreadsheet();
    runtime.properties.write({ kind: "user", email: DEFAULT_USER.email }, { [REGISTRY_KEY]: "{damaged" });
    expect(currentSchedule(spreadsheetId)).toBeNull();

    const triggerId = setSchedule(spreadsheetId, { kind: "hours", every: 12 });
    expect(Object.keys(storedRegistry())).toEqual([triggerId]);
  });

  it("forgets schedules whose trigger was deleted elsewhere", () => {
    const hr = newSpreadsheet("HR Roster");
    const payroll = newSpreadsheet("Payroll");
    const gone = setSchedule(hr, { kind: "hours", every: 2 });
    runtime.triggers.delete(gone);

    expect(currentSchedule(hr)).toBeNull();
    const kept = setSchedule(payroll, { kind: "hours", every: 4 });
    expect(Object.keys(storedRegistry())).toEqual([kept]);
  });
});

describe("removeSchedule", () => {
  it("deletes the spreadsheet's trigger and its registry entry, and nothing else", () => {
    const hr = newSpreadsheet("HR Roster");
    const payroll = newSpreadsheet("Payroll");
    setSchedule(hr, { kind: "hours", every: 1 });
    const payrollTrigger = setSchedule(payroll, { kind: "daily", hour: 7 });

    call(hr, "clearSchedule");

    expect(runtime.triggers.list().map((trigger) => trigger.id)).toEqual([payrollTrigger]);
    expect(Object.keys(storedRegistry())).toEqual([payrollTrigger]);
    expect(currentSchedule(hr)).toBeNull();
    runtime.clock.advance(2 * HOUR);
    expect(runtime.fireDueTriggers()).toEqual([]);
  });

  it("does nothing when the spreadsheet has no schedule", () => {
    const spreadsheetId = newSpreadsheet();
    call(spreadsheetId, "clearSchedule");
    expect(runtime.triggers.list()).toEqual([]);
    expect(runtime.properties.read({ kind: "user", email: DEFAULT_USER.email })).toEqual({});
  });

  it("leaves the schedule another user set on the same spreadsheet", () => {
    const spreadsheetId = newSpreadsheet();
    setSchedule(spreadsheetId, { kind: "hours", every: 1 });
    const theirs = setSchedule(spreadsheetId, { kind: "daily", hour: 6 }, false, OTHER_USER);

    call(spreadsheetId, "clearSchedule");

    expect(runtime.triggers.list().map((trigger) => trigger.id)).toEqual([theirs]);
    expect(currentSchedule(spreadsheetId)).toBeNull();
    expect(currentSchedule(spreadsheetId, OTHER_USER)).toEqual(expect.objectContaining({ triggerId: theirs }));
  });
});

describe("a schedule's trigger firing", () => {
  /** The next run nextRunAfter predicts for the spreadsheet's schedule, on or after `now`. */
  function predictedRun(schedule: ScheduleEntry, now: number): number {
    return nextRunAfter(schedule.frequency, {
      now,
      since: Date.parse(schedule.createdAt),
      timeZone: schedule.timeZone,
    });
  }

  it("fires every few hours exactly when nextRunAfter predicts, daylight-saving change or not", () => {
    const spreadsheetId = newSpreadsheet();
    const triggerId = setSchedule(spreadsheetId, { kind: "hours", every: 12 });
    const schedule = currentSchedule(spreadsheetId)!;

    for (let run = 0; run < 4; run++) {
      const predicted = predictedRun(schedule, runtime.clock.now() + 1);
      expect(triggerOf(triggerId)!.nextRunAt).toBe(predicted);
      runtime.clock.advance(predicted - 1 - runtime.clock.now());
      expect(runtime.fireDueTriggers()).toEqual([]);
      runtime.clock.advance(1);
      const [report, ...more] = runtime.fireDueTriggers();
      expect(more).toEqual([]);
      expect(report!.ok).toBe(true);
    }
  });

  it.each<[string, Frequency, string[]]>([
    // 9 am EST on Saturday, then 9 am EDT from Sunday on.
    [
      "daily",
      { kind: "daily", hour: 9 },
      ["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z"],
    ],
    // 2 am does not exist on Sunday 2026-03-08: that run comes at 3 am EDT.
    [
      "daily",
      { kind: "daily", hour: 2 },
      ["2026-03-07T07:00:00.000Z", "2026-03-08T07:00:00.000Z", "2026-03-09T06:00:00.000Z"],
    ],
    ["weekly", { kind: "weekly", day: "MONDAY", hour: 17 }, ["2026-03-09T21:00:00.000Z", "2026-03-16T21:00:00.000Z"]],
  ])("fires %s schedules within the hour nextRunAfter predicts (%j)", (_kind, frequency, expected) => {
    const spreadsheetId = newSpreadsheet();
    const triggerId = setSchedule(spreadsheetId, frequency);
    const schedule = currentSchedule(spreadsheetId)!;

    const predictions: string[] = [];
    for (let run = 0; run < expected.length; run++) {
      const predicted = predictedRun(schedule, runtime.clock.now() + 1);
      predictions.push(new Date(predicted).toISOString());
      // Apps Script picks the minute within the hour; the runtime too.
      const nextRunAt = triggerOf(triggerId)!.nextRunAt!;
      expect(nextRunAt).toBeGreaterThanOrEqual(predicted);
      expect(nextRunAt).toBeLessThan(predicted + HOUR);
      runtime.clock.advance(nextRunAt - runtime.clock.now());
      expect(runtime.fireDueTriggers().map((report) => report.ok)).toEqual([true]);
    }
    expect(predictions).toEqual(expected);
  });

  it("finds its spreadsheet from the event's triggerUid, opens it by ID and emails the owner", () => {
    const hr = newSpreadsheet("HR Roster");
    const payroll = newSpreadsheet("Payroll");
    const hrTrigger = setSchedule(hr, { kind: "hours", every: 4 }, true);
    setSchedule(payroll, { kind: "hours", every: 8 });

    const report = runtime.fireTrigger(hrTrigger);

    expect(report.error).toBeNull();
    expect(report.kind).toBe("trigger");
    const { schedule, spreadsheetName } = JSON.parse(report.value as string);
    expect(schedule).toEqual(expect.objectContaining({ triggerId: hrTrigger, spreadsheetId: hr }));
    expect(spreadsheetName).toBe("HR Roster");
    expect(runtime.mail.sent()).toEqual([
      expect.objectContaining({
        from: DEFAULT_USER.email,
        to: DEFAULT_USER.email,
        subject: 'Vitable Roster Sync: the scheduled sync of "HR Roster" was blocked',
        body: expect.stringContaining(`Open the spreadsheet: ${runtime.spreadsheets.get(hr)!.url}`),
      }),
    ]);
  });

  it("emails no one when the owner did not ask for it", () => {
    const spreadsheetId = newSpreadsheet();
    const triggerId = setSchedule(spreadsheetId, { kind: "daily", hour: 9 });
    const report = runtime.fireTrigger(triggerId);
    expect(report.error).toBeNull();
    expect(JSON.parse(report.value as string).spreadsheetName).toBe("HR Roster");
    expect(runtime.mail.sent()).toEqual([]);
  });

  it("runs as the user who set it up, with that user's registry", () => {
    const spreadsheetId = newSpreadsheet();
    const theirs = setSchedule(spreadsheetId, { kind: "hours", every: 2 }, true, OTHER_USER);

    const report = runtime.fireTrigger(theirs);

    expect(JSON.parse(report.value as string).schedule).toEqual(expect.objectContaining({ triggerId: theirs }));
    expect(runtime.mail.sent().map((mail) => mail.to)).toEqual([OTHER_USER.email]);
    expect(storedRegistry()).toEqual({});
  });
});
