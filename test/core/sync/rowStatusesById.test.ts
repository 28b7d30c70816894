import { mapSyncResults, type SyncOutcome } from "../../../src/core/sync/results";
import { completedStatusCells } from "../../../src/core/sync/rowStatuses";
import { ADDED_MESSAGE } from "../../../src/messages/sync";
import { acceptedOf, GROUP_ID } from "./builders";

/** Write-back matches a row by the reference ID it holds, read the way the roster reads it. */

const HEADER = ["Employee ID", "First Name", "Last Name", "DOB", "Phone", "Plan", "Address", "City", "State", "ZIP"];
const WITH_INCLUDE = [...HEADER, "Include", "Vitable Status", "Vitable Message", "Vitable Synced At"];
const COMPLETED_AT = new Date(Date.UTC(2026, 10, 23, 15, 5));

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

    const written = completedStatusCells(values, 1, outcomeAdding("EMP-7", "EMP 8", "EMP9", "1001"), COMPLETED_AT);

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

    const written = completedStatusCells(values, 1, outcomeAdding("DUP-3", "DUP-4"), COMPLETED_AT);

    expect(written?.cells).toEqual(new Map([[3, ADDED]]));
    expect(written?.rowsById).toEqual(new Map([["DUP-3", 3]]));
  });

  it("matches no row whose ID cell shows a spreadsheet error", () => {
    const written = completedStatusCells([WITH_INCLUDE, row("#REF!")], 1, outcomeAdding("#REF!"), COMPLETED_AT);
    expect(written?.cells).toEqual(new Map());
  });
});
