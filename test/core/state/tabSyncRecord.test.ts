import { MemoryRecords } from "../../../bench/memoryContext";
import { NO_COUNTS, type LogEntry } from "../../../src/core/log/logEntry";
import {
  latestOutcome,
  saveTabSyncRecord,
  tabSyncRecordOf,
  withRecent,
  type SettledSync,
} from "../../../src/core/state/tabSyncRecord";

const SHEET_ID = 3;

const entry: LogEntry = {
  at: "2026-11-23T15:00:00.000Z",
  tab: "Roster",
  group: "Tier 1",
  counts: NO_COUNTS,
  requestId: "grpmsr_1",
  startedBy: "hr@example.com",
  outcome: "completed",
  detail: "",
};

const settled: SettledSync = { state: "failed", requestId: "grpmsr_1", message: "Gone." };

/** Records that list the keys read and written, in order. */
function watchedRecords(): { records: MemoryRecords; read: string[]; written: string[] } {
  const records = new MemoryRecords();
  const read: string[] = [];
  const written: string[] = [];
  const get = records.get.bind(records);
  const set = records.set.bind(records);
  records.get = (key) => (read.push(key), get(key));
  records.set = (key, value) => (written.push(key), set(key, value));
  return { records, read, written };
}

describe("a tab's sync record", () => {
  it("gives its outcomes without reading the settled sync and its people", () => {
    const { records, read } = watchedRecords();
    saveTabSyncRecord(records, SHEET_ID, { recent: [entry], settled, logRow: 7 });
    read.length = 0;

    expect(latestOutcome(tabSyncRecordOf(records, SHEET_ID))).toEqual(entry);
    expect(read).toEqual([`syncs:${SHEET_ID}`]);
    expect(tabSyncRecordOf(records, SHEET_ID)).toMatchObject({ settled, logRow: 7 });
  });

  it("writes the settled sync and its log row before the outcomes, and only when they change", () => {
    const { records, written } = watchedRecords();
    saveTabSyncRecord(records, SHEET_ID, { recent: [], settled, logRow: 7 });
    expect(written).toEqual([`settled:${SHEET_ID}`, `syncs:${SHEET_ID}`]);

    written.length = 0;
    saveTabSyncRecord(records, SHEET_ID, withRecent(tabSyncRecordOf(records, SHEET_ID), entry));
    expect(written).toEqual([`syncs:${SHEET_ID}`]);
    expect(tabSyncRecordOf(records, SHEET_ID)).toMatchObject({ recent: [entry], settled, logRow: 7 });
  });

  it("reads a record saved with its settled sync inside, as saved before they were kept apart", () => {
    const { records } = watchedRecords();
    records.set(`syncs:${SHEET_ID}`, JSON.stringify({ recent: [entry], settled, logRow: 4 }));
    expect(tabSyncRecordOf(records, SHEET_ID)).toEqual({ recent: [entry], settled, logRow: 4 });
  });

  it("is empty for a tab never synced", () => {
    expect(tabSyncRecordOf(new MemoryRecords(), SHEET_ID)).toMatchObject({ recent: [], settled: null, logRow: null });
  });
});
