import {
  SHORTEST_PROCESSING_MS,
  expectedProcessingMs,
  firstPollAt,
  lastTimingOf,
  timingOf,
  pollDelayMs,
} from "../../../src/core/sync/pollSchedule";

describe("expectedProcessingMs", () => {
  it("expects the shortest processing time for a tab Vitable has not timed yet", () => {
    expect(expectedProcessingMs(50_000, null)).toBe(SHORTEST_PROCESSING_MS);
  });

  it("expects as long as the last sync took for a roster as large", () => {
    expect(expectedProcessingMs(50_000, { members: 50_000, processingMs: 52_000 })).toBe(52_000);
  });

  it("scales the last time down for a smaller roster, never below the shortest", () => {
    expect(expectedProcessingMs(25_000, { members: 50_000, processingMs: 52_000 })).toBe(26_000);
    expect(expectedProcessingMs(10, { members: 50_000, processingMs: 52_000 })).toBe(SHORTEST_PROCESSING_MS);
  });

  it("does not scale the last time up for a larger roster", () => {
    expect(expectedProcessingMs(50_000, { members: 100, processingMs: 3_000 })).toBe(3_000);
  });

  it("ignores a timing that cannot be right", () => {
    expect(expectedProcessingMs(100, { members: 0, processingMs: 3_000 })).toBe(SHORTEST_PROCESSING_MS);
    expect(expectedProcessingMs(100, { members: 100, processingMs: -5 })).toBe(SHORTEST_PROCESSING_MS);
  });
});

describe("a slow sync's timing", () => {
  it("holds back the next sync's first question by 30 seconds and two milliseconds a member at the most", () => {
    expect(expectedProcessingMs(5, { members: 5, processingMs: 10 * 60_000 })).toBe(30_010);
    expect(expectedProcessingMs(50_000, { members: 50_000, processingMs: 10 * 60_000 })).toBe(130_000);
  });

  it("is measured from Vitable's acceptance to its completion, and kept only when it makes sense", () => {
    expect(timingOf(3, "2026-12-03T10:00:00.000Z", "2026-12-03T10:00:04.500Z")).toEqual({
      members: 3,
      processingMs: 4_500,
    });
    expect(timingOf(3, "2026-12-03T10:00:04.500Z", "2026-12-03T10:00:00.000Z")).toBeNull();
    expect(timingOf(3, "not a time", "2026-12-03T10:00:00.000Z")).toBeNull();
  });
});

describe("firstPollAt", () => {
  it("asks when the roster should be processed, counted from when it was sent", () => {
    expect(firstPollAt(1_000_000, 50_000, { members: 50_000, processingMs: 52_000 })).toBe(1_052_000);
  });
});

describe("lastTimingOf", () => {
  const sync = {
    requestId: "req_1",
    completedAt: "2026-11-23T15:01:00.000Z",
    groupName: "Acme",
    counts: { added: 1, changed: 0, removed: 0, failed: 0, invalid: 0 },
    alreadyInGroup: 0,
    removalsFailed: 0,
    added: [],
    removed: [],
    failures: [],
  };

  it("reads the timing a completed sync recorded", () => {
    const timing = { members: 10, processingMs: 4_000 };
    expect(lastTimingOf({ state: "completed", sync, timing })).toEqual(timing);
  });

  it("has none before any sync, for a sync given up, or a record saved before timings", () => {
    expect(lastTimingOf(null)).toBeNull();
    expect(lastTimingOf({ state: "failed", requestId: "req_1", message: "Gone." })).toBeNull();
    expect(lastTimingOf({ state: "completed", sync })).toBeNull();
  });
});

describe("pollDelayMs", () => {
  it("asks again soon after the expected time, then less and less often", () => {
    const delays = Array.from({ length: 8 }, (_, polls) => pollDelayMs(polls));
    expect(delays[0]).toBeLessThanOrEqual(2_000);
    for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(pollDelayMs(100)).toBe(10_000);
  });
});
