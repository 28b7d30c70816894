import { createSandboxClock } from "../../../../sandbox/runtime/clock";
import type { ExecutionOptions } from "../../../../sandbox/runtime/execution";
import { createScriptApp, TriggerRegistry } from "../../../../sandbox/runtime/services/scriptApp";
import { TEST_START, testExecution } from "../support/testExecution";

const SCRIPT_TIME_ZONE = "America/New_York";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OPS = { email: "ops@example.com", locale: "en_US", timeZone: "UTC" };

/** A spreadsheet as getUserTriggers receives it. */
const spreadsheet = (id: string) => ({ getId: () => id }) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

function setup(start = TEST_START) {
  const clock = createSandboxClock({ followsRealTime: false, start });
  const registry = new TriggerRegistry();
  const scriptApp = (overrides: Partial<ExecutionOptions> = {}) =>
    createScriptApp(registry, testExecution({ clock, documentId: "doc-1", ...overrides }), {
      scriptTimeZone: SCRIPT_TIME_ZONE,
    });
  return { clock, registry, scriptApp };
}

/** The next runs of the only trigger, firing it at each. */
function runs(registry: TriggerRegistry, count: number): string[] {
  const times: string[] = [];
  for (let i = 0; i < count; i++) {
    const [trigger] = registry.list();
    times.push(new Date(trigger!.nextRunAt!).toISOString());
    registry.markFired(trigger!.id, trigger!.nextRunAt!);
  }
  return times;
}

describe("ScriptApp triggers for an Editor add-on", () => {
  it("creates a time-driven trigger that records its creator, document and handler", () => {
    const { registry, scriptApp } = setup();
    const app = scriptApp();
    const trigger = app.newTrigger("runScheduledSync").timeBased().everyHours(1).create();

    expect(trigger.getHandlerFunction()).toBe("runScheduledSync");
    expect(String(trigger.getEventType())).toBe("CLOCK");
    expect(trigger.getEventType()).toBe(app.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(app.TriggerSource.CLOCK);
    expect(trigger.getTriggerSourceId()).toBeNull();
    expect(registry.list()).toEqual([
      expect.objectContaining({
        id: trigger.getUniqueId(),
        handlerFunction: "runScheduledSync",
        createdBy: "hr@example.com",
        documentId: "doc-1",
        timeZone: SCRIPT_TIME_ZONE,
        nextRunAt: TEST_START + HOUR,
      }),
    ]);
  });

  it("refuses a second time-driven trigger by the same user in the same document", () => {
    const { scriptApp } = setup();
    scriptApp().newTrigger("runScheduledSync").timeBased().everyHours(1).create();
    expect(() => scriptApp().newTrigger("runScheduledSync").timeBased().everyDays(1).atHour(9).create()).toThrow(
      "This add-on has created too many time-based triggers in this document for this Google user account.",
    );
  });

  it("allows a trigger in another document, or by another user in the same document", () => {
    const { registry, scriptApp } = setup();
    scriptApp().newTrigger("runScheduledSync").timeBased().everyHours(1).create();
    scriptApp({ documentId: "doc-2" }).newTrigger("runScheduledSync").timeBased().everyHours(2).create();
    scriptApp({ user: OPS }).newTrigger("runScheduledSync").timeBased().everyHours(4).create();
    expect(registry.list()).toHaveLength(3);
  });

  it("allows a new trigger once the old one is deleted", () => {
    const { registry, scriptApp } = setup();
    const app = scriptApp();
    app.newTrigger("runScheduledSync").timeBased().everyHours(1).create();
    for (const trigger of app.getUserTriggers(spreadsheet("doc-1"))) app.deleteTrigger(trigger);
    expect(registry.list()).toEqual([]);
    app.newTrigger("runScheduledSync").timeBased().everyHours(6).create();
    expect(registry.list()).toHaveLength(1);
  });

  it("refuses to run more often than hourly", () => {
    const { scriptApp } = setup();
    expect(() => scriptApp().newTrigger("runScheduledSync").timeBased().everyMinutes(30)).toThrow(
      /more often than once an hour/,
    );
  });

  it.each([3, 5, 24, 0])("refuses everyHours(%i): only 1, 2, 4, 6, 8 or 12 are allowed", (hours) => {
    const { scriptApp } = setup();
    expect(() => scriptApp().newTrigger("runScheduledSync").timeBased().everyHours(hours)).toThrow();
  });

  it("refuses a 21st trigger by one user in the script", () => {
    const { scriptApp } = setup();
    for (let i = 0; i < 20; i++) {
      scriptApp({ documentId: `doc-${i}` })
        .newTrigger("runScheduledSync")
        .timeBased()
        .everyHours(1)
        .create();
    }
    expect(() =>
      scriptApp({ documentId: "doc-20" }).newTrigger("runScheduledSync").timeBased().everyHours(1).create(),
    ).toThrow("This script has too many triggers. Triggers must be deleted from the script before more can be added.");
    expect(() =>
      scriptApp({ documentId: "doc-20", user: OPS }).newTrigger("runScheduledSync").timeBased().everyHours(1).create(),
    ).not.toThrow();
  });

  it("lists a user's triggers in a document, and all of the user's triggers in the script", () => {
    const { scriptApp } = setup();
    scriptApp().newTrigger("inDocOne").timeBased().everyHours(1).create();
    scriptApp({ documentId: "doc-2" }).newTrigger("inDocTwo").timeBased().everyHours(1).create();
    scriptApp({ user: OPS }).newTrigger("byOps").timeBased().everyHours(1).create();

    const app = scriptApp();
    const handlers = (triggers: { getHandlerFunction(): string }[]) =>
      triggers.map((t) => t.getHandlerFunction()).sort();
    expect(handlers(app.getUserTriggers(spreadsheet("doc-1")))).toEqual(["inDocOne"]);
    expect(handlers(app.getUserTriggers(spreadsheet("doc-2")))).toEqual(["inDocTwo"]);
    expect(handlers(app.getProjectTriggers())).toEqual(["inDocOne", "inDocTwo"]);
    expect(handlers(scriptApp({ user: OPS }).getProjectTriggers())).toEqual(["byOps"]);
  });

  it("rejects atHour with an hourly schedule, and a schedule with no frequency", () => {
    const { scriptApp } = setup();
    expect(() => scriptApp().newTrigger("f").timeBased().everyHours(2).atHour(9).create()).toThrow(/daily and weekly/);
    expect(() => scriptApp().newTrigger("f").timeBased().atHour(9).create()).toThrow(/needs a frequency/);
    expect(() => scriptApp().newTrigger("f").timeBased().atHour(24)).toThrow("Invalid argument: atHour");
  });

  it("says authorization is not required", () => {
    const app = setup().scriptApp();
    const info = app.getAuthorizationInfo(app.AuthMode.FULL);
    expect(info.getAuthorizationStatus()).toBe(app.AuthorizationStatus.NOT_REQUIRED);
    expect(info.getAuthorizationUrl()).toBeNull();
  });

  it("restores triggers from a snapshot and keeps their IDs unique", () => {
    const { registry, scriptApp } = setup();
    const first = scriptApp().newTrigger("runScheduledSync").timeBased().everyHours(1).create();
    const restored = TriggerRegistry.fromSnapshot(JSON.parse(JSON.stringify(registry.snapshot())));
    expect(restored.list()).toEqual(registry.list());
    const second = createScriptApp(restored, testExecution({ documentId: "doc-2" }), {
      scriptTimeZone: SCRIPT_TIME_ZONE,
    })
      .newTrigger("runScheduledSync")
      .timeBased()
      .everyHours(1)
      .create();
    expect(second.getUniqueId()).not.toBe(first.getUniqueId());
  });
});

describe("when time-driven triggers run", () => {
  it("runs every n hours of elapsed time from creation, also across a daylight-saving change", () => {
    // 31 October 2026, 22:00 New York time; clocks fall back at 2:00 on 1 November.
    const { registry, scriptApp } = setup(Date.UTC(2026, 10, 1, 2));
    scriptApp().newTrigger("f").timeBased().everyHours(4).create();
    expect(runs(registry, 3)).toEqual([
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T10:00:00.000Z",
      "2026-11-01T14:00:00.000Z",
    ]);
  });

  it("skips runs missed while nothing fired, without catching up", () => {
    const { registry, scriptApp } = setup();
    scriptApp().newTrigger("f").timeBased().everyHours(2).create();
    const [trigger] = registry.list();
    registry.markFired(trigger!.id, TEST_START + 9 * HOUR);
    expect(registry.list()[0]!.nextRunAt).toBe(TEST_START + 10 * HOUR);
  });

  it("runs daily at the hour and minute in the script time zone, from the next such time", () => {
    // Created Monday 23 November 2026 at 10:00 in New York: 9:30 has passed today.
    const { registry, scriptApp } = setup();
    scriptApp().newTrigger("f").timeBased().everyDays(1).atHour(9).nearMinute(30).create();
    expect(runs(registry, 2)).toEqual(["2026-11-24T14:30:00.000Z", "2026-11-25T14:30:00.000Z"]);
  });

  it("runs later the same day when the hour is still ahead", () => {
    const { registry, scriptApp } = setup();
    scriptApp().newTrigger("f").timeBased().everyDays(1).atHour(18).nearMinute(0).create();
    expect(runs(registry, 1)).toEqual(["2026-11-23T23:00:00.000Z"]);
  });

  it("keeps the daily hour in local time across the autumn change", () => {
    const { registry, scriptApp } = setup(Date.UTC(2026, 9, 30, 16));
    scriptApp().newTrigger("f").timeBased().everyDays(1).atHour(9).nearMinute(0).create();
    expect(runs(registry, 3)).toEqual([
      "2026-10-31T13:00:00.000Z",
      "2026-11-01T14:00:00.000Z",
      "2026-11-02T14:00:00.000Z",
    ]);
  });

  it("moves a daily run that falls in the spring gap forward by the hour skipped", () => {
    // 2:30 does not exist in New York on 8 March 2026: it becomes 3:30 daylight time.
    const { registry, scriptApp } = setup(Date.UTC(2026, 2, 7, 12));
    scriptApp().newTrigger("f").timeBased().everyDays(1).atHour(2).nearMinute(30).create();
    expect(runs(registry, 2)).toEqual(["2026-03-08T07:30:00.000Z", "2026-03-09T06:30:00.000Z"]);
  });

  it("runs every other day when asked", () => {
    const { registry, scriptApp } = setup();
    scriptApp().newTrigger("f").timeBased().everyDays(2).atHour(9).nearMinute(0).create();
    expect(runs(registry, 3)).toEqual([
      "2026-11-24T14:00:00.000Z",
      "2026-11-26T14:00:00.000Z",
      "2026-11-28T14:00:00.000Z",
    ]);
  });

  it("runs weekly on the day and hour given", () => {
    // Created on a Monday after 9:00, so the first Monday run is a week later.
    const { registry, scriptApp } = setup();
    const app = scriptApp();
    app.newTrigger("f").timeBased().onWeekDay(app.WeekDay.MONDAY).atHour(9).nearMinute(15).create();
    expect(runs(registry, 2)).toEqual(["2026-11-30T14:15:00.000Z", "2026-12-07T14:15:00.000Z"]);
  });

  it("runs every second week on a later day of the first week", () => {
    const { registry, scriptApp } = setup();
    const app = scriptApp();
    app.newTrigger("f").timeBased().everyWeeks(2).onWeekDay(app.WeekDay.FRIDAY).atHour(17).nearMinute(0).create();
    expect(runs(registry, 2)).toEqual(["2026-11-27T22:00:00.000Z", "2026-12-11T22:00:00.000Z"]);
  });

  it("keeps the weekly hour in local time across the spring change", () => {
    const { registry, scriptApp } = setup(Date.UTC(2026, 2, 2, 12));
    const app = scriptApp();
    app.newTrigger("f").timeBased().onWeekDay(app.WeekDay.SUNDAY).atHour(8).nearMinute(0).create();
    expect(runs(registry, 2)).toEqual(["2026-03-08T12:00:00.000Z", "2026-03-15T12:00:00.000Z"]);
  });

  it("reads hours in the time zone the trigger names", () => {
    const { registry, scriptApp } = setup();
    scriptApp().newTrigger("f").timeBased().everyDays(1).atHour(9).nearMinute(0).inTimezone("Asia/Tokyo").create();
    expect(registry.list()[0]!.timeZone).toBe("Asia/Tokyo");
    expect(runs(registry, 1)).toEqual(["2026-11-24T00:00:00.000Z"]);
  });

  it("picks one minute per trigger when none is given, and keeps it", () => {
    const { registry, scriptApp } = setup();
    scriptApp().newTrigger("f").timeBased().everyDays(1).atHour(9).create();
    const minutes = runs(registry, 3).map((time) => new Date(time).getUTCMinutes());
    expect(new Set(minutes).size).toBe(1);
    expect(runs(registry, 1)[0]).toMatch(/^2026-11-27T14:\d\d:00.000Z$/);
  });

  it("fires a one-off trigger once, and lists triggers that are due", () => {
    const { clock, registry, scriptApp } = setup();
    const app = scriptApp();
    app.newTrigger("once").timeBased().after(90_000).create();
    scriptApp({ documentId: "doc-2" }).newTrigger("hourly").timeBased().everyHours(1).create();

    expect(registry.dueTriggers(clock.now() + 60_000)).toEqual([]);
    expect(registry.dueTriggers(clock.now() + 2 * HOUR).map((t) => t.handlerFunction)).toEqual(["once", "hourly"]);
    const [once] = registry.dueTriggers(clock.now() + 90_000);
    registry.markFired(once!.id, clock.now() + 90_000);
    expect(registry.dueTriggers(clock.now() + DAY).map((t) => t.handlerFunction)).toEqual(["hourly"]);
  });

  it("fires a trigger set at a date at that time", () => {
    const { clock, registry, scriptApp } = setup();
    const at = new Date(TEST_START + 5 * DAY);
    scriptApp().newTrigger("f").timeBased().at(at).create();
    expect(registry.list()[0]!.nextRunAt).toBe(at.getTime());
    expect(() => registry.markFired("unknown", clock.now())).toThrow("No trigger has the ID unknown.");
  });
});
