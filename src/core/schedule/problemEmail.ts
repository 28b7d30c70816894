import type { LogEntryView, SyncCounts } from "../../shared/bridge";
import { listInWords } from "../text/wording";

export interface ProblemEmail {
  subject: string;
  body: string;
}

export interface ProblemEmailInput {
  spreadsheetName: string;
  spreadsheetUrl: string;
  /** The log entries of the scheduled run, one per tab it synced or tried to. */
  entries: readonly LogEntryView[];
}

/** What to do about each outcome that needs someone, in the order the email gives them. */
const WHAT_TO_DO = {
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

/**
 * The email sent to a schedule's owner, when they asked for it, after a scheduled run that failed
 * or was blocked: plain text, what happened to each tab, what to do, and a link to the
 * spreadsheet. Log entries never name members, and nothing here adds anyone's personal data.
 */
export function problemEmail({ spreadsheetName, spreadsheetUrl, entries }: ProblemEmailInput): ProblemEmail {
  const outcomes = new Set(entries.map((entry) => entry.outcome));
  const verdict = outcomes.has("failed") ? "failed" : outcomes.has("blocked") ? "was blocked" : "needs your attention";
  const name = oneLine(spreadsheetName);
  const advice = (Object.keys(WHAT_TO_DO) as (keyof typeof WHAT_TO_DO)[])
    .filter((outcome) => outcomes.has(outcome))
    .map((outcome) => WHAT_TO_DO[outcome]);
  const paragraphs = [
    `The scheduled Vitable sync of the spreadsheet "${name}" ${verdict}.`,
    entries.map(tabLine).join("\n"),
    ...advice,
    `Open the spreadsheet: ${spreadsheetUrl}`,
    "You get this email because problem emails are turned on for this schedule. To stop them, open the " +
      "sidebar and turn off problem emails under Schedule.",
  ];
  return {
    subject: `Vitable Roster Sync: the scheduled sync of "${name}" ${verdict}`,
    body: paragraphs.filter((paragraph) => paragraph !== "").join("\n\n") + "\n",
  };
}

/** `- Tab "Roster" (Vitable group "Acme"): blocked. <why>` */
function tabLine(entry: LogEntryView): string {
  const tab = `- Tab "${oneLine(entry.tab)}" (Vitable group "${oneLine(entry.group)}")`;
  const detail = entry.detail.trim() === "" ? "" : ` ${oneLine(entry.detail)}`;
  switch (entry.outcome) {
    case "completed":
      return `${tab}: synced, ${countsInWords(entry.counts)}.${detail}`;
    case "pending":
      return `${tab}: still processing at Vitable.${detail}`;
    case "blocked":
    case "failed":
      return `${tab}: ${entry.outcome}.${detail}`;
  }
}

/** "2 added and 1 removed", or "no changes". */
function countsInWords(counts: SyncCounts): string {
  const parts = [
    counts.added > 0 ? `${counts.added} added` : "",
    counts.changed > 0 ? `${counts.changed} changed` : "",
    counts.removed > 0 ? `${counts.removed} removed` : "",
    counts.failed > 0 ? `${counts.failed} rejected by Vitable` : "",
    counts.invalid > 0 ? `${counts.invalid} invalid and not sent` : "",
  ].filter((part) => part !== "");
  return parts.length === 0 ? "no changes" : listInWords(parts);
}

/** Names and messages on one line, so a line break in a name cannot reshape the email. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
