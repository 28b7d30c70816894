import { saveScheduleConnection } from "../../appsscript/connectionStore";
import { forgetRecordsKeyCopy } from "../../appsscript/recordsKey";
import { installSchedule, removeSchedule } from "../../appsscript/scheduleTrigger";
import { describeFrequency, nextRunAfter } from "../../core/schedule/frequency";
import { saveScheduleSummary, scheduleSummaryOf } from "../../core/state/scheduleSummary";
import { allTabLinks } from "../../core/state/tabLink";
import type { Frequency, ScheduleView } from "../../shared/bridge";
import { AddonError } from "../addonError";
import { LINK_BEFORE_SCHEDULING, NO_SCHEDULE, scheduleOwnedBy } from "../../messages/schedule";
import { NOT_CONNECTED } from "../../messages/sync";
import type { AddonContext } from "../context";

export function scheduleView(context: AddonContext): ScheduleView {
  const summary = scheduleSummaryOf(context.records);
  if (summary === null) {
    return {
      frequency: null,
      description: NO_SCHEDULE,
      runsAs: null,
      ownedByYou: false,
      emailOnProblem: false,
      lastRun: null,
      nextRun: null,
    };
  }
  const since = Date.parse(summary.lastRun?.at ?? summary.createdAt);
  const nextRun = nextRunAfter(summary.frequency, { now: context.now(), since, timeZone: context.timeZone });
  return {
    frequency: summary.frequency,
    description: describeFrequency(summary.frequency),
    runsAs: summary.runsAs,
    ownedByYou: summary.runsAs === context.user,
    emailOnProblem: summary.emailOnProblem,
    lastRun: summary.lastRun,
    nextRun: new Date(nextRun).toISOString(),
  };
}

/** Only the person a schedule runs as can change it: the trigger is theirs (one per user per document). */
function ensureOwnSchedule(context: AddonContext): void {
  const summary = scheduleSummaryOf(context.records);
  if (summary !== null && summary.runsAs !== context.user) {
    throw new AddonError(scheduleOwnedBy(summary.runsAs));
  }
}

/** Schedule (product.md §5): one time-driven trigger for the spreadsheet, running as this user. */
export function setSchedule(context: AddonContext, frequency: Frequency, emailOnProblem: boolean): ScheduleView {
  ensureOwnSchedule(context);
  if (context.connection === null) throw new AddonError(NOT_CONNECTED);
  if (allTabLinks(context.records).length === 0) {
    throw new AddonError(LINK_BEFORE_SCHEDULING);
  }
  // The key's copy first: a run without it could not call Vitable.
  saveScheduleConnection(context.spreadsheetId, context.connection);
  let triggerId: string;
  try {
    triggerId = installSchedule(context.spreadsheet, frequency, emailOnProblem, context.timeZone);
  } catch (error) {
    // The old trigger may be gone already: the sidebar must not show a schedule that no longer runs.
    saveScheduleSummary(context.records, null);
    throw error;
  }
  saveScheduleSummary(context.records, {
    runsAs: context.user,
    triggerId,
    frequency,
    emailOnProblem,
    createdAt: new Date(context.now()).toISOString(),
    lastRun: scheduleSummaryOf(context.records)?.lastRun ?? null,
  });
  return scheduleView(context);
}

export function clearSchedule(context: AddonContext): ScheduleView {
  ensureOwnSchedule(context);
  removeSchedule(context.spreadsheet);
  saveScheduleConnection(context.spreadsheetId, null);
  forgetRecordsKeyCopy(context.spreadsheetId);
  saveScheduleSummary(context.records, null);
  return scheduleView(context);
}
