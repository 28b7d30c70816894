import { SHEETS_CLASSES, type ServiceCallCounts } from "../sandbox/runtime/execution";
import { POLLING_ENDS_AFTER_MS, firstPollAt, pollDelayMs, type VitableTiming } from "../src/core/sync/pollSchedule";
import type { SheetTraffic } from "./sheetTraffic";

/**
 * Projects how long an execution measured in the sandbox would take in real Apps Script: each
 * counted service call at a published per-call latency, the cells Sheets moves, UrlFetch round
 * trips and bytes, the wait for Vitable, and the add-on's own CPU time scaled for Apps Script's
 * slower V8. Every figure carries its source; figures no one has published are marked as
 * assumptions.
 */

export interface Figure {
  value: number;
  /** Where the figure comes from: an address and what was measured there, or "assumption: …". */
  source: string;
}

export interface LatencyModel {
  /** Any call on SpreadsheetApp, Spreadsheet, Sheet, Range or RangeList, ms. */
  sheetsCallMs: Figure;
  /** Each cell a Sheets call reads or writes (appendRow's included), ms. */
  sheetsCellMs: Figure;
  /** Each character read from or written to the records sheet, whose cells are long, ms. */
  recordsCharMs: Figure;
  propertiesReadMs: Figure;
  propertiesWriteMs: Figure;
  cacheReadMs: Figure;
  cacheWriteMs: Figure;
  /** Any other server-side call (Lock, Session, ScriptApp, Protection, MailApp…), ms. */
  otherCallMs: Figure;
  /** One UrlFetchApp request's round trip, ms. */
  urlFetchRoundTripMs: Figure;
  /** Request and response bodies, megabytes (10^6 bytes) per second. */
  urlFetchMegabytesPerSecond: Figure;
  /** How many times slower Apps Script's V8 runs the add-on's code than this machine's Node. */
  cpuSlowdown: Figure;
}

export const BEST_PRACTICES_URL = "https://developers.google.com/apps-script/guides/support/best-practices";
export const SCRIPTDB_VS_SHEETS_URL =
  "https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp";
export const PERALTA_URL = "https://ziritione.org/post/apps_script_performance";
export const FETCH_ALL_URL = "https://www.pre-practice.net/2020/03/urlfetchappfetchallfetch.html";
export const NAIVE_LOOP_URL = "https://www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html";

/** A cell's cost covers a short value; the cells behind the published per-cell figures held about ten characters. */
const CHARACTERS_PER_MEASURED_CELL = 10;

const PERALTA = `${PERALTA_URL}, 100 runs`;

export const TYPICAL_MODEL: LatencyModel = {
  sheetsCallMs: {
    value: 7,
    source: `${BEST_PRACTICES_URL}: 10,000 setBackground calls one cell at a time took about 70 s`,
  },
  sheetsCellMs: {
    value: 0.0125,
    source: `${SCRIPTDB_VS_SHEETS_URL}: one setValues of 4,000 cells took under 50 ms`,
  },
  recordsCharMs: {
    value: 0.0125 / CHARACTERS_PER_MEASURED_CELL,
    source: `assumption: the per-cell cost over ${CHARACTERS_PER_MEASURED_CELL} characters (the cells measured held short values)`,
  },
  propertiesReadMs: { value: 30, source: `${PERALTA}: getScriptProperties().getProperty, mean 30 ms` },
  propertiesWriteMs: { value: 62, source: `${PERALTA}: getScriptProperties().setProperty, mean 62 ms` },
  cacheReadMs: { value: 3, source: `${PERALTA}: getScriptCache().get, mean 3 ms` },
  cacheWriteMs: { value: 93, source: `${PERALTA}: getScriptCache().put, mean 93 ms` },
  otherCallMs: { value: 30, source: "assumption: no published figure; taken equal to a Properties read" },
  urlFetchRoundTripMs: {
    value: 600,
    source: `${FETCH_ALL_URL}: three sequential UrlFetchApp.fetch calls took 1.769 s, about 0.6 s each`,
  },
  urlFetchMegabytesPerSecond: {
    value: 10,
    source: "assumption: no published figure for UrlFetchApp's transfer rate to a third-party API",
  },
  cpuSlowdown: {
    value: 3,
    source: "assumption: no published figure for Apps Script's V8 speed against a local Node process",
  },
};

/**
 * The least favourable published figure for each cost, an assumption only where nothing is
 * published: where a projection still fits, the margin is real.
 */
export const PESSIMISTIC_MODEL: LatencyModel = {
  ...TYPICAL_MODEL,
  sheetsCallMs: {
    value: 30,
    source: `${SCRIPTDB_VS_SHEETS_URL}: 400 row writes each followed by flush() took almost 12 s, 30 ms each`,
  },
  sheetsCellMs: {
    value: 0.1525,
    source: `${SCRIPTDB_VS_SHEETS_URL}: one setValues of 4,000 cells followed by flush() took 610 ms`,
  },
  recordsCharMs: {
    value: 0.1525 / CHARACTERS_PER_MEASURED_CELL,
    source: `assumption: the per-cell cost over ${CHARACTERS_PER_MEASURED_CELL} characters (the cells measured held short values)`,
  },
  propertiesReadMs: { value: 84, source: `${PERALTA}: getScriptProperties().getProperty, slowest 84 ms` },
  propertiesWriteMs: { value: 231, source: `${PERALTA}: getScriptProperties().setProperty, slowest 231 ms` },
  cacheReadMs: { value: 8, source: `${PERALTA}: getUserCache().get, slowest 8 ms` },
  cacheWriteMs: { value: 281, source: `${PERALTA}: getScriptCache().put, slowest 281 ms` },
  otherCallMs: { value: 100, source: "assumption: no published figure; about a Cache put" },
  urlFetchRoundTripMs: {
    value: 1_500,
    source: "assumption: 2.5 times the typical round trip (nothing slower published)",
  },
  urlFetchMegabytesPerSecond: { value: 1, source: "assumption: a tenth of the typical transfer rate" },
  cpuSlowdown: { value: 10, source: "assumption: a shared server ten times slower than this machine" },
};

/**
 * A naive script reading cell by cell benefits from Sheets' read-ahead cache; the best case
 * measured for such a loop.
 */
export const NAIVE_BEST_CASE_CALL_MS: Figure = {
  value: 1.5,
  source: `${NAIVE_LOOP_URL} (in Japanese, 2019-03): 1,000 getRange(i, 1).getValue() pairs took 3.06 s, about 1.5 ms per call`,
};

/**
 * How long Vitable takes to process a member sync: not documented (vitable-api.md §3.3: "usually
 * finishes within seconds for a single member; very large batches can take longer"). Assumed
 * 2 s plus 1 ms per member for the projection; the runs themselves use the emulator's default
 * timing, and the add-on's polling schedule (src/core/sync/pollSchedule.ts) turns this into a wait.
 */
export const VITABLE_PROCESSING: Figure & { perMemberMs: number } = {
  value: 2_000,
  perMemberMs: 1,
  source: "assumption: 2 s plus 1 ms per member (no SLA is documented, vitable-api.md §3.3)",
};

export function vitableProcessingMs(members: number): number {
  return VITABLE_PROCESSING.value + VITABLE_PROCESSING.perMemberMs * members;
}

/**
 * The add-on's wait for a sync Vitable takes `processingMs` over, as its polling schedule makes
 * it (the time from sending to the request that finds the sync completed), and the requests it
 * sends meanwhile.
 */
export function pollingWait(
  processingMs: number,
  members: number,
  last: VitableTiming | null,
): { waitMs: number; polls: number } {
  let at = firstPollAt(0, members, last);
  let polls = 1;
  while (at < processingMs && at < POLLING_ENDS_AFTER_MS) {
    at += pollDelayMs(polls - 1);
    polls += 1;
  }
  return { waitMs: at, polls };
}

/** Apps Script's limit for one execution (apps-script-notes.md A1). */
export const EXECUTION_LIMIT_S = 6 * 60;

type CallCategory =
  "sheets" | "urlFetch" | "propertiesRead" | "propertiesWrite" | "cacheRead" | "cacheWrite" | "other" | "notTimed";

/**
 * Calls that cost nothing here: answers already in hand (HTTPResponse), local work (Utilities,
 * builders, the getters of a service), the wait for Vitable (Utilities.sleep, counted as the wait)
 * and dialogs (a person's time, not Apps Script's).
 */
const NOT_TIMED_SERVICES = new Set([
  "HTTPResponse",
  "Utilities",
  "Ui",
  "Logger",
  "console",
  "PropertiesService",
  "CacheService",
  "LockService",
]);

export function callCategory(serviceMethod: string): CallCategory {
  const [service = "", method = ""] = serviceMethod.split(".");
  if (SHEETS_CLASSES.has(service)) return "sheets";
  if (service === "UrlFetchApp") return "urlFetch";
  if (NOT_TIMED_SERVICES.has(service) || service.endsWith("Builder")) return "notTimed";
  if (service === "Properties") return method.startsWith("get") ? "propertiesRead" : "propertiesWrite";
  if (service === "Cache") return method.startsWith("get") ? "cacheRead" : "cacheWrite";
  return "other";
}

export interface ProjectionInput {
  counts: ServiceCallCounts;
  traffic: SheetTraffic;
  /** The add-on's own CPU time on this machine, ms. */
  cpuMs: number;
  /** Time spent waiting for Vitable (Utilities.sleep while polling), ms. */
  waitMs: number;
}

export interface Projection {
  sheetsS: number;
  servicesS: number;
  urlFetchS: number;
  cpuS: number;
  waitS: number;
  /** Everything but the wait for Vitable: the execution's own time. */
  withoutWaitS: number;
  totalS: number;
  /** totalS as a share of the 6-minute limit. */
  shareOfLimit: number;
}

const MEGABYTE = 1_000_000;

/** Cells a flow moved: the runtime's count plus appendRow's row cells, which it does not count. */
export function cellsMoved(counts: ServiceCallCounts, traffic: SheetTraffic): number {
  return counts.sheetsCellsRead + counts.sheetsCellsWritten + traffic.appendRowCells;
}

export function projectExecution({ counts, traffic, cpuMs, waitMs }: ProjectionInput, model: LatencyModel): Projection {
  const serviceMs: Record<Exclude<CallCategory, "sheets" | "urlFetch" | "notTimed">, number> = {
    propertiesRead: model.propertiesReadMs.value,
    propertiesWrite: model.propertiesWriteMs.value,
    cacheRead: model.cacheReadMs.value,
    cacheWrite: model.cacheWriteMs.value,
    other: model.otherCallMs.value,
  };
  let servicesMs = 0;
  for (const [key, calls] of Object.entries(counts.byMethod)) {
    const category = callCategory(key);
    if (category in serviceMs) servicesMs += calls * serviceMs[category as keyof typeof serviceMs];
  }
  const recordsChars = traffic.recordsCharsRead + traffic.recordsCharsWritten;
  const sheetsMs =
    counts.sheetsCalls * model.sheetsCallMs.value +
    cellsMoved(counts, traffic) * model.sheetsCellMs.value +
    recordsChars * model.recordsCharMs.value;
  const bytes = counts.urlFetchBytesSent + counts.urlFetchBytesReceived;
  const urlFetchMs =
    counts.urlFetches * model.urlFetchRoundTripMs.value +
    (bytes / MEGABYTE / model.urlFetchMegabytesPerSecond.value) * 1_000;
  const projection = {
    sheetsS: sheetsMs / 1_000,
    servicesS: servicesMs / 1_000,
    urlFetchS: urlFetchMs / 1_000,
    cpuS: (cpuMs * model.cpuSlowdown.value) / 1_000,
    waitS: waitMs / 1_000,
  };
  const withoutWaitS = projection.sheetsS + projection.servicesS + projection.urlFetchS + projection.cpuS;
  const totalS = withoutWaitS + projection.waitS;
  return { ...projection, withoutWaitS, totalS, shareOfLimit: totalS / EXECUTION_LIMIT_S };
}
