/**
 * The plain-text email a schedule's owner gets after a scheduled run that failed or was blocked.
 * Names arrive on one line already, so a line break in a name cannot reshape the email.
 */

/** How the run went, worst first, as the subject and the first line say it. */
export const RUN_VERDICTS = {
  failed: "failed",
  blocked: "was blocked",
  other: "needs your attention",
} as const;

type RunVerdict = (typeof RUN_VERDICTS)[keyof typeof RUN_VERDICTS];

export function emailSubject(spreadsheet: string, verdict: RunVerdict): string {
  return `Vitable Roster Sync: the scheduled sync of "${spreadsheet}" ${verdict}`;
}

/** `ranAt` in the spreadsheet's time zone, labelled: "Nov 23, 2026, 10:00 AM EST". */
export function emailOpening(spreadsheet: string, verdict: RunVerdict, ranAt: string): string {
  return `The scheduled Vitable sync of the spreadsheet "${spreadsheet}" on ${ranAt} ${verdict}.`;
}

// --- One line per tab: `- Tab "Roster" (Vitable group "Acme"): blocked. <why>` ---

export function tabLine(tab: string, group: string, outcome: string, detail: string): string {
  return `- Tab "${tab}" (Vitable group "${group}"): ${outcome}${detail === "" ? "" : ` ${detail}`}`;
}

/** What happened to a tab; `counts` says what a completed sync changed, in words. */
export const TAB_OUTCOMES = {
  completed: (counts: string) => `synced, ${counts}.`,
  pending: "still processing at Vitable.",
  blocked: "blocked.",
  failed: "failed.",
  setting: "a setting was changed.",
} as const;

/** The counts of a completed sync, the ones above zero listed in words: "2 added and 1 removed". */
export const COUNTS_IN_WORDS = {
  added: (count: number) => `${count} added`,
  changed: (count: number) => `${count} changed`,
  removed: (count: number) => `${count} removed`,
  failed: (count: number) => `${count} rejected by Vitable`,
  invalid: (count: number) => `${count} invalid and not sent`,
} as const;

export const NO_CHANGES = "no changes";

// --- What to do, for each outcome that needs someone, in the order the email gives them ---

export const WHAT_TO_DO = {
  blocked:
    "A scheduled sync never confirms removals or leaves out rows of existing members on its own, so a " +
    "blocked tab is not synced until you act. Open the spreadsheet, select the tab, open " +
    "Extensions > Vitable Roster Sync > Open sidebar, and either fix what the message above names (the " +
    "next scheduled run then syncs the tab) or review the preview and sync the tab yourself.",
  failed:
    "The next scheduled run tries a failed tab again. If the same problem comes back, open the sidebar " +
    "(Extensions > Vitable Roster Sync > Open sidebar) and do what the message above says, for example " +
    "connect again with a new API key.",
  pending: "Vitable was still processing a tab's sync: the next scheduled run collects its outcome.",
} as const;

export function openTheSpreadsheet(url: string): string {
  return `Open the spreadsheet: ${url}`;
}

export const WHY_THIS_EMAIL =
  "You get this email because problem emails are turned on for this schedule. To stop them, open the " +
  "sidebar and turn off problem emails under Schedule.";
