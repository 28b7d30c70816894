import { isDeepStrictEqual } from "node:util";
import { basePersonCells, expectedMember } from "./basePerson";
import { generatedRows } from "./generate";
import { CORPUS_COLUMNS, FIELD_OF, type CorpusCell, type CorpusColumn, type CorpusRow } from "./model";
import { HAND_WRITTEN_ROWS } from "./rows";

/** The hand-written rows, then the generated ones. */
export const CORPUS: readonly CorpusRow[] = [...HAND_WRITTEN_ROWS, ...generatedRows()];

/** A corpus row placed in a tab: `n` numbers its base person (1-based corpus position), `sheetRow` is where it is. */
export interface PlacedRow {
  row: CorpusRow;
  n: number;
  sheetRow: number;
}

/** The row's cells, left to right: its own, and its base person's elsewhere. */
export function cellsOf(placed: Pick<PlacedRow, "row" | "n">): CorpusCell[] {
  const cells = { ...basePersonCells(placed.n), ...placed.row.cells };
  return CORPUS_COLUMNS.map((column) => cells[column]);
}

/** Rows of the corpus placed from `firstSheetRow` down, in corpus order. */
export function placeRows(rows: readonly { row: CorpusRow; n: number }[], firstSheetRow: number): PlacedRow[] {
  return rows.map((entry, index) => ({ ...entry, sheetRow: firstSheetRow + index }));
}

/** Every row of the corpus with its base person's number. */
export function numberedCorpus(): { row: CorpusRow; n: number }[] {
  return CORPUS.map((row, index) => ({ row, n: index + 1 }));
}

/**
 * The units the pure core reads on their own: a row alone, or all the rows of a group
 * (duplicates, a merged cell), in corpus order.
 */
export function readingUnits(): { row: CorpusRow; n: number }[][] {
  const units: { row: CorpusRow; n: number }[][] = [];
  const byGroup = new Map<string, { row: CorpusRow; n: number }[]>();
  for (const entry of numberedCorpus()) {
    const { group } = entry.row;
    if (group === undefined) {
      units.push([entry]);
      continue;
    }
    const unit = byGroup.get(group);
    if (unit === undefined) {
      const fresh = [entry];
      byGroup.set(group, fresh);
      units.push(fresh);
    } else {
      unit.push(entry);
    }
  }
  return units;
}

/** The sheet rows of the other rows sharing `placed`'s duplicated ID, among `all`: its message names them. */
export function duplicatePartners(placed: PlacedRow, all: readonly PlacedRow[]): number[] {
  const { group, expected } = placed.row;
  if (expected.status !== "Invalid" || !expected.duplicate) return [];
  return all
    .filter((other) => other !== placed && other.row.group === group && other.row.expected.status === "Invalid")
    .map((other) => other.sheetRow);
}

/** A read row, as readRoster and the add-on's detailed validation both give it. */
export interface ReadRow {
  row: number;
  status: string;
  message: string;
  errors: ReadonlyArray<{ field: string; column: string; message: string }>;
  member: unknown;
}

/** Sheets' limit on the text of one cell: a message must fit in its Vitable Message cell. */
const CELL_LIMIT = 50_000;

function rowInWords(placed: PlacedRow): string {
  return `row ${placed.sheetRow} (${placed.row.why})`;
}

/**
 * What differs between a read row and the corpus's expectation, as sentences (empty when it is
 * as documented). `read` is undefined for a row that was skipped; `labels` are the headers the
 * tab was read under; `partners` are the sheet rows of the other rows of the same group.
 */
export function mismatches(
  placed: PlacedRow,
  read: ReadRow | undefined,
  labels: Record<CorpusColumn, string>,
  partners: readonly number[],
): string[] {
  const { expected } = placed.row;
  const where = rowInWords(placed);
  if (expected.status === "Blank") return read === undefined ? [] : [`${where} was read, but it is blank`];
  if (read === undefined) return [`${where} was skipped as blank`];
  const found: string[] = [];
  const say = (problem: string) => found.push(`${where}: ${problem}`);
  if (read.row !== placed.sheetRow) say(`read as sheet row ${read.row}`);
  if (read.status !== expected.status) say(`is ${read.status} (${read.message}), not ${expected.status}`);
  if (read.message.length >= CELL_LIMIT) say(`has a message of ${read.message.length} characters`);

  switch (expected.status) {
    case "Ready": {
      const member = expectedMember(placed.n, expected.member);
      if (!isDeepStrictEqual(read.member, member)) {
        say(`sends ${JSON.stringify(read.member)}, not ${JSON.stringify(member)}`);
      }
      if (read.errors.length > 0) say(`has errors ${JSON.stringify(read.errors)}`);
      const repaired = (expected.repaired ?? []).map((column) => labels[column]);
      const sentences = repaired.map((label) => read.message.indexOf(`${label} `));
      const inOrder = sentences.every((at, i) => at >= 0 && (i === 0 ? at === 0 : at > (sentences[i - 1] as number)));
      if (repaired.length === 0 ? read.message !== "" : !inOrder) {
        say(`reports the repairs "${read.message}", not of ${repaired.join(", ") || "nothing"}`);
      }
      break;
    }
    case "Invalid": {
      if (read.member !== null) say("has a member");
      const columns = expected.problems.map(([column]) => column);
      const readColumns = read.errors.map((error) => error.column);
      if (
        !isDeepStrictEqual(
          readColumns,
          columns.map((column) => labels[column]),
        )
      ) {
        say(`has problems in ${JSON.stringify(readColumns)}: ${read.message}`);
        break;
      }
      expected.problems.forEach(([column, says], i) => {
        const error = read.errors[i]!;
        const label = labels[column];
        const field = column === "Include" ? "include" : FIELD_OF[column];
        if (error.field !== field) say(`names the field ${error.field} for ${column}`);
        const predicate = error.message.startsWith(`${label} `) ? error.message.slice(label.length + 1) : null;
        if (predicate === null || !says.test(predicate)) say(`says "${error.message.slice(0, 300)}" for ${column}`);
      });
      if (read.message !== read.errors.map((error) => error.message).join(" ")) {
        say(`has the message "${read.message.slice(0, 300)}", not its problems in column order`);
      }
      if (expected.duplicate) {
        const idError = read.errors.find((error) => error.field === FIELD_OF["Employee ID"]);
        const named = partners.filter((row) => !new RegExp(`\\b${row}\\b`).test(idError?.message ?? ""));
        if (named.length > 0) say(`does not name the rows ${named.join(", ")} that share its ID`);
      }
      break;
    }
    case "Excluded":
      if (read.member !== null || read.errors.length > 0) say("is checked although it is left out");
      if (!read.message.startsWith(`Not sent to Vitable because ${labels.Include} is "`)) {
        say(`has the message "${read.message}"`);
      }
      break;
  }
  return found;
}
