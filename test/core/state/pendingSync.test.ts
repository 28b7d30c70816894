import { MemoryRecords } from "../../../bench/memoryContext";
import { saveAcceptedRoster } from "../../../src/core/state/acceptedRosters";
import {
  clearPendingSync,
  pendingSyncOf,
  savePendingSync,
  type PendingSync,
} from "../../../src/core/state/pendingSync";
import { CREATED_BY_ADDON, type AcceptedMember, type AcceptedRoster } from "../../../src/core/sync/acceptedRoster";
import { serializeAcceptedRoster } from "../../../src/core/sync/acceptedRosterText";

const SHEET_ID = 7;
const GROUP = "grp_tier1";

function members(from: number, to: number, fingerprint = "AAAAAAAA"): AcceptedMember[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ({
    referenceId: `EMP-${from + i}`,
    name: `Person ${from + i}`,
    fingerprint,
  }));
}

function accepted(list: AcceptedMember[], requestId = "grpmsr_1"): AcceptedRoster {
  return { groupId: GROUP, requestId, completedAt: "2026-11-23T15:00:04Z", members: list };
}

function pending(submitted: AcceptedMember[]): PendingSync {
  return {
    groupId: GROUP,
    groupName: "Tier 1",
    requestId: "grpmsr_2",
    acceptedAt: "2026-11-23T16:00:00Z",
    submittedAt: "2026-11-23T16:00:00.000Z",
    startedBy: "hr@example.com",
    counts: { added: 1, changed: 1, removed: 1, invalid: 0 },
    excluded: 0,
    memberCount: submitted.length,
    submitted,
  };
}

/** Records that list the keys read. */
function watchedRecords(): { records: MemoryRecords; read: string[] } {
  const records = new MemoryRecords();
  const read: string[] = [];
  const get = records.get.bind(records);
  records.get = (key) => {
    read.push(key);
    return get(key);
  };
  return { records, read };
}

describe("a pending sync", () => {
  const before = members(1, 1_000);
  // EMP-1 removed, EMP-2 changed, EMP-1001 added.
  const sent = [{ ...before[1]!, fingerprint: "BBBBBBBB" }, ...before.slice(2), ...members(1_001, 1_001)];

  it("keeps the members sent as changes to the last accepted roster, and reads them back whole", () => {
    const { records } = watchedRecords();
    const base = accepted(before);
    saveAcceptedRoster(records, SHEET_ID, base);
    savePendingSync(records, SHEET_ID, pending(sent), base);

    expect(records.get(`sent:${SHEET_ID}`)!.length).toBeLessThan(1_000);
    expect(pendingSyncOf(records, SHEET_ID)?.submitted).toEqual(sent);
  });

  it("keeps every member sent when there is no accepted roster of the group to start from", () => {
    const { records } = watchedRecords();
    const created = { ...accepted([]), requestId: CREATED_BY_ADDON };
    savePendingSync(records, SHEET_ID, pending(sent), created);

    expect(records.get(`sent:${SHEET_ID}`)!.length).toBeGreaterThan(20_000);
    expect(pendingSyncOf(records, SHEET_ID)?.submitted).toEqual(sent);
  });

  it("is shown without reading the members it sent", () => {
    const { records, read } = watchedRecords();
    savePendingSync(records, SHEET_ID, pending(sent), null);
    read.length = 0;

    const found = pendingSyncOf(records, SHEET_ID);

    expect(found).toMatchObject({ requestId: "grpmsr_2", memberCount: sent.length });
    expect(read).toEqual([`pending:${SHEET_ID}`]);
  });

  it("cannot be finished from members whose record is gone or no longer matches its base", () => {
    const { records } = watchedRecords();
    const base = accepted(before);
    saveAcceptedRoster(records, SHEET_ID, base);
    savePendingSync(records, SHEET_ID, pending(sent), base);
    saveAcceptedRoster(records, SHEET_ID, accepted(before, "grpmsr_other"));

    expect(() => pendingSyncOf(records, SHEET_ID)?.submitted).toThrow(/cannot be read/);
  });

  it("reads a record saved with its members inside it, as saved before they were kept apart", () => {
    const { records } = watchedRecords();
    const { submitted, memberCount: _, ...header } = pending(sent);
    const text = serializeAcceptedRoster({ ...accepted(submitted), requestId: "grpmsr_2" });
    records.set(`pending:${SHEET_ID}`, JSON.stringify({ ...header, submitted: text }));

    expect(pendingSyncOf(records, SHEET_ID)).toMatchObject({ memberCount: sent.length, submitted: sent });
  });

  it("goes with its members", () => {
    const { records } = watchedRecords();
    savePendingSync(records, SHEET_ID, pending(sent), null);
    clearPendingSync(records, SHEET_ID);
    expect(pendingSyncOf(records, SHEET_ID)).toBeNull();
    expect(records.keys("")).toEqual([]);
  });
});
