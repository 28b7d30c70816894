import type { TriggerRecord } from "../../runtime/services/scriptApp";
import type { MenuEntry, RecordedMenu } from "../../runtime/spreadsheet/uiRecorder";
import type { AddonMenuView, MenuEntryView, ScheduleView } from "../shared/api";

function entryView(entry: MenuEntry): MenuEntryView {
  switch (entry.type) {
    case "item":
      return { type: "item", caption: entry.caption };
    case "separator":
      return { type: "separator" };
    case "submenu":
      return { type: "submenu", title: entry.menu.title, entries: entry.menu.entries.map(entryView) };
  }
}

/** Extensions ▸ <add-on> as the script last added it, captions only (items run by their captions). */
export function addonMenuView(menu: RecordedMenu | undefined): AddonMenuView | null {
  return menu === undefined ? null : { title: menu.title, entries: menu.entries.map(entryView) };
}

const NEXT_RUN_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: "short",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
};

/** The next run of the spreadsheet's time-driven triggers, in the spreadsheet's time zone. */
export function scheduleView(
  triggers: readonly TriggerRecord[],
  spreadsheetId: string,
  timeZone: string,
): ScheduleView {
  const runs = triggers
    .filter((trigger) => trigger.documentId === spreadsheetId && trigger.nextRunAt !== null)
    .map((trigger) => trigger.nextRunAt!);
  if (runs.length === 0) return { nextRunAt: null, nextRunText: null };
  const nextRunAt = Math.min(...runs);
  return {
    nextRunAt,
    nextRunText: new Intl.DateTimeFormat("en-US", { ...NEXT_RUN_FORMAT, timeZone }).format(nextRunAt),
  };
}
