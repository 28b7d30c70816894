import type { ServiceCallCounts } from "../../sandbox/runtime/execution";
import {
  EXECUTION_LIMIT_S,
  PESSIMISTIC_MODEL,
  TYPICAL_MODEL,
  SCRIPTDB_VS_SHEETS_URL,
  callCategory,
  cellsMoved,
  pollingWait,
  projectExecution,
  vitableProcessingMs,
  type LatencyModel,
} from "../../bench/projection";
import { emptyTraffic } from "../../bench/sheetTraffic";
import { SHORTEST_PROCESSING_MS, pollDelayMs } from "../../src/core/sync/pollSchedule";

function counts(overrides: Partial<ServiceCallCounts>): ServiceCallCounts {
  return {
    byMethod: {},
    sheetsReads: 0,
    sheetsWrites: 0,
    sheetsCalls: 0,
    urlFetches: 0,
    sheetsCellsRead: 0,
    sheetsCellsWritten: 0,
    urlFetchBytesSent: 0,
    urlFetchBytesReceived: 0,
    ...overrides,
  };
}

/** Round figures, so the expected seconds can be worked out by hand. */
const figure = (value: number) => ({ value, source: "test" });
const MODEL: LatencyModel = {
  sheetsCallMs: figure(10),
  sheetsCellMs: figure(0.01),
  recordsCharMs: figure(0.001),
  propertiesReadMs: figure(20),
  propertiesWriteMs: figure(40),
  cacheReadMs: figure(2),
  cacheWriteMs: figure(80),
  otherCallMs: figure(30),
  urlFetchRoundTripMs: figure(500),
  urlFetchMegabytesPerSecond: figure(5),
  cpuSlowdown: figure(4),
};

describe("projectExecution", () => {
  it("adds up Sheets calls, cells and records characters, other services, UrlFetch, CPU and the wait", () => {
    const projection = projectExecution(
      {
        counts: counts({
          byMethod: {
            "Sheet.getDataRange": 30,
            "Range.getValues": 20,
            "Properties.getProperty": 2,
            "Properties.setProperty": 1,
            "Cache.get": 5,
            "Cache.put": 1,
            "Lock.tryLock": 1,
            "UrlFetchApp.fetch": 3,
            "HTTPResponse.getContentText": 3,
            "Utilities.sleep": 4,
            "Ui.alert": 2,
            "ConditionalFormatRuleBuilder.build": 1,
          },
          sheetsCalls: 50,
          sheetsCellsRead: 60_000,
          sheetsCellsWritten: 40_000,
          urlFetches: 3,
          urlFetchBytesSent: 9_000_000,
          urlFetchBytesReceived: 1_000_000,
        }),
        traffic: { appendRowCells: 12, recordsCharsRead: 300_000, recordsCharsWritten: 200_000, charsRead: 900_000 },
        cpuMs: 250,
        waitMs: 11_000,
      },
      MODEL,
    );
    // Sheets: 50 × 10 ms + (100,000 + 12 appended) cells × 0.01 ms + 500,000 records characters × 0.001 ms.
    expect(projection.sheetsS).toBeCloseTo(0.5 + 1.00012 + 0.5, 10);
    // Services: 2 × 20 + 40 + 5 × 2 + 80 + 30 = 200 ms; sleeps, dialogs, responses and builders cost nothing.
    expect(projection.servicesS).toBeCloseTo(0.2, 10);
    // UrlFetch: 3 × 500 ms + 10 MB at 5 MB/s = 3.5 s.
    expect(projection.urlFetchS).toBeCloseTo(3.5, 10);
    expect(projection.cpuS).toBeCloseTo(1, 10);
    expect(projection.waitS).toBe(11);
    expect(projection.withoutWaitS).toBeCloseTo(2.00012 + 0.2 + 3.5 + 1, 10);
    expect(projection.totalS).toBeCloseTo(projection.withoutWaitS + 11, 10);
    expect(projection.shareOfLimit).toBeCloseTo(projection.totalS / EXECUTION_LIMIT_S, 10);
  });

  it("projects nothing for an execution that did nothing", () => {
    expect(
      projectExecution({ counts: counts({}), traffic: emptyTraffic(), cpuMs: 0, waitMs: 0 }, TYPICAL_MODEL).totalS,
    ).toBe(0);
  });

  it("is never below the typical projection with the pessimistic figures", () => {
    const input = {
      counts: counts({ byMethod: { "Lock.tryLock": 1 }, sheetsCalls: 58, sheetsCellsRead: 1e6, urlFetches: 12 }),
      traffic: { ...emptyTraffic(), recordsCharsWritten: 3_000_000 },
      cpuMs: 1_200,
      waitMs: 59_000,
    };
    expect(projectExecution(input, PESSIMISTIC_MODEL).totalS).toBeGreaterThan(
      projectExecution(input, TYPICAL_MODEL).totalS,
    );
  });

  it("gives every figure a source, and says so where a figure is an assumption", () => {
    for (const model of [TYPICAL_MODEL, PESSIMISTIC_MODEL]) {
      for (const figure of Object.values(model)) {
        expect(figure.value).toBeGreaterThan(0);
        expect(figure.source).toMatch(/\S/);
      }
    }
    expect(TYPICAL_MODEL.cpuSlowdown.source).toMatch(/^assumption/);
  });

  it("labels every published figure with the address it comes from", () => {
    for (const model of [TYPICAL_MODEL, PESSIMISTIC_MODEL]) {
      for (const figure of Object.values(model)) expect(figure.source).toMatch(/^(https:\/\/\S+|assumption: )/);
    }
  });

  it("takes for the pessimistic Sheets figures the slowest published ones: a write with a flush", () => {
    expect(PESSIMISTIC_MODEL.sheetsCellMs.value).toBe(0.1525);
    expect(PESSIMISTIC_MODEL.sheetsCellMs.source).toContain(SCRIPTDB_VS_SHEETS_URL);
    for (const key of Object.keys(TYPICAL_MODEL) as (keyof LatencyModel)[]) {
      const slower = key === "urlFetchMegabytesPerSecond" ? -1 : 1;
      expect(slower * PESSIMISTIC_MODEL[key].value).toBeGreaterThanOrEqual(slower * TYPICAL_MODEL[key].value);
    }
  });
});

describe("callCategory", () => {
  it.each([
    ["SpreadsheetApp.getActiveSpreadsheet", "sheets"],
    ["RangeList.getRanges", "sheets"],
    ["UrlFetchApp.fetch", "urlFetch"],
    ["Properties.getProperty", "propertiesRead"],
    ["Properties.deleteProperty", "propertiesWrite"],
    ["Cache.getAll", "cacheRead"],
    ["Cache.remove", "cacheWrite"],
    ["Lock.tryLock", "other"],
    ["Protection.setDescription", "other"],
    ["HTTPResponse.getContentText", "notTimed"],
    ["Utilities.sleep", "notTimed"],
    ["PropertiesService.getUserProperties", "notTimed"],
    ["ConditionalFormatRuleBuilder.build", "notTimed"],
  ])("puts %s in %s", (key, category) => {
    expect(callCategory(key)).toBe(category);
  });
});

it("assumes Vitable takes 2 s plus 1 ms per member", () => {
  expect(vitableProcessingMs(0)).toBe(2_000);
  expect(vitableProcessingMs(50_000)).toBe(52_000);
});

describe("cellsMoved", () => {
  it("counts the cells appendRow wrote, which the runtime leaves out", () => {
    const moved = cellsMoved(counts({ sheetsCellsRead: 100, sheetsCellsWritten: 30 }), {
      ...emptyTraffic(),
      appendRowCells: 9,
    });
    expect(moved).toBe(139);
  });
});

describe("pollingWait", () => {
  it("finds a sync Vitable finishes in the shortest time at the first request", () => {
    expect(pollingWait(SHORTEST_PROCESSING_MS, 50_000, null)).toEqual({ waitMs: SHORTEST_PROCESSING_MS, polls: 1 });
  });

  it("asks again on the schedule until the sync is done", () => {
    // Requests at 1 s, then 1 s + each delay in turn, until one is at or past 10 s.
    let at = SHORTEST_PROCESSING_MS;
    let polls = 1;
    while (at < 10_000) at += pollDelayMs(polls++ - 1);
    expect(pollingWait(10_000, 100, null)).toEqual({ waitMs: at, polls });
  });

  it("asks once, at the right time, when Vitable took as long last time", () => {
    expect(pollingWait(52_000, 50_000, { members: 50_000, processingMs: 52_000 })).toEqual({
      waitMs: 52_000,
      polls: 1,
    });
  });
});
