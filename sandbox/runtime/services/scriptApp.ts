import type { Execution } from "../execution";
import { isDate } from "../realm";
import { appsEnum, enumMember } from "../appsEnum";
import { objectMethods } from "../objectMethods";
import { signatureMismatch } from "../signatureMismatch";
import { firstRun, nextRunAfter, WEEK_DAYS, type ClockSchedule, type WeekDayName } from "./clockSchedule";
import { localTime, zoneRule } from "./javaTimeZones";

export const AUTH_MODE = appsEnum(["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"] as const);
const AUTHORIZATION_STATUS = appsEnum(["REQUIRED", "NOT_REQUIRED"] as const);
const EVENT_TYPE = appsEnum([
  "CLOCK",
  "ON_OPEN",
  "ON_EDIT",
  "ON_FORM_SUBMIT",
  "ON_CHANGE",
  "ON_EVENT_UPDATED",
] as const);
const TRIGGER_SOURCE = appsEnum(["SPREADSHEETS", "CLOCK", "FORMS", "DOCUMENTS", "CALENDAR"] as const);
const WEEK_DAY = appsEnum(WEEK_DAYS);
/** Every trigger the sandbox makes is time-driven. */
const CLOCK_EVENT_TYPE = EVENT_TYPE.CLOCK as unknown as GoogleAppsScript.Script.EventType;
const CLOCK_TRIGGER_SOURCE = TRIGGER_SOURCE.CLOCK as unknown as GoogleAppsScript.Script.TriggerSource;

/** Installable trigger limits for an Editor add-on (apps-script-notes.md A6). */
export const TRIGGER_LIMITS = {
  perUserPerScript: 20,
  /** Add-on time-driven triggers run at most hourly. */
  everyHours: [1, 2, 4, 6, 8, 12],
} as const;

const TOO_MANY_IN_DOCUMENT =
  "This add-on has created too many time-based triggers in this document for this Google user account.";
const TOO_MANY_IN_SCRIPT =
  "This script has too many triggers. Triggers must be deleted from the script before more can be added.";
const MORE_THAN_HOURLY = "Add-ons may not create time-based triggers that run more often than once an hour.";
const NO_FREQUENCY =
  "A time-based trigger needs a frequency (everyHours, everyDays, everyWeeks, onWeekDay) or a time (at, after).";
const MINUTES_IN_AN_HOUR = 60;

/** A time-driven trigger as Google keeps it. */
export interface TriggerRecord {
  id: string;
  handlerFunction: string;
  /** The user it was created by, and runs as. */
  createdBy: string;
  /** The document it was created in (null when created without one). */
  documentId: string | null;
  createdAt: number;
  timeZone: string;
  schedule: ClockSchedule;
  /** Null once a one-off trigger has fired. */
  nextRunAt: number | null;
  lastFiredAt: number | null;
}

export interface TriggerRegistrySnapshot {
  triggers: TriggerRecord[];
  created: number;
}

/** The script's installable triggers, kept across executions. */
export class TriggerRegistry {
  private readonly triggers = new Map<string, TriggerRecord>();
  private created = 0;

  static fromSnapshot(snapshot: TriggerRegistrySnapshot): TriggerRegistry {
    const registry = new TriggerRegistry();
    for (const trigger of snapshot.triggers) registry.triggers.set(trigger.id, structuredClone(trigger));
    registry.created = snapshot.created;
    return registry;
  }

  snapshot(): TriggerRegistrySnapshot {
    return { triggers: this.list(), created: this.created };
  }

  /** Every trigger with its next run (host side: the runtime and the preview). */
  list(): TriggerRecord[] {
    return [...this.triggers.values()].map((trigger) => structuredClone(trigger));
  }

  /** Triggers whose next run has come by `now`, earliest first. */
  dueTriggers(now: number): TriggerRecord[] {
    return this.list()
      .filter((trigger) => trigger.nextRunAt !== null && trigger.nextRunAt <= now)
      .sort((a, b) => a.nextRunAt! - b.nextRunAt!);
  }

  /** Records that a trigger fired at `at` and schedules its next run after that. */
  markFired(id: string, at: number): void {
    const trigger = this.triggers.get(id);
    if (trigger === undefined) throw new Error(`No trigger has the ID ${id}.`);
    trigger.lastFiredAt = at;
    trigger.nextRunAt = nextRunAfter(trigger.schedule, trigger.timeZone, trigger.createdAt, at);
  }

  /** Adds a trigger; `schedule` builds its schedule from the new ID (the minute derives from it). */
  add(
    fields: Omit<TriggerRecord, "id" | "nextRunAt" | "lastFiredAt" | "schedule">,
    schedule: (id: string) => ClockSchedule,
  ): TriggerRecord {
    const id = String(1_000_001 + this.created);
    const built = schedule(id);
    this.created += 1;
    const nextRunAt = firstRun(built, fields.timeZone, fields.createdAt);
    const trigger: TriggerRecord = { ...fields, id, schedule: built, nextRunAt, lastFiredAt: null };
    this.triggers.set(id, trigger);
    return structuredClone(trigger);
  }

  /** Removes a trigger; removing one already gone does nothing. */
  delete(id: string): void {
    this.triggers.delete(id);
  }
}

type Trigger = GoogleAppsScript.Script.Trigger;

/** A trigger as the script sees it; clock triggers have no source ID. */
export type SandboxTrigger = Omit<Trigger, "getTriggerSourceId"> & { getTriggerSourceId(): string | null };

type ClockBuilderMethod =
  | "after"
  | "at"
  | "atHour"
  | "everyDays"
  | "everyHours"
  | "everyMinutes"
  | "everyWeeks"
  | "inTimezone"
  | "nearMinute"
  | "onWeekDay";

export type SandboxClockTriggerBuilder = {
  [Method in ClockBuilderMethod]: (
    ...args: Parameters<GoogleAppsScript.Script.ClockTriggerBuilder[Method]>
  ) => SandboxClockTriggerBuilder;
} & { create(): SandboxTrigger };

type ScriptApp = GoogleAppsScript.Script.ScriptApp;

export type SandboxScriptApp = Pick<
  ScriptApp,
  "AuthMode" | "AuthorizationStatus" | "EventType" | "TriggerSource" | "WeekDay"
> & {
  newTrigger(functionName: string): { timeBased(): SandboxClockTriggerBuilder };
  getProjectTriggers(): SandboxTrigger[];
  getUserTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SandboxTrigger[];
  deleteTrigger(trigger: SandboxTrigger): void;
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode): AuthorizationInfo;
};

type AuthorizationInfo = {
  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus;
  getAuthorizationUrl(): string | null;
};

export interface ScriptAppOptions {
  /** appsscript.json's `timeZone`: the default for trigger schedules. */
  scriptTimeZone: string;
}

/** ScriptApp for one execution, enforcing an Editor add-on's trigger rules. */
export function createScriptApp(
  registry: TriggerRegistry,
  execution: Execution,
  { scriptTimeZone }: ScriptAppOptions,
): SandboxScriptApp {
  const triggerIds = new WeakMap<object, string>();

  function scriptTrigger(record: TriggerRecord): SandboxTrigger {
    const { method } = objectMethods<SandboxTrigger>(execution, "Trigger", () => trigger);
    const trigger: SandboxTrigger = {
      getUniqueId: method("getUniqueId", "read", () => record.id),
      getHandlerFunction: method("getHandlerFunction", "read", () => record.handlerFunction),
      getEventType: method("getEventType", "read", () => CLOCK_EVENT_TYPE),
      getTriggerSource: method("getTriggerSource", "read", () => CLOCK_TRIGGER_SOURCE),
      getTriggerSourceId: method("getTriggerSourceId", "read", () => null),
    };
    triggerIds.set(trigger, record.id);
    return trigger;
  }

  /** An array of the script's realm, so `instanceof Array` holds in the script. */
  const scriptArray = <T>(items: T[]): T[] => {
    const array = execution.realm.copyIn<T[]>([]);
    array.push(...items);
    return array;
  };

  const ownTriggers = () => registry.list().filter((trigger) => trigger.createdBy === execution.user.email);

  function clockBuilder(handlerFunction: string): SandboxClockTriggerBuilder {
    let frequency:
      | { kind: "hourly"; everyHours: number }
      | { kind: "daily" | "weekly"; every: number }
      | { kind: "once"; at: number }
      | null = null;
    let hour: number | null = null;
    let minute: number | null = null;
    let weekDay: WeekDayName | null = null;
    let timeZone = scriptTimeZone;

    const whole = (method: string, value: unknown, min: number, max: number): number => {
      if (typeof value !== "number") {
        throw execution.exception(signatureMismatch("ClockTriggerBuilder", method, [value]));
      }
      const number = Math.trunc(value);
      if (number < min || number > max) throw execution.exception(`Invalid argument: ${method}`);
      return number;
    };

    function schedule(id: string): ClockSchedule {
      const created = localTime(execution.clock.now(), zoneRule(timeZone));
      const runsOnDays = frequency === null || frequency.kind === "daily" || frequency.kind === "weekly";
      if ((hour !== null || minute !== null || weekDay !== null) && !runsOnDays) {
        throw execution.exception("atHour, nearMinute and onWeekDay only apply to daily and weekly triggers.");
      }
      if (weekDay !== null && frequency?.kind === "daily") {
        throw execution.exception("onWeekDay only applies to weekly triggers.");
      }
      // Apps Script picks the minute within the hour itself; the sandbox derives it from the ID.
      const dayTime = { hour: hour ?? created.hour, minute: minute ?? stableMinute(id) };
      if (frequency === null) {
        if (weekDay === null) throw execution.exception(NO_FREQUENCY);
        return { kind: "weekly", everyWeeks: 1, weekDay, ...dayTime };
      }
      switch (frequency.kind) {
        case "hourly":
          return frequency;
        case "once":
          return frequency;
        case "daily":
          return { kind: "daily", everyDays: frequency.every, ...dayTime };
        case "weekly":
          return {
            kind: "weekly",
            everyWeeks: frequency.every,
            weekDay: weekDay ?? WEEK_DAYS[created.weekday]!,
            ...dayTime,
          };
      }
    }

    const { method, chained } = objectMethods<SandboxClockTriggerBuilder>(
      execution,
      "ClockTriggerBuilder",
      () => builder,
    );
    const builder: SandboxClockTriggerBuilder = {
      everyMinutes: method("everyMinutes", "other", () => {
        throw execution.exception(MORE_THAN_HOURLY);
      }),
      everyHours: chained("everyHours", "other", (n: unknown) => {
        const hours = whole("everyHours", n, 1, 24);
        if (!(TRIGGER_LIMITS.everyHours as readonly number[]).includes(hours)) {
          throw execution.exception("The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.");
        }
        frequency = { kind: "hourly", everyHours: hours };
      }),
      everyDays: chained("everyDays", "other", (n: unknown) => {
        frequency = { kind: "daily", every: whole("everyDays", n, 1, Number.MAX_SAFE_INTEGER) };
      }),
      everyWeeks: chained("everyWeeks", "other", (n: unknown) => {
        frequency = { kind: "weekly", every: whole("everyWeeks", n, 1, Number.MAX_SAFE_INTEGER) };
      }),
      atHour: chained("atHour", "other", (h: unknown) => {
        hour = whole("atHour", h, 0, 23);
      }),
      nearMinute: chained("nearMinute", "other", (m: unknown) => {
        minute = whole("nearMinute", m, 0, MINUTES_IN_AN_HOUR - 1);
      }),
      onWeekDay: chained("onWeekDay", "other", (day: unknown) => {
        const named = enumMember(WEEK_DAY, day);
        if (named === null) {
          throw execution.exception(signatureMismatch("ClockTriggerBuilder", "onWeekDay", [day]));
        }
        weekDay = named;
      }),
      after: chained("after", "other", (durationMilliseconds: unknown) => {
        const duration = whole("after", durationMilliseconds, 0, Number.MAX_SAFE_INTEGER);
        frequency = { kind: "once", at: execution.clock.now() + duration };
      }),
      at: chained("at", "other", (date: unknown) => {
        if (!isDate(date)) throw execution.exception(signatureMismatch("ClockTriggerBuilder", "at", [date]));
        frequency = { kind: "once", at: date.getTime() };
      }),
      inTimezone: chained("inTimezone", "other", (timezone: unknown) => {
        timeZone = String(timezone);
      }),
      create: method("create", "write", () => {
        const own = ownTriggers();
        if (own.some((trigger) => trigger.documentId === execution.documentId))
          throw execution.exception(TOO_MANY_IN_DOCUMENT);
        if (own.length >= TRIGGER_LIMITS.perUserPerScript) throw execution.exception(TOO_MANY_IN_SCRIPT);
        const record = registry.add(
          {
            handlerFunction,
            createdBy: execution.user.email,
            documentId: execution.documentId,
            createdAt: execution.clock.now(),
            timeZone,
          },
          schedule,
        );
        return scriptTrigger(record);
      }),
    };
    return builder;
  }

  return {
    AuthMode: AUTH_MODE as unknown as typeof GoogleAppsScript.Script.AuthMode,
    AuthorizationStatus: AUTHORIZATION_STATUS as unknown as typeof GoogleAppsScript.Script.AuthorizationStatus,
    EventType: EVENT_TYPE as unknown as typeof GoogleAppsScript.Script.EventType,
    TriggerSource: TRIGGER_SOURCE as unknown as typeof GoogleAppsScript.Script.TriggerSource,
    WeekDay: WEEK_DAY as unknown as typeof GoogleAppsScript.Base.Weekday,

    newTrigger(functionName: unknown) {
      execution.call("ScriptApp", "newTrigger", "other");
      if (typeof functionName !== "string")
        throw execution.exception(signatureMismatch("ScriptApp", "newTrigger", [functionName]));
      return {
        timeBased() {
          execution.call("TriggerBuilder", "timeBased", "other");
          return clockBuilder(functionName);
        },
      };
    },
    getProjectTriggers() {
      execution.call("ScriptApp", "getProjectTriggers", "read");
      return scriptArray(ownTriggers().map(scriptTrigger));
    },
    getUserTriggers(spreadsheet: unknown) {
      execution.call("ScriptApp", "getUserTriggers", "read");
      const getId = (spreadsheet as { getId?: unknown } | null)?.getId;
      if (typeof getId !== "function")
        throw execution.exception(signatureMismatch("ScriptApp", "getUserTriggers", [spreadsheet]));
      const documentId = String(getId.call(spreadsheet));
      return scriptArray(
        ownTriggers()
          .filter((trigger) => trigger.documentId === documentId)
          .map(scriptTrigger),
      );
    },
    deleteTrigger(trigger: unknown) {
      execution.call("ScriptApp", "deleteTrigger", "write");
      const id = typeof trigger === "object" && trigger !== null ? triggerIds.get(trigger) : undefined;
      if (id === undefined) throw execution.exception(signatureMismatch("ScriptApp", "deleteTrigger", [trigger]));
      registry.delete(id);
    },
    getAuthorizationInfo() {
      execution.call("ScriptApp", "getAuthorizationInfo", "other");
      const { method } = objectMethods<AuthorizationInfo>(execution, "AuthorizationInfo", () => info);
      const info: AuthorizationInfo = {
        getAuthorizationStatus: method(
          "getAuthorizationStatus",
          "other",
          () =>
            (execution.authorizationRequired
              ? AUTHORIZATION_STATUS.REQUIRED
              : AUTHORIZATION_STATUS.NOT_REQUIRED) as unknown as GoogleAppsScript.Script.AuthorizationStatus,
        ),
        getAuthorizationUrl: method("getAuthorizationUrl", "other", () => null),
      };
      return info;
    },
  };
}

/** A minute of the hour fixed by the trigger ID (FNV-1a), so a trigger keeps its minute. */
function stableMinute(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193) >>> 0;
  return hash % MINUTES_IN_AN_HOUR;
}
