import { atMost, atMostAtEverySize, physicalMinimumCells, recordCells } from "../../bench/targets";

const TAB = { rows: 1_000, columns: 15, invalidCells: 20 };
const NO_RECORDS = { recordsCharsRead: 0, recordsCharsWritten: 0 };

describe("physicalMinimumCells", () => {
  it("is the tab read once, header included, for a preview", () => {
    expect(physicalMinimumCells("preview", TAB, NO_RECORDS)).toBe(1_001 * 15);
  });

  it("adds each row's status cells and the invalid marks for a validation", () => {
    expect(physicalMinimumCells("validate", TAB, NO_RECORDS)).toBe(1_001 * 15 + 3_000 + 20);
  });

  it("adds the statuses, written once with the outcome, and the IDs read again before it for a sync", () => {
    expect(physicalMinimumCells("sync", TAB, NO_RECORDS)).toBe(1_001 * 15 + 1_000 + 3_000 + 20);
  });

  it("counts records in cells as full as Sheets allows", () => {
    const records = { recordsCharsRead: 100_001, recordsCharsWritten: 50_000 };
    expect(physicalMinimumCells("preview", TAB, records)).toBe(1_001 * 15 + 3 + 1);
    expect(recordCells(0)).toBe(0);
  });
});

describe("atMost", () => {
  it("says met with the figures within the limit", () => {
    expect(atMost("Calls", 20, 20, "")).toEqual({ target: "Calls", met: true, detail: "20 (limit 20)" });
  });

  it("names the gap past the limit", () => {
    expect(atMost("CPU", 1_450, 1_100, " ms")).toEqual({
      target: "CPU",
      met: false,
      detail: "1,450 ms (limit 1,100 ms), over by 350 ms",
    });
  });
});

describe("atMostAtEverySize", () => {
  it("judges the worst size and lists every size", () => {
    const check = atMostAtEverySize(
      "Ratio",
      [
        { rows: 100, value: 1.02 },
        { rows: 50_000, value: 1.64 },
      ],
      1.1,
      "×",
      2,
    );
    expect(check.met).toBe(false);
    expect(check.detail).toBe("1.64× (limit 1.10×), over by 0.54×; by rows 100: 1.02, 50,000: 1.64");
  });
});
