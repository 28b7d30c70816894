import { mapHeaders } from "../../../src/core/roster/headers";
import type { StatusCells } from "../../../src/core/sheet/statusColumns";
import {
  abandonedStatusCells,
  carriedStatusCells,
  heldStatusesOf,
  layStatusCells,
  type RowStatusCells,
} from "../../../src/core/sync/rowStatuses";

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

describe("carriedStatusCells", () => {
  const pending: StatusCells = { status: "Pending", message: "Sent.", syncedAt: null };
  const invalid: StatusCells = { status: "Invalid", message: "Phone is too short.", syncedAt: null };
  const blank = Array<string>(HEADER.length).fill("");
  const read = [HEADER, row("1001", ""), row("1002", ""), row("", ""), row("1003", ""), blank];
  const held: RowStatusCells = new Map<number, StatusCells | null>([
    [2, pending],
    [3, invalid],
    [4, invalid],
    [5, pending],
    [6, null],
  ]);
  const heldOnRead = heldStatusesOf(read, HEADER.indexOf("Employee ID"), held);

  it("keeps them on the same rows while every row holds the reference ID it held", () => {
    const now = read.map((cells, index) =>
      index === 2 ? [...cells.slice(0, 1), "renamed", ...cells.slice(2)] : cells,
    );
    expect(carriedStatusCells(heldOnRead, now, ROW_ONE)).toBe(held);
  });

  it("follows each person's reference ID once rows moved, dropping rows without one", () => {
    const sorted = [HEADER, row("1003", ""), row("1002", ""), row("1001", ""), row("", ""), blank];
    expect(carriedStatusCells(heldOnRead, sorted, ROW_ONE)).toEqual(
      new Map([
        [4, pending],
        [3, invalid],
        [2, pending],
      ]),
    );
  });

  it("carries nothing to a reference ID two rows hold now, nor without a reference ID column", () => {
    const twice = [HEADER, row("1001", ""), row("1001", ""), row("1002", "")];
    expect([...carriedStatusCells(heldOnRead, twice, ROW_ONE).keys()]).toEqual([4]);
    expect(carriedStatusCells(heldOnRead, [["Name"], ["Jane"]], ROW_ONE).size).toBe(0);
    expect(carriedStatusCells(heldStatusesOf(read, undefined, held), read, ROW_ONE).size).toBe(0);
  });
});

describe("layStatusCells", () => {
  it("writes the cells into the grid's status columns, so that it reads as the tab will", () => {
    const values: (string | Date)[][] = [HEADER, row("1001", "Ready"), row("1002", "Ready")];
    const found = mapHeaders(HEADER, 1);
    if (!found.ok) throw new Error("headers");
    const cells: RowStatusCells = new Map<number, StatusCells | null>([
      [3, { status: "Pending", message: "Sent.", syncedAt: SYNCED_AT }],
      [4, null],
    ]);

    layStatusCells(values, found.columns, cells);

    expect(values[1]?.slice(-3)).toEqual(["Ready", "Ready message", ""]);
    expect(values[2]?.slice(-3)).toEqual(["Pending", "Sent.", SYNCED_AT]);
    expect(values).toHaveLength(3);
  });
});
