/** Why a CSV file cannot be read, naming the line. */
export class CsvError extends Error {}

const BYTE_ORDER_MARK = "\uFEFF";

/**
 * Reads CSV text (RFC 4180) into rows of cells, exactly as written: quoted cells may hold commas,
 * doubled quotes and line breaks; records end with CRLF or LF; a byte order mark at the start is
 * dropped (spreadsheet programs write one). Every record is kept, even an empty line, so that
 * record N lands on sheet row N; only the line break that ends the last record adds no row.
 */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BYTE_ORDER_MARK) ? text.slice(BYTE_ORDER_MARK.length) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let recordStarted = false;
  let line = 1;
  let i = 0;

  const endRecord = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = "";
    recordStarted = false;
  };

  while (i < source.length) {
    const char = source[i]!;
    recordStarted = true;
    if (char === '"' && cell === "") {
      const openedOnLine = line;
      i += 1;
      for (;;) {
        if (i >= source.length) {
          throw new CsvError(`The quoted cell that starts on line ${openedOnLine} has no closing quote.`);
        }
        const quoted = source[i]!;
        i += 1;
        if (quoted === '"') {
          if (source[i] !== '"') break;
          i += 1;
        } else if (quoted === "\n") {
          line += 1;
        }
        cell += quoted;
      }
      const next = source[i];
      const endsCell = next === undefined || next === "," || next === "\n" || source.startsWith("\r\n", i);
      if (!endsCell) {
        throw new CsvError(
          `Line ${line} has text right after a closing quote; write a quote inside a quoted cell as two quotes ("").`,
        );
      }
    } else if (char === ",") {
      row.push(cell);
      cell = "";
      i += 1;
    } else if (char === "\n" || source.startsWith("\r\n", i)) {
      endRecord();
      line += 1;
      i += char === "\r" ? 2 : 1;
    } else {
      cell += char;
      i += 1;
    }
  }
  if (recordStarted) endRecord();
  return rows;
}
