import { addonCpuMs, splitProfile, type CpuProfile } from "../../bench/bundleCpu";

/** A profile of: root → service frame → Code.js frame → built-in; root → GC; root → idle; root → HTTP wait. */
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: { functionName: "(root)", url: "" }, children: [2, 5, 6, 7] },
    { id: 2, callFrame: { functionName: "execute", url: "file:///repo/sandbox/runtime/runtime.ts" }, children: [3] },
    { id: 3, callFrame: { functionName: "readRoster", url: "Code.js" }, children: [4, 8] },
    { id: 4, callFrame: { functionName: "stringify", url: "" } },
    { id: 5, callFrame: { functionName: "(garbage collector)", url: "" } },
    { id: 6, callFrame: { functionName: "(idle)", url: "" } },
    { id: 7, callFrame: { functionName: "send", url: "file:///repo/sandbox/runtime/http/syncHttp.ts" } },
    { id: 8, callFrame: { functionName: "Date", url: "evalmachine.<anonymous>" }, children: [9] },
    { id: 9, callFrame: { functionName: "getValues", url: "file:///repo/sandbox/runtime/spreadsheet/range.ts" } },
  ],
  samples: [3, 4, 8, 2, 9, 5, 6, 7],
  timeDeltas: [1_000, 2_000, 500, 4_000, 1_500, 3_000, 10_000, 20_000],
};

describe("splitProfile", () => {
  it("gives a sample to the add-on when the innermost located frame is in Code.js", () => {
    // Code.js 1 ms, the built-in it called 2 ms, the realm's Date stand-in it called 0.5 ms.
    expect(splitProfile(PROFILE).addonMs).toBeCloseTo(3.5, 10);
  });

  it("gives the emulated services theirs, even when the add-on called them", () => {
    expect(splitProfile(PROFILE).servicesMs).toBeCloseTo(4 + 1.5, 10);
  });

  it("keeps the garbage collector apart, and counts idle time and the wait for HTTP as nobody's work", () => {
    expect(splitProfile(PROFILE)).toMatchObject({ gcMs: 3, waitingMs: 30 });
  });
});

describe("addonCpuMs", () => {
  it("adds the add-on's share of garbage collection", () => {
    // 3.5 of the 9 ms of work is the add-on's: it gets 3.5/9 of the 3 ms of GC.
    expect(addonCpuMs({ addonMs: 3.5, servicesMs: 5.5, gcMs: 3, waitingMs: 30 }, 1_000)).toBeCloseTo(
      3.5 + (3 * 3.5) / 9,
      10,
    );
  });

  it("scales down to the CPU the process was given when it waited for a core", () => {
    // 12 ms busy on the clock, 6 ms of CPU: the thread had a core half the time.
    expect(addonCpuMs({ addonMs: 6, servicesMs: 6, gcMs: 0, waitingMs: 0 }, 6)).toBeCloseTo(3, 10);
  });

  it("is nothing when nothing ran", () => {
    expect(addonCpuMs({ addonMs: 0, servicesMs: 0, gcMs: 2, waitingMs: 5 }, 1)).toBe(0);
  });
});
