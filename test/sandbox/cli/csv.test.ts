import fc from "fast-check";
import { CsvError, parseCsv } from "../../../sandbox/cli/csv";

describe("parseCsv", () => {
  it("reads plain cells, one row per line, with or without a line break after the last", () => {
    expect(parseCsv("ID,Name\n1001,Jane\n")).toEqual([
      ["ID", "Name"],
      ["1001", "Jane"],
    ]);
    expect(parseCsv("ID,Name\n1001,Jane")).toEqual([
      ["ID", "Name"],
      ["1001", "Jane"],
    ]);
  });

  it("ends records at CRLF as at LF", () => {
    expect(parseCsv("ID,Name\r\n1001,Jane\r\n")).toEqual([
      ["ID", "Name"],
      ["1001", "Jane"],
    ]);
  });

  it("drops a byte order mark at the start, so the first header is found", () => {
    expect(parseCsv("\uFEFFEmployee ID,Zip\n1,02134\n")[0]).toEqual(["Employee ID", "Zip"]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted cells", () => {
    expect(parseCsv('ID,Address,Note\n1,"1 Main St, Apt 2","said ""hi""\nthen left"\n')).toEqual([
      ["ID", "Address", "Note"],
      ["1", "1 Main St, Apt 2", 'said "hi"\nthen left'],
    ]);
    expect(parseCsv('"a\r\nb",c\r\n')).toEqual([["a\r\nb", "c"]]);
  });

  it("keeps empty cells, quoted empty cells and empty lines, so record N is sheet row N", () => {
    expect(parseCsv('ID,Name,City\n1,,""\n\n2,Omar,\n')).toEqual([
      ["ID", "Name", "City"],
      ["1", "", ""],
      [""],
      ["2", "Omar", ""],
    ]);
  });

  it("keeps spaces and leading zeros exactly as written", () => {
    expect(parseCsv(" 02134 ,'0501,=1+1\n")).toEqual([[" 02134 ", "'0501", "=1+1"]]);
  });

  it("reads a file with nothing in it as no rows", () => {
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv("\uFEFF")).toEqual([]);
  });

  it("keeps a quote inside an unquoted cell as text", () => {
    expect(parseCsv("5'10\",x\n")).toEqual([["5'10\"", "x"]]);
  });

  it("names the line of a quoted cell that is never closed", () => {
    expect(() => parseCsv('ID,Name\n1,"Jane\n2,Omar\n')).toThrow(
      new CsvError("The quoted cell that starts on line 2 has no closing quote."),
    );
  });

  it("names the line with text after a closing quote", () => {
    expect(() => parseCsv('ID\n"a\nb"c,d\n')).toThrow(/^Line 3 has text right after a closing quote/);
  });

  it("reads back what a CSV writer wrote, whatever the cells hold", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "0", " ", ",", '"', "\n", "\r", "é") });
    const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = rows.map((cells) => cells.map(quote).join(",")).join("\r\n");
        expect(parseCsv(text)).toEqual(rows);
      }),
    );
  });
});
