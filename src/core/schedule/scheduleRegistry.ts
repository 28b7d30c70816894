import * as z from "zod/mini";
import { frequencySchema } from "./frequencySchema";

/**
 * Which spreadsheet each of a user's schedule triggers was set up for. A time-driven trigger
 * fires with no spreadsheet open and only its unique ID in the event, so the handler looks the
 * spreadsheet up here. Stored as one small JSON object keyed by trigger ID in the user's
 * properties: a user has at most 20 triggers in the add-on.
 */
const scheduleRecordSchema = z.object({
  spreadsheetId: z.string().check(z.minLength(1)),
  frequency: frequencySchema,
  emailOnProblem: z.boolean(),
  /** The time zone the trigger was created in: its daily and weekly hours follow this wall clock. */
  timeZone: z.string().check(z.minLength(1)),
  /** When the trigger was created: hourly runs are counted from it. */
  createdAt: z.iso.datetime(),
});

type ScheduleRecord = z.infer<typeof scheduleRecordSchema>;

/** Schedules by trigger unique ID. */
export type ScheduleRegistry = ReadonlyMap<string, ScheduleRecord>;

/** A schedule with the unique ID of the trigger that runs it. */
export type ScheduleEntry = ScheduleRecord & { triggerId: string };

/**
 * Reads the stored registry. Never throws: a missing or unreadable value is an empty registry,
 * and an entry that cannot be read is left out while the others are kept.
 */
export function parseScheduleRegistry(text: string | null): ScheduleRegistry {
  const registry = new Map<string, ScheduleRecord>();
  if (text === null) return registry;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return registry;
  }
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return registry;
  for (const [triggerId, value] of Object.entries(stored)) {
    const record = scheduleRecordSchema.safeParse(value);
    if (record.success && triggerId !== "") registry.set(triggerId, record.data);
  }
  return registry;
}

export function serializeScheduleRegistry(registry: ScheduleRegistry): string {
  return JSON.stringify(Object.fromEntries(registry));
}

/** The registry with `entry` added, replacing any schedule of the same spreadsheet. */
export function withSchedule(registry: ScheduleRegistry, { triggerId, ...record }: ScheduleEntry): ScheduleRegistry {
  return new Map(withoutSpreadsheet(registry, record.spreadsheetId)).set(triggerId, record);
}

/** The registry without the schedule of a spreadsheet. */
export function withoutSpreadsheet(registry: ScheduleRegistry, spreadsheetId: string): ScheduleRegistry {
  return keepOnly(registry, (_triggerId, record) => record.spreadsheetId !== spreadsheetId);
}

/** The registry without schedules whose trigger is gone (deleted elsewhere, or failed to be created). */
export function withTriggersOnly(registry: ScheduleRegistry, triggerIds: readonly string[]): ScheduleRegistry {
  const existing = new Set(triggerIds);
  return keepOnly(registry, (triggerId) => existing.has(triggerId));
}

export function scheduleByTrigger(registry: ScheduleRegistry, triggerId: string): ScheduleEntry | null {
  const record = registry.get(triggerId);
  return record === undefined ? null : { triggerId, ...record };
}

export function scheduleBySpreadsheet(registry: ScheduleRegistry, spreadsheetId: string): ScheduleEntry | null {
  for (const [triggerId, record] of registry) {
    if (record.spreadsheetId === spreadsheetId) return { triggerId, ...record };
  }
  return null;
}

function keepOnly(
  registry: ScheduleRegistry,
  keep: (triggerId: string, record: ScheduleRecord) => boolean,
): ScheduleRegistry {
  return new Map([...registry].filter(([triggerId, record]) => keep(triggerId, record)));
}
