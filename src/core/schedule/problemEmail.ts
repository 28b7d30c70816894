import {
  COUNTS_IN_WORDS,
  emailOpening,
  emailSubject,
  NO_CHANGES,
  openTheSpreadsheet,
  RUN_VERDICTS,
  TAB_OUTCOMES,
  tabLine,
  WHAT_TO_DO,
  WHY_THIS_EMAIL,
} from "../../messages/problemEmail";
import type { LogEntry, SyncCounts } from "../log/logEntry";
import { listInWords } from "../text/wording";
import { zonedTimeText } from "./zonedClock";

export interface ProblemEmail {
  subject: string;
  body: string;
}

export interface ProblemEmailInput {
  spreadsheetName: string;
  spreadsheetUrl: string;
  /** The log entries of the scheduled run, one per tab it synced or tried to. */
  entries: readonly LogEntry[];
  /** When the run started, epoch ms, told in the spreadsheet's `timeZone`. */
  ranAt: number;
  timeZone: string;
}

/**
 * The email sent to a schedule's owner, when they asked for it, after a scheduled run that failed
 * or was blocked: plain text, what happened to each tab, what to do, and a link to the
 * spreadsheet. Log entries never name members, and nothing here adds anyone's personal data.
 */
export function problemEmail(input: ProblemEmailInput): ProblemEmail {
  const { spreadsheetName, spreadsheetUrl, entries } = input;
  const outcomes = new Set(entries.map((entry) => entry.outcome));
  const verdict = outcomes.has("failed")
    ? RUN_VERDICTS.failed
    : outcomes.has("blocked")
      ? RUN_VERDICTS.blocked
      : RUN_VERDICTS.other;
  const name = oneLine(spreadsheetName);
  const advice = (Object.keys(WHAT_TO_DO) as (keyof typeof WHAT_TO_DO)[])
    .filter((outcome) => outcomes.has(outcome))
    .map((outcome) => WHAT_TO_DO[outcome]);
  const paragraphs = [
    emailOpening(name, verdict, zonedTimeText(input.ranAt, input.timeZone)),
    entries.map(tabLineOf).join("\n"),
    ...advice,
    openTheSpreadsheet(spreadsheetUrl),
    WHY_THIS_EMAIL,
  ];
  return {
    subject: emailSubject(name, verdict),
    body: paragraphs.filter((paragraph) => paragraph !== "").join("\n\n") + "\n",
  };
}

function tabLineOf(entry: LogEntry): string {
  const outcome =
    entry.outcome === "completed" ? TAB_OUTCOMES.completed(countsInWords(entry.counts)) : TAB_OUTCOMES[entry.outcome];
  return tabLine(oneLine(entry.tab), oneLine(entry.group), outcome, oneLine(entry.detail));
}

/** "2 added and 1 removed", or "no changes". */
function countsInWords(counts: SyncCounts): string {
  const parts = (Object.keys(COUNTS_IN_WORDS) as (keyof SyncCounts)[])
    .filter((count) => counts[count] > 0)
    .map((count) => COUNTS_IN_WORDS[count](counts[count]));
  return parts.length === 0 ? NO_CHANGES : listInWords(parts);
}

/** Names and messages on one line, so a line break in a name cannot reshape the email. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
