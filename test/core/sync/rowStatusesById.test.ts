import { mapSyncResults, type SyncOutcome } from "../../../src/core/sync/results";
import { completedStatusCells } from "../../../src/core/sync/rowStatuses";
import { ADDED_MESSAGE, SYNCED_MESSAGE } from "../../../src/messages/sync";
import { accepted, acceptedOf, GROUP_ID } from "./builders";

/** Header row 1, columns as the headers say. */
const ROW_ONE = { headerRow: 1, mapping: null };

/** Write-back matches a row by the reference ID it holds, read the way the roster reads it. */

const HEADER = ["Employee ID", "First Name", "Last Name", "DOB", "Phone", "Plan", "Address", "City", "State", "ZIP"];
const WITH_INCLUDE = [...HEADER, "Include", "Vitable Status", "Vitable Message", "Vitable Synced At"];
const COMPLETED_AT = new Date(Date.UTC(2026, 10, 23, 15, 5));
const TIME_ZONE = "America/New_York";

function row(id: string | number, include = ""): (string | number)[] {
  return [id, ...Array<string>(HEADER.length - 1).fill("x"), include, "Pending", "Sent to Vitable.", ""];
}

/** What a completed first sync that added everyone it sent maps to. */
function outcomeAdding(...ids: string[]): SyncOutcome {
  return mapSyncResults({
    groupId: GROUP_ID,
    requestId: "grpmsr_corpus",
    completedAt: COMPLETED_AT.toISOString(),
    previous: null,
    submitted: ids.map((id) => acceptedOf(id)),
    results: { added_group_member_ids: ids.map((id) => `gm_${id}`), removed_group_member_ids: [], failures: [] },
  });
}

const ADDED = { status: "Added", message: ADDED_MESSAGE, syncedAt: COMPLETED_AT };

describe("completedStatusCells: matching rows by reference ID", () => {
  it("finds the row of an ID sent without the spaces and invisible characters its cell holds", () => {
    const values = [WITH_INCLUDE, row("  EMP-7  "), row("EMP\u00A08"), row("EMP\u200B9"), row(1001)];

    const written = completedStatusCells(
      values,
      ROW_ONE,
      outcomeAdding("EMP-7", "EMP 8", "EMP9", "1001"),
      COMPLETED_AT,
      TIME_ZONE,
    );

    expect(written?.cells).toEqual(
      new Map([
        [2, ADDED],
        [3, ADDED],
        [4, ADDED],
        [5, ADDED],
      ]),
    );
  });

  it("leaves a row its include column leaves out as it is, though it shares the ID of a row that was sent", () => {
    const values = [WITH_INCLUDE, row("DUP-3", "Terminated"), row("DUP-3"), row("DUP-4", "FALSE")];

    const written = completedStatusCells(values, ROW_ONE, outcomeAdding("DUP-3", "DUP-4"), COMPLETED_AT, TIME_ZONE);

    expect(written?.cells).toEqual(new Map([[3, ADDED]]));
    expect(written?.rowsById).toEqual(new Map([["DUP-3", 3]]));
  });

  it("matches no row whose ID cell shows a spreadsheet error", () => {
    const written = completedStatusCells(
      [WITH_INCLUDE, row("#REF!")],
      ROW_ONE,
      outcomeAdding("#REF!"),
      COMPLETED_AT,
      TIME_ZONE,
    );
    expect(written?.cells).toEqual(new Map());
  });
});

describe("completedStatusCells: rows of people the sync removed", () => {
  const PHONE_PROBLEM = "Phone must be a 10-digit US number whose area code does not start with 0 or 1.";
  const SYNCED_BEFORE = new Date(Date.UTC(2026, 0, 15, 10, 30));

  function rowSaying(id: string, status: string, message: string, include = ""): (string | number | Date)[] {
    return [id, ...Array<string>(HEADER.length - 1).fill("x"), include, status, message, SYNCED_BEFORE];
  }

  /** EMP-1, EMP-2 and EMP-3 were in the group; the sync sent EMP-1 only, so it removed the other two. */
  const removingTwo: SyncOutcome = mapSyncResults({
    groupId: GROUP_ID,
    requestId: "grpmsr_removing",
    completedAt: COMPLETED_AT.toISOString(),
    previous: accepted([acceptedOf("EMP-1"), acceptedOf("EMP-2"), acceptedOf("EMP-3")]),
    submitted: [acceptedOf("EMP-1")],
    results: { added_group_member_ids: [], removed_group_member_ids: ["gm_2", "gm_3"], failures: [] },
  });

  it("tells an invalid row that its person was removed, when, and why, with the completion as its Synced At", () => {
    const values = [
      WITH_INCLUDE,
      rowSaying("EMP-1", "Pending", "Sent to Vitable."),
      rowSaying("EMP-2", "Invalid", PHONE_PROBLEM),
    ];

    const written = completedStatusCells(values, ROW_ONE, removingTwo, COMPLETED_AT, TIME_ZONE);

    expect(written?.cells).toEqual(
      new Map([
        [2, { status: "Synced", message: SYNCED_MESSAGE, syncedAt: COMPLETED_AT }],
        [
          3,
          {
            status: "Invalid",
            message:
              `Removed from Vitable on 2026-11-23 because this row is invalid: ${PHONE_PROBLEM} ` +
              "Fix the row and sync to add them again.",
            syncedAt: COMPLETED_AT,
          },
        ],
      ]),
    );
  });

  it("dates the removal on the spreadsheet's calendar, not the machine's or UTC's", () => {
    // 15:05 UTC on November 23 is already November 24 in Auckland.
    const values = [WITH_INCLUDE, rowSaying("EMP-2", "Invalid", PHONE_PROBLEM)];
    const written = completedStatusCells(values, ROW_ONE, removingTwo, COMPLETED_AT, "Pacific/Auckland");
    expect(written?.cells.get(2)?.message).toMatch(/^Removed from Vitable on 2026-11-24 because/);
  });

  it("tells a row its include column leaves out that its person was removed, and what leaves it out", () => {
    const values = [WITH_INCLUDE, rowSaying("EMP-3", "Excluded", 'Not sent to Vitable because Include is "No".', "No")];

    const written = completedStatusCells(values, ROW_ONE, removingTwo, COMPLETED_AT, TIME_ZONE);

    expect(written?.cells).toEqual(
      new Map([
        [
          2,
          {
            status: "Excluded",
            message: 'Removed from Vitable on 2026-11-23: this row is left out (Include is "No").',
            syncedAt: COMPLETED_AT,
          },
        ],
      ]),
    );
  });

  it("quotes the problem as the cell shows it, without the text mark a plain-text column keeps", () => {
    const values = [WITH_INCLUDE, rowSaying("EMP-2", "Invalid", "'=Phone is empty.")];
    const written = completedStatusCells(values, ROW_ONE, removingTwo, COMPLETED_AT, TIME_ZONE);
    expect(written?.cells.get(2)?.message).toBe(
      "Removed from Vitable on 2026-11-23 because this row is invalid: =Phone is empty. Fix the row and sync to add them again.",
    );
  });

  it("keeps a row that already tells the removal, as a run stopped after writing it left it", () => {
    const values = [WITH_INCLUDE, rowSaying("EMP-2", "Invalid", PHONE_PROBLEM)];
    const first = completedStatusCells(values, ROW_ONE, removingTwo, COMPLETED_AT, TIME_ZONE)?.cells.get(2);
    const told = [WITH_INCLUDE, rowSaying("EMP-2", "Invalid", first?.message ?? "")];

    expect(completedStatusCells(told, ROW_ONE, removingTwo, COMPLETED_AT, TIME_ZONE)?.cells).toEqual(new Map());
  });

  it("keeps the cells of a removed person's row that no longer says Invalid, and of invalid rows of people not removed", () => {
    const values = [
      WITH_INCLUDE,
      rowSaying("EMP-2", "Ready", ""),
      rowSaying("EMP-3", "", ""),
      rowSaying("EMP-9", "Invalid", PHONE_PROBLEM),
    ];
    expect(completedStatusCells(values, ROW_ONE, removingTwo, COMPLETED_AT, TIME_ZONE)?.cells).toEqual(new Map());
  });
});
