import { SHEETS_CLASSES, type ServiceCallCounts } from "../sandbox/runtime/execution";

/**
 * Projects how long an execution measured in the sandbox would take in real Apps Script: each
 * counted service call at a published per-call latency, the cells Sheets moves, UrlFetch round
 * trips and bytes, the wait for Vitable, and the add-on's own CPU time scaled for Apps Script's
 * slower V8. Every figure carries its source; figures no one has published are marked as
 * assumptions.
 */

export interface Figure {
  value: number;
  source: string;
}

export interface LatencyModel {
  /** Any call on SpreadsheetApp, Spreadsheet, Sheet, Range or RangeList, ms. */
  sheetsCallMs: Figure;
  /** Each cell a Sheets call reads or writes, ms. */
  sheetsCellMs: Figure;
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

const BEST_PRACTICES =
  "Google, Apps Script best practices (developers.google.com/apps-script/guides/support/best-practices; apps-script-notes.md A9)";
const PERALTA =
  "L. Peralta, 'Google Apps Script APIs performance' (ziritione.org/post/apps_script_performance), mean of 100 runs";

export const TYPICAL_MODEL: LatencyModel = {
  sheetsCallMs: {
    value: 7,
    source: `${BEST_PRACTICES}: 10,000 setBackground calls one cell at a time took about 70 s`,
  },
  sheetsCellMs: {
    value: 0.0125,
    source:
      "Stack Overflow, 'What is faster: ScriptDb or SpreadsheetApp?' (copy at ruby-bash.developreference.com/article/29263774): one setValues of 4,000 cells took under 50 ms",
  },
  propertiesReadMs: { value: 30, source: `${PERALTA}: getScriptProperties().getProperty 30 ms` },
  propertiesWriteMs: { value: 62, source: `${PERALTA}: getScriptProperties().setProperty 62 ms` },
  cacheReadMs: { value: 3, source: `${PERALTA}: getScriptCache().get 3 ms` },
  cacheWriteMs: { value: 93, source: `${PERALTA}: getScriptCache().put 93 ms` },
  otherCallMs: { value: 30, source: "assumption: no published figure; taken equal to a Properties read" },
  urlFetchRoundTripMs: {
    value: 600,
    source:
      "pre-practice.net, 'UrlFetchApp.fetchAll' (2020-03): three sequential UrlFetchApp.fetch calls took 1.769 s, about 0.6 s each",
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

/** Every figure at its least favourable: where a projection still fits, the margin is real. */
export const PESSIMISTIC_MODEL: LatencyModel = {
  ...TYPICAL_MODEL,
  sheetsCallMs: {
    value: 50,
    source:
      "assumption: the upper end of 'tens of ms' per call; a read after a write flushes the write cache (best practices)",
  },
  sheetsCellMs: { value: 0.1, source: `${BEST_PRACTICES}: one setBackgrounds over 10,000 cells took about 1 s` },
  otherCallMs: { value: 100, source: "assumption: about the slowest call Peralta measured (Cache put, 93 ms)" },
  urlFetchRoundTripMs: { value: 1_500, source: "assumption: 2.5 times the typical round trip" },
  urlFetchMegabytesPerSecond: { value: 1, source: "assumption: a tenth of the typical transfer rate" },
  cpuSlowdown: { value: 10, source: "assumption: a shared server ten times slower than this machine" },
};

/**
 * A naive script reading cell by cell benefits from Sheets' read-ahead cache; the best case
 * measured for such a loop.
 */
export const NAIVE_BEST_CASE_CALL_MS: Figure = {
  value: 1.5,
  source:
    "bugbugnow.net, 'Speeding up spreadsheet processing in Google Apps Script' (in Japanese, 2019-03, www.bugbugnow.net/2019/03/GoogleAppsScript-speed-up.html): 1,000 getRange(i, 1).getValue() pairs took 3.06 s, about 1.5 ms per call",
};

/**
 * How long Vitable takes to process a member sync: not documented (vitable-api.md §3.3: "usually
 * finishes within seconds for a single member; very large batches can take longer"). Assumed
 * 2 s plus 1 ms per member; the emulator is set to it, so the add-on's real polling schedule
 * decides how long the sync waits.
 */
export const VITABLE_PROCESSING: Figure & { perMemberMs: number } = {
  value: 2_000,
  perMemberMs: 1,
  source: "assumption: 2 s plus 1 ms per member (no SLA is documented, vitable-api.md §3.3)",
};

export function vitableProcessingMs(members: number): number {
  return VITABLE_PROCESSING.value + VITABLE_PROCESSING.perMemberMs * members;
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
  /** The add-on's own CPU time on this machine, ms. */
  cpuMs: number;
  /** Time spent waiting (Utilities.sleep while polling Vitable), ms. */
  waitMs: number;
}

export interface Projection {
  sheetsS: number;
  servicesS: number;
  urlFetchS: number;
  cpuS: number;
  waitS: number;
  totalS: number;
  /** totalS as a share of the 6-minute limit. */
  shareOfLimit: number;
}

const MEGABYTE = 1_000_000;

export function projectExecution({ counts, cpuMs, waitMs }: ProjectionInput, model: LatencyModel): Projection {
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
  const cells = counts.sheetsCellsRead + counts.sheetsCellsWritten;
  const sheetsMs = counts.sheetsCalls * model.sheetsCallMs.value + cells * model.sheetsCellMs.value;
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
  const totalS = projection.sheetsS + projection.servicesS + projection.urlFetchS + projection.cpuS + projection.waitS;
  return { ...projection, totalS, shareOfLimit: totalS / EXECUTION_LIMIT_S };
}
