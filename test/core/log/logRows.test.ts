import fc from "fast-check";
import { LOG_HEADERS, LOG_ROW_LIMIT, logEntryToRow, logRowToEntry } from "../../../src/core/log/logRows";
import type { CellValue } from "../../../src/core/roster/model";
import type { LogEntryView } from "../../../src/shared/bridge";

const entry: LogEntryView = {
  at: "2026-11-23T15:04:05.000Z",
  tab: "Roster",
  group: "Acme Tier 1",
  startedBy: "hr@example.com",
  counts: { added: 3, changed: 1, removed: 0, failed: 1, invalid: 2 },
  requestId: "grpmsr_123",
  outcome: "completed",
  detail: "",
};

/** What getValues() gives back for a written row, in a column of the automatic format. */
function readBack(row: CellValue[]): CellValue[] {
  return row.map((cell) => (typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell));
}

describe("LOG_HEADERS and LOG_ROW_LIMIT", () => {
  it("name the columns of product.md's log, and keep 2,000 entries", () => {
    expect(LOG_HEADERS).toEqual([
      "Time",
      "Tab",
      "Group",
      "Started by",
      "Added",
      "Changed",
      "Removed",
      "Failed",
      "Invalid",
      "Request ID",
      "Outcome",
      "Details",
    ]);
    expect(LOG_ROW_LIMIT).toBe(2_000);
  });
});

describe("logEntryToRow", () => {
  it("writes the time as a Date, the counts as numbers and the outcome as a word", () => {
    expect(logEntryToRow(entry)).toEqual([
      new Date(Date.UTC(2026, 10, 23, 15, 4, 5)),
      "Roster",
      "Acme Tier 1",
      "hr@example.com",
      3,
      1,
      0,
      1,
      2,
      "grpmsr_123",
      "Completed",
      "",
    ]);
  });

  it("escapes every text so that none becomes a formula", () => {
    const row = logEntryToRow({
      ...entry,
      tab: "=Roster",
      group: "+Tier",
      startedBy: "@owner",
      requestId: "-1",
      outcome: "blocked",
      detail: '=HYPERLINK("http://x")',
    });
    expect(row.slice(1, 4)).toEqual(["'=Roster", "'+Tier", "'@owner"]);
    expect(row.slice(9)).toEqual(["'-1", "Blocked", '\'=HYPERLINK("http://x")']);
  });
});

describe("logRowToEntry", () => {
  it("reads back every entry it wrote", () => {
    const text = fc.string({ unit: fc.constantFrom("=", "+", "-", "@", "'", "a", " ", "é"), maxLength: 8 });
    const count = fc.nat({ max: 60_000 });
    const anyEntry: fc.Arbitrary<LogEntryView> = fc.record({
      at: fc
        .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) })
        .map((ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString()),
      tab: text,
      group: text,
      startedBy: text,
      counts: fc.record({ added: count, changed: count, removed: count, failed: count, invalid: count }),
      requestId: text,
      outcome: fc.constantFrom("completed", "blocked", "failed", "pending"),
      detail: text,
    });
    fc.assert(
      fc.property(anyEntry, (written) => {
        expect(logRowToEntry(readBack(logEntryToRow(written)))).toEqual(written);
      }),
    );
  });

  it("reads a time to the second, as a cell keeps it", () => {
    const row = readBack(logEntryToRow(entry));
    row[0] = new Date(Date.UTC(2026, 10, 23, 15, 4, 4, 999.6));
    expect(logRowToEntry(row)?.at).toBe("2026-11-23T15:04:05.000Z");
  });

  it("reads text Sheets turned into a number as that number's text, and an outcome typed in lower case", () => {
    const row = readBack(logEntryToRow(entry));
    row[1] = 2026;
    row[10] = "pending";
    expect(logRowToEntry(row)).toEqual({ ...entry, tab: "2026", outcome: "pending" });
  });

  it.each<[string, (row: CellValue[]) => void]>([
    ["a time typed as text", (row) => (row[0] = "2026-11-23 15:04")],
    ["an empty time", (row) => (row[0] = "")],
    ["a count typed as text", (row) => (row[4] = "three")],
    ["a negative count", (row) => (row[5] = -1)],
    ["a fractional count", (row) => (row[6] = 1.5)],
    ["an unknown outcome", (row) => (row[10] = "Done")],
    ["a group that became a date", (row) => (row[2] = new Date(Date.UTC(2026, 0, 2)))],
    ["cells cut off", (row) => row.splice(8)],
  ])("skips a row with %s", (_label, damage) => {
    const row = readBack(logEntryToRow(entry));
    damage(row);
    expect(logRowToEntry(row)).toBeNull();
  });

  it("skips a blank row", () => {
    expect(logRowToEntry(LOG_HEADERS.map(() => ""))).toBeNull();
  });
});
