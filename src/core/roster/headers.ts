import { columnChosenGone, columnsToMap, moreThanOneColumn } from "../../messages/mapping";
import { missingColumnName, missingColumns, noHeaderRow } from "../../messages/roster";
import { COLUMN_TARGETS, type ColumnMapping, type ColumnTarget } from "./columnMapping";
import { cleanText } from "./cells";
import { columnLabel, knownColumnNames, normaliseHeader, REQUIRED_FIELDS, STATUS_COLUMN_NAMES } from "./columnNames";
import { editDistance } from "./editDistance";
import type { AmbiguousColumn, CellValue, ColumnMap, HeaderProblem, MissingColumn, VanishedColumn } from "./model";
import { listInWords } from "../text/wording";
import { MEMBER_FIELDS } from "../../vitable/memberSchema";

export type HeaderMapping = { ok: true; columns: ColumnMap } | { ok: false; problem: HeaderProblem };

/** Normalised header → the column it names. */
const KNOWN_HEADERS: ReadonlyMap<string, ColumnTarget> = new Map(
  knownColumnNames().flatMap(([target, names]) =>
    names.map((name): [string, ColumnTarget] => [normaliseHeader(name), target]),
  ),
);

type StatusKey = keyof typeof STATUS_COLUMN_NAMES;

const STATUS_HEADERS: ReadonlyMap<string, StatusKey> = new Map(
  (Object.keys(STATUS_COLUMN_NAMES) as StatusKey[]).map((key) => [normaliseHeader(STATUS_COLUMN_NAMES[key]), key]),
);

/** The text of a header cell as the user sees it; dates and checkboxes are never headers. */
export function headerText(cell: CellValue | undefined): string {
  if (typeof cell === "string") return cleanText(cell);
  if (typeof cell === "number") return String(cell);
  return "";
}

/**
 * What identifies a header: its normalised form, or for a header of punctuation only ("#") the
 * text itself, so that every header the user can see can be chosen in the mapping step.
 */
export function headerKey(text: string): string {
  return normaliseHeader(text) || text.toLowerCase();
}

interface Header {
  text: string;
  key: string;
}

/** What the header row says about each column, settled or not. */
export interface ColumnResolution {
  /** The columns found; those in doubt are left out. */
  columns: ColumnMap;
  missing: MissingColumn[];
  ambiguous: AmbiguousColumn[];
  vanished: VanishedColumn[];
  hasAnyHeader: boolean;
}

/**
 * Finds the roster's columns in the header row. `headerCells` is the header row as getValues()
 * returns it; `headerRow` its 1-based row number, for messages. Columns the user chose in
 * `mapping` come first; every other column is recognised by its header. A chosen header that is
 * gone, a required column not found and a column two headers could be all need the user.
 */
export function mapHeaders(
  headerCells: readonly CellValue[],
  headerRow: number,
  mapping: ColumnMapping | null = null,
): HeaderMapping {
  const { columns, missing, ambiguous, vanished, hasAnyHeader } = resolveColumns(headerCells, mapping);
  const anyMemberColumn = MEMBER_FIELDS.some((field) => columns.fields[field] !== undefined);
  if (!anyMemberColumn && ambiguous.length === 0 && vanished.length === 0) {
    return { ok: false, problem: { kind: "noHeaderRow", message: noHeaderRow(headerRow, hasAnyHeader) } };
  }
  if (missing.length + ambiguous.length + vanished.length === 0) return { ok: true, columns };
  return {
    ok: false,
    problem: {
      kind: "needsMapping",
      missing,
      ambiguous,
      vanished,
      message: mappingMessage(missing, ambiguous, vanished, headerRow),
    },
  };
}

/** The columns of a header row as far as they can be settled, and what is left for the user. */
export function resolveColumns(headerCells: readonly CellValue[], mapping: ColumnMapping | null): ColumnResolution {
  const headers: Header[] = headerCells.map((cell) => {
    const text = headerText(cell);
    return { text, key: text === "" ? "" : headerKey(text) };
  });
  const columns: ColumnMap = { fields: {}, labels: {}, status: { status: null, message: null, syncedAt: null } };
  const taken = new Set<number>();
  headers.forEach(({ key }, index) => {
    const statusKey = STATUS_HEADERS.get(key);
    if (statusKey === undefined) return;
    if (columns.status[statusKey] === null) columns.status[statusKey] = index;
    taken.add(index);
  });
  const assign = (target: ColumnTarget, index: number) => {
    columns.fields[target] = index;
    columns.labels[target] = (headers[index] as Header).text;
    taken.add(index);
  };

  const vanished: VanishedColumn[] = [];
  const ambiguous: AmbiguousColumn[] = [];
  const chosen = mapping?.columns ?? {};
  for (const target of COLUMN_TARGETS) {
    const header = chosen[target];
    if (header === undefined || header === null) continue;
    const key = headerKey(cleanText(header));
    const indexes = indexesWhere(headers, (candidate, index) => candidate.key === key && !taken.has(index));
    if (indexes.length === 1) assign(target, indexes[0] as number);
    else if (indexes.length === 0) vanished.push({ target, label: columnLabel(target), header });
    else ambiguous.push({ target, label: columnLabel(target), headers: indexes.map((index) => headers[index]!.text) });
  }

  const candidates = new Map<ColumnTarget, number[]>();
  headers.forEach(({ key }, index) => {
    const target = KNOWN_HEADERS.get(key);
    // A target the user chose, or chose to have no column for, is not guessed.
    if (target === undefined || taken.has(index) || chosen[target] !== undefined) return;
    candidates.set(target, [...(candidates.get(target) ?? []), index]);
  });
  for (const [target, indexes] of candidates) {
    if (indexes.length === 1) assign(target, indexes[0] as number);
    else ambiguous.push({ target, label: columnLabel(target), headers: indexes.map((index) => headers[index]!.text) });
  }

  const hasAnyHeader = headers.some(({ text }) => text !== "");
  const unsettled = new Set<ColumnTarget>([...ambiguous, ...vanished].map(({ target }) => target));
  const unrecognised = headers.filter(({ key }, index) => key !== "" && !taken.has(index) && !KNOWN_HEADERS.has(key));
  const missing: MissingColumn[] = REQUIRED_FIELDS.filter(
    (field) => columns.fields[field] === undefined && !unsettled.has(field),
  ).map((field) => ({ field, label: columnLabel(field), closest: closestHeader(field, unrecognised) }));
  return { columns, missing, ambiguous, vanished, hasAnyHeader };
}

function indexesWhere(headers: readonly Header[], test: (header: Header, index: number) => boolean): number[] {
  const indexes: number[] = [];
  headers.forEach((header, index) => {
    if (test(header, index)) indexes.push(index);
  });
  return indexes;
}

function mappingMessage(
  missing: readonly MissingColumn[],
  ambiguous: readonly AmbiguousColumn[],
  vanished: readonly VanishedColumn[],
  headerRow: number,
): string {
  const sentences = [
    ...vanished.map(({ label, header }) => columnChosenGone(header, label, headerRow)),
    ...ambiguous.map(({ label, headers }) => moreThanOneColumn(label, listInWords(headers.map((text) => `"${text}"`)))),
  ];
  if (missing.length > 0) {
    const names = missing.map(({ label, closest }) => missingColumnName(label, closest));
    sentences.push(missingColumns(listInWords(names), missing.length));
  }
  sentences.push(columnsToMap(vanished.length + ambiguous.length > 0));
  return sentences.join(" ");
}

/**
 * The unrecognised header nearest to one of the field's names, within a third of that name's
 * length in edits ("Birth Dte" for Date of Birth, "Zip Cd" for ZIP; names of one or two
 * letters such as "ID" only match exactly). Ties go to the leftmost header.
 */
function closestHeader(field: ColumnTarget, unrecognised: readonly Header[]): string | null {
  const names = (knownColumnNames().find(([target]) => target === field)?.[1] ?? []).map(normaliseHeader);
  let closest: string | null = null;
  let closestDistance = Infinity;
  for (const header of unrecognised) {
    for (const name of names) {
      const distance = editDistance(header.key, name);
      if (distance <= Math.floor(name.length / 3) && distance < closestDistance) {
        closest = header.text;
        closestDistance = distance;
      }
    }
  }
  return closest;
}
