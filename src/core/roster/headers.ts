import { missingColumnName, missingColumns, noHeaderRow } from "../../messages/roster";
import { MEMBER_FIELDS, type MemberField } from "../../vitable/memberSchema";
import { cleanText } from "./cells";
import {
  INCLUDE_COLUMN_NAMES,
  MEMBER_COLUMN_NAMES,
  normaliseHeader,
  REQUIRED_FIELDS,
  STATUS_COLUMN_NAMES,
} from "./columnNames";
import { editDistance } from "./editDistance";
import type { CellValue, ColumnMap, HeaderProblem, MissingColumn } from "./model";
import { listInWords } from "../text/wording";

export type HeaderMapping = { ok: true; columns: ColumnMap } | { ok: false; problem: HeaderProblem };

type Target = MemberField | "include";

/** Normalised header → the column it names and how strong that name is (0 = strongest). */
const KNOWN_HEADERS: ReadonlyMap<string, { target: Target; strength: number }> = (() => {
  const known = new Map<string, { target: Target; strength: number }>();
  for (const field of MEMBER_FIELDS) {
    MEMBER_COLUMN_NAMES[field].synonyms.forEach((name, strength) =>
      known.set(normaliseHeader(name), { target: field, strength }),
    );
  }
  INCLUDE_COLUMN_NAMES.forEach((name, strength) => known.set(normaliseHeader(name), { target: "include", strength }));
  return known;
})();

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

interface UnrecognisedHeader {
  text: string;
  normalised: string;
}

/**
 * Finds the roster's columns in the header row. `headerCells` is the header row as getValues()
 * returns it; `headerRow` its 1-based row number, for messages.
 */
export function mapHeaders(headerCells: readonly CellValue[], headerRow: number): HeaderMapping {
  const columns: ColumnMap = {
    fields: {},
    labels: {},
    include: null,
    includeLabel: null,
    status: { status: null, message: null, syncedAt: null },
  };
  const strengths = new Map<Target, number>();
  const unrecognised: UnrecognisedHeader[] = [];
  let hasAnyHeader = false;

  headerCells.forEach((cell, index) => {
    const text = headerText(cell);
    const normalised = normaliseHeader(text);
    if (normalised === "") return;
    hasAnyHeader = true;
    const statusKey = STATUS_HEADERS.get(normalised);
    if (statusKey !== undefined) {
      if (columns.status[statusKey] === null) columns.status[statusKey] = index;
      return;
    }
    const known = KNOWN_HEADERS.get(normalised);
    if (known === undefined) {
      unrecognised.push({ text, normalised });
      return;
    }
    const strongest = strengths.get(known.target);
    if (strongest !== undefined && strongest <= known.strength) return;
    strengths.set(known.target, known.strength);
    if (known.target === "include") {
      columns.include = index;
      columns.includeLabel = text;
    } else {
      columns.fields[known.target] = index;
      columns.labels[known.target] = text;
    }
  });

  if (Object.keys(columns.fields).length === 0) {
    return { ok: false, problem: { kind: "noHeaderRow", message: noHeaderRow(headerRow, hasAnyHeader) } };
  }
  const missing: MissingColumn[] = REQUIRED_FIELDS.filter((field) => columns.fields[field] === undefined).map(
    (field) => ({ field, label: MEMBER_COLUMN_NAMES[field].label, closest: closestHeader(field, unrecognised) }),
  );
  if (missing.length > 0) {
    const names = missing.map(({ label, closest }) => missingColumnName(label, closest));
    return {
      ok: false,
      problem: { kind: "missingColumns", missing, message: missingColumns(listInWords(names), missing.length) },
    };
  }
  return { ok: true, columns };
}

/**
 * The unrecognised header nearest to one of the field's names, within a third of that name's
 * length in edits ("Birth Dte" for Date of Birth, "Zip Cd" for ZIP; names of one or two
 * letters such as "ID" only match exactly). Ties go to the leftmost header.
 */
function closestHeader(field: MemberField, unrecognised: readonly UnrecognisedHeader[]): string | null {
  const names = MEMBER_COLUMN_NAMES[field].synonyms.map(normaliseHeader);
  let closest: string | null = null;
  let closestDistance = Infinity;
  for (const header of unrecognised) {
    for (const name of names) {
      const distance = editDistance(header.normalised, name);
      if (distance <= Math.floor(name.length / 3) && distance < closestDistance) {
        closest = header.text;
        closestDistance = distance;
      }
    }
  }
  return closest;
}
