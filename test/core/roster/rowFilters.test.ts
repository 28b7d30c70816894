import type { CellValue } from "../../../src/core/roster/model";
import {
  createTerminationDateReader,
  readEmploymentStatus,
  readInclude,
  statusValueKey,
} from "../../../src/core/roster/rowFilters";

describe("readInclude", () => {
  it.each<[CellValue, string]>([
    [false, "FALSE"],
    ["FALSE", "FALSE"],
    ["No", "No"],
    ["n", "n"],
    [0, "0"],
    ["0", "0"],
    ["Excluded", "Excluded"],
    ["TERMINATED", "TERMINATED"],
    [" Terminated\u00A0", "Terminated"],
  ])("leaves the row out for %j, saying %j", (cell, says) => {
    expect(readInclude(cell)).toEqual({ kind: "out", says });
  });

  it.each<[CellValue | undefined]>([[""], [undefined], ["  "]])("keeps the row in for blank %j", (cell) => {
    expect(readInclude(cell)).toEqual({ kind: "in", says: null });
  });

  it.each<[CellValue]>([[true], ["TRUE"], ["Yes"], ["Y"], [1], ["Active"], ["included"]])(
    "keeps the row in for %j, saying so",
    (cell) => {
      expect(readInclude(cell).kind).toBe("in");
    },
  );

  // Guessing either way could start or end someone's coverage.
  it.each<[CellValue]>([["Inactive"], ["No longer"], ["maybe"], [2]])(
    "refuses %j as a value it does not know",
    (cell) => {
      expect(readInclude(cell).kind).toBe("unknown");
    },
  );

  it.each<[CellValue]>([["#N/A"], [new Date(0)]])("refuses %j as unreadable", (cell) => {
    expect(readInclude(cell).kind).toBe("unreadable");
  });
});

describe("readEmploymentStatus", () => {
  it.each(["Terminated", "TERMINATED", "Terminated - Voluntary", "Inactive", "Separated", "Deceased"])(
    "leaves a %j out",
    (status) => {
      expect(readEmploymentStatus(status, {})).toEqual({ kind: "out", says: status });
    },
  );

  it.each([
    "Active",
    "active",
    "Leave of Absence",
    "On Leave",
    "LOA",
    "Active - Full Time",
    "Full-Time",
    "Part-Time",
    "",
  ])("keeps %j in", (status) => {
    expect(readEmploymentStatus(status, {}).kind).toBe("in");
  });

  it.each(["Seasonal", "Pending Hire", "T", "Contractor"])("refuses %j until the user says what it means", (status) => {
    expect(readEmploymentStatus(status, {})).toEqual({ kind: "unknown", says: status });
  });

  it("follows the user's decision for a value, written any way", () => {
    const decisions = { [statusValueKey("Seasonal")]: "exclude" as const, [statusValueKey("T")]: "include" as const };
    expect(readEmploymentStatus(" seasonal ", decisions)).toEqual({ kind: "out", says: "seasonal" });
    expect(readEmploymentStatus("t", decisions).kind).toBe("in");
  });
});

describe("a termination date", () => {
  const read = createTerminationDateReader("America/New_York", "2026-12-03");

  it.each<[CellValue, string]>([
    ["12/03/2026", "2026-12-03"],
    ["2025-01-31", "2025-01-31"],
    [46000, "2025-12-09"],
  ])("on or before today leaves the row out: %j", (cell, date) => {
    expect(read(cell)).toEqual({ kind: "out", says: date });
  });

  it.each<[CellValue | undefined]>([["12/04/2026"], ["2027-06-30"], [""], [undefined]])(
    "later or blank keeps the row in: %j",
    (cell) => {
      expect(read(cell)).toEqual({ kind: "in", says: null });
    },
  );

  it.each<[CellValue]>([["soon"], ["31/01/2026"], ["#REF!"]])("refuses %j", (cell) => {
    expect(read(cell).kind).toBe("unreadable");
  });
});
