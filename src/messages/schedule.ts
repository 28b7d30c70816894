/** Sentences about a spreadsheet's scheduled syncs: how often they run, and who may change them. */

// --- How often: "Every 6 hours", "Daily at 9 am", "Weekly on Monday at 5 pm" ---

export function everyHours(every: number): string {
  return every === 1 ? "Every hour" : `Every ${every} hours`;
}

export function dailyAt(hour: number): string {
  return `Daily at ${hourInWords(hour)}`;
}

/** `day` as people write it: "Monday". */
export function weeklyOn(day: string, hour: number): string {
  return `Weekly on ${day} at ${hourInWords(hour)}`;
}

/** The 12-hour clock people read: "9 am", "5 pm"; "midnight" and "noon" rather than "12 am" and "12 pm". */
function hourInWords(hour: number): string {
  if (hour === 0) return "midnight";
  if (hour === 12) return "noon";
  return hour < 12 ? `${hour} am` : `${hour - 12} pm`;
}

export const NO_SCHEDULE = "No scheduled syncs";

// --- Setting one up ---

/** A schedule's trigger belongs to the person it runs as: only they can change it. */
export function scheduleOwnedBy(owner: string): string {
  return `${owner} set up the schedule of this spreadsheet, and it runs as them. Ask them to change or remove it.`;
}

export const LINK_BEFORE_SCHEDULING =
  "Link a tab to a Vitable group before scheduling syncs: a scheduled run syncs every linked tab.";

/** A scheduled run whose key was disconnected from the spreadsheet (or replaced) since it was set up. */
export const SCHEDULE_KEY_GONE =
  "The scheduled sync did not run: the Vitable key it used has been disconnected from this spreadsheet. " +
  "Connect a key in the sidebar, then set up the schedule again.";

/** A scheduled run after an update asked for a permission its owner has not approved yet. */
export const SCHEDULE_NEEDS_APPROVAL =
  "The scheduled sync did not run: an update of the add-on needs a permission you have not approved yet. " +
  "Open the spreadsheet and choose Extensions ▸ Vitable Roster Sync ▸ Open sidebar once to approve it; later scheduled syncs then run.";
