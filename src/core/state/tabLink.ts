import * as z from "zod/mini";
import { columnMappingSchema, type ColumnMapping } from "../roster/columnMapping";
import { DEFAULT_REMOVAL_BRAKE, removalBrakeSchema } from "../sync/removalBrake";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/** A tab linked to the Vitable group whose roster it is, with its own settings. */
export const tabLinkSchema = z.object({
  sheetId: z.int(),
  groupId: z.string(),
  groupName: z.string(),
  externalReferenceId: z.string(),
  linkedAt: z.string(),
  linkedBy: z.string(),
});
export type TabLink = z.infer<typeof tabLinkSchema>;

/**
 * Per-tab settings; they outlive a link, so relinking keeps a brake and columns the user chose.
 * `mapping` is absent until the user chooses columns themselves.
 */
export const tabSettingsSchema = z.object({
  brake: removalBrakeSchema,
  headerRow: z.int().check(z.gte(1)),
  mapping: z.optional(columnMappingSchema),
});
export type TabSettings = z.infer<typeof tabSettingsSchema>;

export const DEFAULT_TAB_SETTINGS: TabSettings = { brake: DEFAULT_REMOVAL_BRAKE, headerRow: 1 };

const LINK_PREFIX = "link:";
const SETTINGS_PREFIX = "settings:";

function parseWith<T>(schema: z.ZodMiniType<T>) {
  return (value: unknown): T | null => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
}

export function tabLinkOf(records: Records, sheetId: number): TabLink | null {
  return readJsonRecord(records, LINK_PREFIX + sheetId, parseWith(tabLinkSchema));
}

export function allTabLinks(records: Records): TabLink[] {
  const links: TabLink[] = [];
  for (const key of records.keys(LINK_PREFIX)) {
    const link = readJsonRecord(records, key, parseWith(tabLinkSchema));
    if (link !== null) links.push(link);
  }
  return links;
}

export function saveTabLink(records: Records, link: TabLink): void {
  writeJsonRecord(records, LINK_PREFIX + link.sheetId, link);
}

export function removeTabLink(records: Records, sheetId: number): void {
  records.set(LINK_PREFIX + sheetId, null);
}

export function tabSettingsOf(records: Records, sheetId: number): TabSettings {
  return readJsonRecord(records, SETTINGS_PREFIX + sheetId, parseWith(tabSettingsSchema)) ?? DEFAULT_TAB_SETTINGS;
}

export function saveTabSettings(records: Records, sheetId: number, settings: TabSettings): void {
  writeJsonRecord(records, SETTINGS_PREFIX + sheetId, settings);
}

/** Where a tab's header row is and which columns the user chose: what finds its columns again. */
export interface TabLayout {
  headerRow: number;
  mapping: ColumnMapping | null;
}

/** The layout of a tab, as its statuses are written back by. */
export function tabLayoutOf(records: Records, sheetId: number): TabLayout {
  const { headerRow, mapping } = tabSettingsOf(records, sheetId);
  return { headerRow, mapping: mapping ?? null };
}
