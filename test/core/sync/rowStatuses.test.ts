import { abandonedStatusCells } from "../../../src/core/sync/rowStatuses";

/** Header row 1, columns as the headers say. */
const ROW_ONE = { headerRow: 1, mapping: null };

const MEMBER_HEADERS = [
  "Employee ID",
  "First Name",
  "Last Name",
  "DOB",
  "Phone",
  "Plan",
  "Address",
  "City",
  "State",
  "ZIP",
];
const HEADER = [...MEMBER_HEADERS, "Vitable Status", "Vitable Message", "Vitable Synced At"];
const SYNCED_AT = new Date(Date.UTC(2026, 0, 2, 3, 4));

/** A row holding `id` and the three status cells; the member cells do not matter here. */
function row(id: string, status: string, syncedAt: Date | "" = ""): (string | Date)[] {
  return [id, ...Array<string>(MEMBER_HEADERS.length - 1).fill("x"), status, `${status} message`, syncedAt];
}

describe("abandonedStatusCells", () => {
  it("turns the Pending rows of the people sent Ready, matched by the reference ID each row holds", () => {
    const values = [
      HEADER,
      row("1002", "Pending", SYNCED_AT),
      row("1001", "Pending"),
      row("1003", "Pending"),
      row("1004", "Invalid"),
      Array<string>(HEADER.length).fill(""),
    ];

    const written = abandonedStatusCells(values, ROW_ONE, new Set(["1001", "1002", "1004"]), "Sync again.");

    expect(written?.columns.status).toEqual({ status: 10, message: 11, syncedAt: 12 });
    expect(written?.cells).toEqual(
      new Map([
        [2, { status: "Ready", message: "Sync again.", syncedAt: SYNCED_AT }],
        [3, { status: "Ready", message: "Sync again.", syncedAt: null }],
      ]),
    );
  });

  it("matches nothing in a tab without its reference ID column", () => {
    expect(abandonedStatusCells([["Name"], ["Jane"]], ROW_ONE, new Set(["1001"]), "Sync again.")).toBeNull();
  });
});
