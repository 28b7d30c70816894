import fc from "fast-check";
import {
  CELL_MARK,
  CHUNK_LENGTH,
  cellsToText,
  markCell,
  textToCells,
  unmarkCell,
} from "../../../src/core/records/cellChunks";

/** Sheets' limit on the text of one cell. */
const SHEETS_CELL_LIMIT = 50_000;

/** Text rich in what matters here: spreadsheet openers, digits, dates, surrogate pairs. */
const recordText = fc.string({
  unit: fc.oneof(
    fc.constantFrom("=", "'", "+", "-", "@", "1", "0", "/", ":", "\n", "\t", " ", "😀", "é", CELL_MARK),
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  ),
  maxLength: 60,
});

describe("markCell and unmarkCell", () => {
  it.each(["=SUM(A1:A3)", "'quoted", "+1", "1001", "2026-01-02", "TRUE", "", " padded ", CELL_MARK])(
    "marks %j so that it starts with the mark, and reads it back",
    (text) => {
      const cell = markCell(text);
      expect(cell.charAt(0)).toBe(CELL_MARK);
      expect(unmarkCell(cell)).toBe(text);
    },
  );

  it.each<[string, unknown]>([
    ["unmarked text", "VitableRoster/1"],
    ["an empty cell", ""],
    ["a number Sheets made of the text", 1001],
    ["a date Sheets made of the text", new Date(Date.UTC(2026, 0, 2))],
    ["a checkbox", true],
    ["text whose mark was moved", ` ${CELL_MARK}abc`],
  ])("refuses %s", (_label, cell) => {
    expect(unmarkCell(cell)).toBeNull();
  });
});

describe("textToCells", () => {
  it("gives no cell for empty text and one marked cell for short text", () => {
    expect(textToCells("")).toEqual([]);
    expect(textToCells("=1+1")).toEqual([`${CELL_MARK}=1+1`]);
  });

  it("cuts long text into chunks of 45,000 characters, each cell within Sheets' 50,000", () => {
    const text = "x".repeat(CHUNK_LENGTH * 2 + 7);
    const cells = textToCells(text);
    expect(cells.map((cell) => cell.length)).toEqual([CHUNK_LENGTH + 1, CHUNK_LENGTH + 1, 8]);
    expect(Math.max(...cells.map((cell) => cell.length))).toBeLessThanOrEqual(SHEETS_CELL_LIMIT);
    expect(cellsToText(cells)).toBe(text);
  });

  it("never separates the two halves of a surrogate pair", () => {
    const text = "a".repeat(CHUNK_LENGTH - 1) + "😀" + "b";
    const cells = textToCells(text);
    expect(cells[0]).toBe(CELL_MARK + "a".repeat(CHUNK_LENGTH - 1));
    expect(cells[1]).toBe(`${CELL_MARK}😀b`);
  });

  it("round-trips any text, and no cell starts or ends inside a surrogate pair", () => {
    fc.assert(
      fc.property(recordText, fc.integer({ min: 2, max: 7 }), (text, chunkLength) => {
        const cells = textToCells(text, chunkLength);
        expect(cellsToText(cells)).toBe(text);
        for (const cell of cells) {
          expect(cell.charAt(0)).toBe(CELL_MARK);
          expect(cell.length).toBeGreaterThan(1);
          expect(cell.length).toBeLessThanOrEqual(chunkLength + 1);
        }
        for (let i = 1; i < cells.length; i++) {
          const endsHigh = /[\uD800-\uDBFF]$/.test(cells[i - 1]!);
          const startsLow = /^[\uDC00-\uDFFF]/.test(cells[i]!.slice(1));
          expect(endsHigh && startsLow).toBe(false);
        }
      }),
    );
  });
});

describe("cellsToText", () => {
  it("refuses cells when any of them lost its mark", () => {
    const cells: unknown[] = textToCells("abcdef", 2);
    expect(cellsToText(cells)).toBe("abcdef");
    cells[1] = "cd";
    expect(cellsToText(cells)).toBeNull();
    cells[1] = 42;
    expect(cellsToText(cells)).toBeNull();
  });

  it("reads no cells as empty text", () => {
    expect(cellsToText([])).toBe("");
  });
});
