import {
  allTabLinks,
  removeTabLink,
  saveTabLink,
  saveTabSettings,
  tabLinkOf,
  tabSettingsOf,
  type TabLink,
} from "../../core/state/tabLink";
import { MAX_BRAKE_MINIMUM, MAX_BRAKE_PERCENT, removalBrakeSchema } from "../../core/sync/removalBrake";
import type { Group } from "../../vitable/apiSchemas";
import type { GroupView, TabView } from "../../shared/bridge";
import { AddonError } from "../addonError";
import type { AddonContext } from "../context";
import { pendingSyncOf } from "../../core/state/pendingSync";
import { saveCreatedGroup } from "../../core/state/createdGroups";
import { logEntryView, pendingView } from "../views";
import { latestOutcome, tabSyncRecordOf } from "../../core/state/tabSyncRecord";
import {
  enterGroupField,
  GROUP_FIELDS,
  groupFieldTooLong,
  linkedToAnotherTab,
  WAIT_BEFORE_LINKING,
  WAIT_BEFORE_UNLINKING,
} from "../../messages/groups";
import { NOT_LINKED } from "../../messages/sync";
import { brakeOutOfBounds } from "../../messages/groups";
import { syncMarker } from "./activeTab";
import { brakeSummary } from "../../messages/sidebar";
import { SETTING_CHANGES } from "../../messages/logTab";
import { logSettingChange } from "./settingLog";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const MAX_TEXT = 255;

/** The group a tab is linked to, or a sentence saying to link one first. */
export function linkedGroupOf(context: AddonContext, sheetId: number): TabLink {
  const link = tabLinkOf(context.records, sheetId);
  if (link === null) {
    throw new AddonError(NOT_LINKED);
  }
  return link;
}

export function tabView(context: AddonContext, sheet: Sheet): TabView {
  // The execution's own view of the tab: its ID and name are asked of Sheets once.
  const tab = context.tabOf(sheet);
  const sheetId = tab.sheetId;
  const name = tab.name();
  const link = tabLinkOf(context.records, sheetId);
  const settings = tabSettingsOf(context.records, sheetId);
  const latest = latestOutcome(tabSyncRecordOf(context.records, sheetId));
  return {
    sheetId,
    name,
    link: link && { groupId: link.groupId, groupName: link.groupName, externalReferenceId: link.externalReferenceId },
    brake: settings.brake,
    headerRow: settings.headerRow,
    pending: pendingView(pendingSyncOf(context.records, sheetId)),
    // The latest outcome kept by sheet ID, under the tab's current name.
    lastSync: latest && logEntryView({ ...latest, tab: name }),
    syncMarker: syncMarker(context, sheetId),
  };
}

/** Every group of the organization, with the tab of this spreadsheet linked to it. */
export function listGroups(context: AddonContext): GroupView[] {
  const links = allTabLinks(context.records);
  return context
    .vitable()
    .listGroups()
    .map((group) => groupView(context, group, links));
}

function groupView(context: AddonContext, group: Group, links: readonly TabLink[]): GroupView {
  const link = links.find((candidate) => candidate.groupId === group.id);
  const sheet = link ? context.spreadsheet.getSheetById(link.sheetId) : null;
  return {
    id: group.id,
    name: group.name,
    externalReferenceId: group.external_reference_id ?? "",
    linkedTab: link && sheet ? { sheetId: link.sheetId, name: sheet.getName() } : null,
  };
}

function requiredText(value: string, field: keyof typeof GROUP_FIELDS): string {
  const text = value.trim();
  if (text === "") throw new AddonError(enterGroupField(GROUP_FIELDS[field]));
  if (text.length > MAX_TEXT) throw new AddonError(groupFieldTooLong(GROUP_FIELDS[field], MAX_TEXT));
  return text;
}

/** Creates a group, recorded as known to hold nobody, so its first sync has nothing to ask about. */
export function createGroup(context: AddonContext, name: string, externalReferenceId: string): GroupView {
  const group = context.vitable().createGroup({
    name: requiredText(name, "name"),
    external_reference_id: requiredText(externalReferenceId, "externalReferenceId"),
  });
  saveCreatedGroup(context.records, {
    groupId: group.id,
    createdAt: new Date(context.now()).toISOString(),
    createdBy: context.user,
  });
  return groupView(context, group, allTabLinks(context.records));
}

export function renameGroup(context: AddonContext, groupId: string, name: string): GroupView {
  const group = context.vitable().updateGroup(groupId, { name: requiredText(name, "name") });
  const links = allTabLinks(context.records);
  const link = links.find((candidate) => candidate.groupId === groupId);
  if (link) saveTabLink(context.records, { ...link, groupName: group.name });
  return groupView(context, group, links);
}

/**
 * Links a tab to a group. A group takes at most one tab of a spreadsheet: two tabs replacing
 * one group's roster would remove each other's people.
 */
export function linkTab(context: AddonContext, sheet: Sheet, groupId: string): TabView {
  const sheetId = sheet.getSheetId();
  const other = allTabLinks(context.records).find((link) => link.groupId === groupId && link.sheetId !== sheetId);
  const otherSheet = other ? context.spreadsheet.getSheetById(other.sheetId) : null;
  if (other && otherSheet) {
    throw new AddonError(linkedToAnotherTab(otherSheet.getName()));
  }
  if (pendingSyncOf(context.records, sheetId) !== null) {
    throw new AddonError(WAIT_BEFORE_LINKING);
  }
  const group = context.vitable().getGroup(groupId);
  if (other) removeTabLink(context.records, other.sheetId);
  saveTabLink(context.records, {
    sheetId,
    groupId: group.id,
    groupName: group.name,
    externalReferenceId: group.external_reference_id ?? "",
    linkedAt: new Date(context.now()).toISOString(),
    linkedBy: context.user,
  });
  return tabView(context, sheet);
}

export function unlinkTab(context: AddonContext, sheet: Sheet): TabView {
  const sheetId = sheet.getSheetId();
  if (pendingSyncOf(context.records, sheetId) !== null) {
    throw new AddonError(WAIT_BEFORE_UNLINKING);
  }
  removeTabLink(context.records, sheetId);
  return tabView(context, sheet);
}

/** The removal limit is a safeguard any editor can loosen, so every change is logged with who made it. */
export function setBrake(context: AddonContext, sheet: Sheet, asked: { minimum: number; percent: number }): TabView {
  const checked = removalBrakeSchema.safeParse(asked);
  if (!checked.success) throw new AddonError(brakeOutOfBounds(MAX_BRAKE_MINIMUM, MAX_BRAKE_PERCENT));
  const sheetId = sheet.getSheetId();
  const settings = tabSettingsOf(context.records, sheetId);
  const from = brakeSummary(settings.brake.minimum, settings.brake.percent);
  const to = brakeSummary(checked.data.minimum, checked.data.percent);
  if (from === to) return tabView(context, sheet);
  saveTabSettings(context.records, sheetId, { ...settings, brake: checked.data });
  logSettingChange(context, SETTING_CHANGES.removalLimit(from, to), {
    tab: sheet.getName(),
    group: tabLinkOf(context.records, sheetId)?.groupName ?? "",
  });
  return tabView(context, sheet);
}
