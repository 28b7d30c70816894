import { LOG_ROW_LIMIT, LOG_WIDTH, logEntryToRow, logHeaders } from "../../../src/core/log/logRows";
import type { LogEntry } from "../../../src/core/log/logEntry";

const entry: LogEntry = {
  at: "2026-11-23T15:04:05.000Z",
  tab: "Roster",
  group: "Acme Tier 1",
  startedBy: "hr@example.com",
  counts: { added: 3, changed: 1, removed: 0, failed: 1, invalid: 2 },
  requestId: "grpmsr_123",
  outcome: "completed",
  detail: "",
};

describe("logHeaders and LOG_ROW_LIMIT", () => {
  it("name the columns of product.md's log, the time zone of its times, and keep 2,000 entries", () => {
    expect(logHeaders("America/New_York")).toEqual([
      "Time (America/New_York)",
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
    expect(LOG_WIDTH).toBe(12);
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
