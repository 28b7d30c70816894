import type { ServiceCallCounts } from "../../sandbox/runtime/execution";
import {
  EXECUTION_LIMIT_S,
  PESSIMISTIC_MODEL,
  TYPICAL_MODEL,
  callCategory,
  projectExecution,
  vitableProcessingMs,
  type LatencyModel,
} from "../../bench/projection";

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
  it("adds up Sheets calls and cells, other services, UrlFetch round trips and bytes, CPU and the wait", () => {
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
        cpuMs: 250,
        waitMs: 11_000,
      },
      MODEL,
    );
    // Sheets: 50 × 10 ms + 100,000 cells × 0.01 ms = 1.5 s.
    expect(projection.sheetsS).toBeCloseTo(1.5, 10);
    // Services: 2 × 20 + 40 + 5 × 2 + 80 + 30 = 200 ms; sleeps, dialogs, responses and builders cost nothing.
    expect(projection.servicesS).toBeCloseTo(0.2, 10);
    // UrlFetch: 3 × 500 ms + 10 MB at 5 MB/s = 3.5 s.
    expect(projection.urlFetchS).toBeCloseTo(3.5, 10);
    expect(projection.cpuS).toBeCloseTo(1, 10);
    expect(projection.waitS).toBe(11);
    expect(projection.totalS).toBeCloseTo(17.2, 10);
    expect(projection.shareOfLimit).toBeCloseTo(17.2 / EXECUTION_LIMIT_S, 10);
  });

  it("projects nothing for an execution that did nothing", () => {
    expect(projectExecution({ counts: counts({}), cpuMs: 0, waitMs: 0 }, TYPICAL_MODEL).totalS).toBe(0);
  });

  it("is never below the typical projection with the pessimistic figures", () => {
    const input = {
      counts: counts({ byMethod: { "Lock.tryLock": 1 }, sheetsCalls: 58, sheetsCellsRead: 1e6, urlFetches: 12 }),
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
