import { CELL_MARK, CHUNK_LENGTH } from "../../../src/core/records/cellChunks";
import {
  SHORT_RECORD_LENGTH,
  readIndexCells,
  readRecordRow,
  recordRowCells,
  usedWidth,
} from "../../../src/core/records/recordRows";

describe("recordRowCells and readRecordRow", () => {
  it("write the marked key, the chunk count and the chunks, and read them back", () => {
    const value = "v".repeat(CHUNK_LENGTH + 3);
    const cells = recordRowCells("roster/123", value);
    // A long record leaves column C blank: the index (A to C) never holds its chunks.
    expect(cells.slice(0, 3)).toEqual([`${CELL_MARK}roster/123`, 2, ""]);
    expect(cells).toHaveLength(5);
    expect(readRecordRow(cells)).toEqual({ key: "roster/123", value });
  });

  it("keep a short record whole in column C, and a long one after it, however few its chunks", () => {
    expect(recordRowCells("link:1", "short")).toEqual([`${CELL_MARK}link:1`, 1, `${CELL_MARK}short`]);
    const long = "v".repeat(SHORT_RECORD_LENGTH + 1);
    expect(recordRowCells("sent:1", long)).toEqual([`${CELL_MARK}sent:1`, 1, "", `${CELL_MARK}${long}`]);
    expect(readIndexCells(recordRowCells("sent:1", long))).toEqual({ key: "sent:1", chunks: { column: 4, count: 1 } });
    expect(readIndexCells(recordRowCells("link:1", "short"))).toEqual({ key: "link:1", value: "short" });
  });

  it("read rows written before long records left column C blank", () => {
    const old = [`${CELL_MARK}accepted:1`, 2, `${CELL_MARK}first`, `${CELL_MARK}second`];
    expect(readIndexCells(old.slice(0, 3))).toEqual({ key: "accepted:1", chunks: { column: 3, count: 2 } });
    expect(readRecordRow(old)).toEqual({ key: "accepted:1", value: "firstsecond" });
  });

  it("keep a key that looks like a number as text, and an empty value as empty", () => {
    expect(recordRowCells("1001", "")).toEqual([`${CELL_MARK}1001`, 0]);
    expect(readRecordRow([`${CELL_MARK}1001`, 0, "", ""])).toEqual({ key: "1001", value: "" });
  });

  it("ignore leftover cells after the counted chunks", () => {
    expect(readRecordRow([`${CELL_MARK}k`, 1, `${CELL_MARK}new`, `${CELL_MARK}old`])).toEqual({
      key: "k",
      value: "new",
    });
  });

  it.each<[string, unknown[]]>([
    ["a count that is not a number", [`${CELL_MARK}k`, "2", `${CELL_MARK}a`, `${CELL_MARK}b`]],
    ["a fractional count", [`${CELL_MARK}k`, 1.5, `${CELL_MARK}a`, `${CELL_MARK}b`]],
    ["a negative count", [`${CELL_MARK}k`, -1, `${CELL_MARK}a`]],
    ["more chunks counted than the row holds", [`${CELL_MARK}k`, 3, `${CELL_MARK}a`, `${CELL_MARK}b`]],
    ["a chunk without its mark", [`${CELL_MARK}k`, 2, `${CELL_MARK}a`, "b"]],
    ["a chunk Sheets turned into a number", [`${CELL_MARK}k`, 1, 1001]],
    ["a count left empty", [`${CELL_MARK}k`, "", `${CELL_MARK}a`]],
  ])("read a record with %s as damaged: its key, no value", (_label, row) => {
    expect(readRecordRow(row)).toEqual({ key: "k", value: null });
  });

  it.each<[string, unknown[]]>([
    ["a blank row", ["", "", ""]],
    ["the notice row", ["Vitable Roster Sync keeps its records here. Do not edit."]],
    ["a row typed by hand", ["k", 1, `${CELL_MARK}a`]],
  ])("read %s as no record", (_label, row) => {
    expect(readRecordRow(row)).toBeNull();
  });
});

describe("usedWidth", () => {
  it.each<[unknown[], number]>([
    [[], 0],
    [["", ""], 0],
    [["a", "", ""], 1],
    [["", 0, "", false, ""], 4],
  ])("of %j is %i", (row, width) => {
    expect(usedWidth(row)).toBe(width);
  });
});
