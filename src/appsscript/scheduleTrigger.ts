import {
  parseScheduleRegistry,
  scheduleBySpreadsheet,
  scheduleByTrigger,
  serializeScheduleRegistry,
  withSchedule,
  withTriggersOnly,
  type ScheduleEntry,
  type ScheduleRegistry,
} from "../core/schedule/scheduleRegistry";
import type { Frequency } from "../core/schedule/frequencySchema";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Trigger = GoogleAppsScript.Script.Trigger;

/** The top-level function every schedule trigger calls. */
export const SCHEDULED_SYNC_HANDLER = "runScheduledSync";

/** The user property holding this user's schedules (scheduleRegistry.ts). */
const REGISTRY_KEY = "vitable.schedules";

/**
 * Deletes this user's clock triggers for the spreadsheet (ScriptApp.getUserTriggers), creates
 * the new one (everyHours(n) | atHour(h).everyDays(1) | onWeekDay(d).atHour(h), inTimezone(tz)),
 * records it in the user's registry, and returns its unique ID. An Editor add-on may keep only
 * one time-driven trigger per user per spreadsheet, so the old one must go first: when this
 * throws, the spreadsheet may be left with no schedule.
 */
export function installSchedule(
  spreadsheet: Spreadsheet,
  frequency: Frequency,
  emailOnProblem: boolean,
  timeZone: string,
): string {
  const registry = readRegistry();
  const otherTriggers = deleteTriggersOf(spreadsheet, registry);
  const createdAt = new Date().toISOString();
  const trigger = clockTrigger(frequency).inTimezone(timeZone).create();
  const triggerId = trigger.getUniqueId();
  const entry = { triggerId, spreadsheetId: spreadsheet.getId(), frequency, emailOnProblem, timeZone, createdAt };
  try {
    writeRegistry(withSchedule(withTriggersOnly(registry, otherTriggers), entry));
  } catch (error) {
    // A trigger missing from the registry would fire without knowing its spreadsheet (a full
    // property store refuses the write): it goes too.
    ScriptApp.deleteTrigger(trigger);
    throw error;
  }
  return triggerId;
}

export function removeSchedule(spreadsheet: Spreadsheet): void {
  const registry = readRegistry();
  const otherTriggers = deleteTriggersOf(spreadsheet, registry);
  const remaining = withTriggersOnly(registry, otherTriggers);
  if (remaining.size !== registry.size) writeRegistry(remaining);
}

/**
 * The registry entry of this user for the spreadsheet, or null. Null too when its trigger no
 * longer exists (deleted from the Apps Script dashboard, or the add-on was turned off), since
 * nothing would run it. Needs AuthMode.FULL (ScriptApp).
 */
export function scheduleOf(spreadsheetId: string): ScheduleEntry | null {
  const entry = scheduleBySpreadsheet(readRegistry(), spreadsheetId);
  if (entry === null) return null;
  const exists = ScriptApp.getProjectTriggers().some((trigger) => trigger.getUniqueId() === entry.triggerId);
  return exists ? entry : null;
}

/** The registry entry a trigger was set up for (from e.triggerUid), or null. */
export function scheduleForTrigger(triggerUid: string): ScheduleEntry | null {
  return scheduleByTrigger(readRegistry(), triggerUid);
}

function clockTrigger(frequency: Frequency): GoogleAppsScript.Script.ClockTriggerBuilder {
  const builder = ScriptApp.newTrigger(SCHEDULED_SYNC_HANDLER).timeBased();
  switch (frequency.kind) {
    case "hours":
      return builder.everyHours(frequency.every);
    case "daily":
      return builder.atHour(frequency.hour).everyDays(1);
    case "weekly":
      return builder.onWeekDay(ScriptApp.WeekDay[frequency.day]).atHour(frequency.hour);
  }
}

/**
 * Deletes this user's schedule triggers of the spreadsheet and returns the unique IDs of the
 * user's other triggers, whose registry entries stay: entries of any other trigger are stale. The
 * trigger the registry names is deleted too, in case getUserTriggers does not list an add-on's
 * time-driven triggers under the document (apps-script-notes.md A6): two triggers would sync
 * the spreadsheet twice.
 */
function deleteTriggersOf(spreadsheet: Spreadsheet, registry: ScheduleRegistry): string[] {
  const isClock = (trigger: Trigger) => trigger.getEventType() === ScriptApp.EventType.CLOCK;
  const doomed = new Set(
    ScriptApp.getUserTriggers(spreadsheet)
      .filter(isClock)
      .map((trigger) => trigger.getUniqueId()),
  );
  const recorded = scheduleBySpreadsheet(registry, spreadsheet.getId());
  if (recorded !== null) doomed.add(recorded.triggerId);
  const others: string[] = [];
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (doomed.has(trigger.getUniqueId())) ScriptApp.deleteTrigger(trigger);
    else others.push(trigger.getUniqueId());
  }
  return others;
}

function readRegistry(): ScheduleRegistry {
  return parseScheduleRegistry(PropertiesService.getUserProperties().getProperty(REGISTRY_KEY));
}

function writeRegistry(registry: ScheduleRegistry): void {
  PropertiesService.getUserProperties().setProperty(REGISTRY_KEY, serializeScheduleRegistry(registry));
}
