import fc from "fast-check";
import type { CellValue, ColumnMap } from "../../../src/core/roster/model";
import { escapeCellText } from "../../../src/core/text/cellText";
import { planStatusWrite, type StatusCells, type StatusWrite } from "../../../src/core/sheet/statusColumns";

type Status = ColumnMap["status"];

const NONE: Status = { status: null, message: null, syncedAt: null };
const SYNCED_AT = new Date(Date.UTC(2026, 10, 23, 15, 30));
const EARLIER = new Date(Date.UTC(2026, 10, 20, 9));

const ready: StatusCells = { status: "Ready", message: "", syncedAt: null };

/** The tab after the write, as a grid of what setValues was given (1-based rows and columns). */
function written(write: StatusWrite): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  for (const block of write.blocks) {
    block.values.forEach((row, r) =>
      row.forEach((value, c) => cells.set(`${block.row + r},${block.column + c}`, value)),
    );
  }
  return cells;
}

describe("planStatusWrite: where the status columns go", () => {
  it("writes existing adjacent columns as ONE block from the header row to the last row read", () => {
    const values: CellValue[][] = [
      ["ID", "Name", "Vitable Status", "Vitable Message", "Vitable Synced At"],
      ["1001", "Jane", "Ready", "", ""],
      ["1002", "Omar", "Invalid", "Phone is empty.", ""],
    ];
    const write = planStatusWrite(
      values,
      1,
      { status: 2, message: 3, syncedAt: 4 },
      new Map([[2, { status: "Added", message: "", syncedAt: SYNCED_AT }]]),
    );
    expect(write).toEqual({
      headerRow: 1,
      columns: { status: 3, message: 4, syncedAt: 5 },
      added: [],
      blocks: [
        {
          row: 1,
          column: 3,
          values: [
            ["Vitable Status", "Vitable Message", "Vitable Synced At"],
            ["Added", "", SYNCED_AT],
            ["Invalid", "Phone is empty.", ""],
          ],
        },
      ],
    });
  });

  it("adds missing columns after the last header, in the order Status, Message, Synced At, with their headers", () => {
    const values: CellValue[][] = [
      ["ID", "Name", ""],
      ["1001", "Jane", ""],
    ];
    const write = planStatusWrite(values, 1, NONE, new Map([[2, ready]]));
    expect(write.added).toEqual(["status", "message", "syncedAt"]);
    expect(write.columns).toEqual({ status: 3, message: 4, syncedAt: 5 });
    expect(write.blocks).toEqual([
      {
        row: 1,
        column: 3,
        values: [
          ["Vitable Status", "Vitable Message", "Vitable Synced At"],
          ["Ready", "", ""],
        ],
      },
    ]);
  });

  it("adds them after a column of data that has no header, never over it", () => {
    const values: CellValue[][] = [
      ["ID", "Name", "", ""],
      ["1001", "Jane", "", "note to self"],
    ];
    expect(planStatusWrite(values, 1, NONE, new Map()).columns).toEqual({ status: 5, message: 6, syncedAt: 7 });
  });

  it("writes one block per column when the columns are apart, adding only the missing one", () => {
    const values: CellValue[][] = [
      ["Vitable Status", "ID", "Vitable Synced At", "Name"],
      ["Ready", "1001", EARLIER, "Jane"],
    ];
    const write = planStatusWrite(
      values,
      1,
      { status: 0, message: null, syncedAt: 2 },
      new Map([[2, { status: "Synced", message: "All good", syncedAt: SYNCED_AT }]]),
    );
    expect(write.added).toEqual(["message"]);
    expect(write.columns).toEqual({ status: 1, message: 5, syncedAt: 3 });
    expect(write.blocks).toEqual([
      { row: 1, column: 1, values: [["Vitable Status"], ["Synced"]] },
      { row: 1, column: 5, values: [["Vitable Message"], ["All good"]] },
      { row: 1, column: 3, values: [["Vitable Synced At"], [SYNCED_AT]] },
    ]);
  });

  it("starts at a header row below row 1 and never writes the rows above it", () => {
    const values: CellValue[][] = [
      ["Roster for 2026", "", "", "", "", "", ""],
      ["ID", "Name", "", "", "", "", ""],
      ["1001", "Jane", "", "", "", "", ""],
    ];
    const write = planStatusWrite(values, 2, NONE, new Map([[3, ready]]));
    expect(write.blocks).toEqual([
      {
        row: 2,
        column: 3,
        values: [
          ["Vitable Status", "Vitable Message", "Vitable Synced At"],
          ["Ready", "", ""],
        ],
      },
    ]);
  });

  it("keeps the header text of an existing column as the user wrote it", () => {
    const values: CellValue[][] = [
      ["ID", "vitable status", "VITABLE MESSAGE", "Vitable synced at"],
      ["1001", "", "", ""],
    ];
    const write = planStatusWrite(values, 1, { status: 1, message: 2, syncedAt: 3 }, new Map());
    expect(write.blocks[0]!.values[0]).toEqual(["vitable status", "VITABLE MESSAGE", "Vitable synced at"]);
  });
});

describe("planStatusWrite: what the cells say", () => {
  const values: CellValue[][] = [
    ["ID", "Vitable Status", "Vitable Message", "Vitable Synced At"],
    ["1001", "Added", "", EARLIER],
    ["1002", "Failed", "=Vitable's reason", EARLIER],
    ["1003", "Invalid", "Phone is empty.", ""],
    ["", "", "", ""],
  ];
  const columns: Status = { status: 1, message: 2, syncedAt: 3 };

  it("writes planned rows, clears rows mapped to null, and writes every other row back as it was", () => {
    const cells = new Map<number, StatusCells | null>([
      [2, { status: "Failed", message: "+1 is not a phone number", syncedAt: SYNCED_AT }],
      [4, null],
    ]);
    expect(planStatusWrite(values, 1, columns, cells).blocks[0]!.values).toEqual([
      ["Vitable Status", "Vitable Message", "Vitable Synced At"],
      ["Failed", "'+1 is not a phone number", SYNCED_AT],
      ["Failed", "'=Vitable's reason", EARLIER],
      ["", "", ""],
      ["", "", ""],
    ]);
  });

  it("escapes planned text so that nothing written becomes a formula", () => {
    const cells = new Map<number, StatusCells | null>([
      [5, { status: "Failed", message: '=HYPERLINK("http://x")', syncedAt: null }],
    ]);
    expect(planStatusWrite(values, 1, columns, cells).blocks[0]!.values[4]).toEqual([
      "Failed",
      '\'=HYPERLINK("http://x")',
      "",
    ]);
  });

  it("writes back text that starts with an apostrophe as it is, so a plain-text column never gains one more", () => {
    const plainText: CellValue[][] = [values[0]!, ["1001", "Failed", "'=reason", ""]];
    expect(planStatusWrite(plainText, 1, columns, new Map()).blocks[0]!.values[1]).toEqual(["Failed", "'=reason", ""]);
  });

  it("covers exactly the rows read, from the header row down", () => {
    const write = planStatusWrite(values, 1, columns, new Map());
    expect(write.blocks[0]!.values).toHaveLength(values.length);
  });

  it.each<[string, number, number[]]>([
    ["a header row below the rows read", 6, []],
    ["a header row of 0", 0, []],
    ["a row of the map above the data", 1, [1]],
    ["a row of the map below the rows read", 1, [6]],
  ])("refuses %s", (_label, headerRow, rows) => {
    const cells = new Map<number, StatusCells | null>(rows.map((row) => [row, ready]));
    expect(() => planStatusWrite(values, headerRow, columns, cells)).toThrow(/is not a/);
  });
});

// ---- property: rows absent from the map keep their cells ---------------------------------------

/**
 * What a cell shows after a write: outside a plain-text column, Sheets hides a leading apostrophe
 * and acts on text that starts with a formula opener (it is no longer that text).
 */
function shownAfterWrite(value: CellValue, plainText: boolean): CellValue {
  if (plainText || typeof value !== "string") return value;
  if (value.startsWith("'")) return value.slice(1);
  return /^[=+\-@\t\r]./.test(value) ? ({ actedOn: value } as unknown as CellValue) : value;
}

const statusText = fc.string({
  unit: fc.constantFrom("=", "+", "-", "@", "'", "\t", "a", "1", " "),
  maxLength: 6,
});
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(""),
  statusText,
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
);
const statusCells: fc.Arbitrary<StatusCells | null> = fc.option(
  fc.record({
    status: fc.constantFrom("", "Ready", "Invalid", "Added", "Failed"),
    message: statusText,
    syncedAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
  }),
  { nil: null },
);

const tab = fc
  .record({
    width: fc.integer({ min: 3, max: 6 }),
    rows: fc.integer({ min: 1, max: 12 }),
    headerRow: fc.integer({ min: 1, max: 3 }),
    present: fc.record({ status: fc.boolean(), message: fc.boolean(), syncedAt: fc.boolean() }),
    plainText: fc.boolean(),
  })
  .chain(({ width, rows, headerRow, present, plainText }) => {
    const total = headerRow + rows;
    return fc.record({
      headerRow: fc.constant(headerRow),
      plainText: fc.constant(plainText),
      values: fc.array(fc.array(anyCell, { minLength: width, maxLength: width }), {
        minLength: total,
        maxLength: total,
      }),
      statusAt: fc.shuffledSubarray([...Array(width).keys()], { minLength: 3, maxLength: 3 }),
      present: fc.constant(present),
      planned: fc.dictionary(fc.integer({ min: headerRow + 1, max: total }).map(String), statusCells),
    });
  });

describe("planStatusWrite: rows absent from the map", () => {
  it("keep what their status cells show, whatever they hold and wherever the columns are", () => {
    fc.assert(
      fc.property(tab, ({ headerRow, plainText, values, statusAt, present, planned }) => {
        // Text as a cell can hold it: in an automatic column a leading apostrophe is always hidden;
        // a plain-text column holds text exactly as the add-on wrote it, escaped.
        const read = values.map((row) =>
          row.map((cell) => {
            if (typeof cell !== "string") return cell;
            return plainText ? escapeCellText(cell) : cell.replace(/^'+/, "");
          }),
        );
        const status: Status = {
          status: present.status ? statusAt[0]! : null,
          message: present.message ? statusAt[1]! : null,
          syncedAt: present.syncedAt ? statusAt[2]! : null,
        };
        const cells = new Map(Object.entries(planned).map(([row, value]) => [Number(row), value]));
        const write = planStatusWrite(read, headerRow, status, cells);
        const after = written(write);

        for (let row = headerRow + 1; row <= read.length; row++) {
          for (const key of ["status", "message", "syncedAt"] as const) {
            const column = write.columns[key];
            expect(after.has(`${row},${column}`)).toBe(true);
            if (cells.has(row)) continue;
            const before = status[key] === null ? "" : read[row - 1]![column - 1]!;
            expect(shownAfterWrite(after.get(`${row},${column}`)!, plainText)).toEqual(before);
          }
        }
        // Nothing outside the status columns, and nothing above the header row, is written.
        const statusColumns = new Set(Object.values(write.columns));
        for (const key of after.keys()) {
          const [row, column] = key.split(",").map(Number) as [number, number];
          expect(row).toBeGreaterThanOrEqual(headerRow);
          expect(row).toBeLessThanOrEqual(read.length);
          expect(statusColumns.has(column)).toBe(true);
        }
        expect(write.blocks).toHaveLength(
          write.columns.message === write.columns.status + 1 && write.columns.syncedAt === write.columns.status + 2
            ? 1
            : 3,
        );
      }),
    );
  });
});
