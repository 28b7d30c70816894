import { COLUMN_CHOSEN_TWICE, NOT_A_HEADER, REQUIRED_COLUMN_UNMAPPED } from "../../messages/mapping";
import { listInWords } from "../text/wording";
import { isBlankCell } from "./cells";
import { COLUMN_TARGETS, type ColumnMapping, type ColumnTarget, type StatusDecision } from "./columnMapping";
import { columnLabel, isRequired } from "./columnNames";
import { headerKey, headerText, mapHeaders, resolveColumns, type ColumnResolution } from "./headers";
import type { CellValue } from "./model";
import { knownStatus, statusValueKey } from "./rowFilters";

type Grid = readonly (readonly CellValue[])[];

/** How many values of a column the mapping step shows beside its header. */
const SAMPLES = 2;

export interface MappedColumn {
  target: ColumnTarget;
  label: string;
  required: boolean;
  header: string | null;
  chosen: boolean;
  problem: "missing" | "ambiguous" | "vanished" | null;
  guess: string | null;
}

export interface StatusValue {
  value: string;
  rows: number;
  known: StatusDecision | null;
  chosen: StatusDecision | null;
}

export interface MappingDescription {
  headers: { header: string; samples: string[] }[];
  columns: MappedColumn[];
  statusValues: StatusValue[];
  /** Why the tab cannot be read as it is; null when every column is settled. */
  problem: string | null;
}

/**
 * Everything the mapping step shows for a tab read in one call (`values`, row 1 first): its
 * headers with sample values, each column with the header used or guessed, and the values of the
 * employment status column. `show` turns a cell into the text the user sees.
 */
export function describeMapping(
  values: Grid,
  headerRow: number,
  mapping: ColumnMapping | null,
  show: (cell: CellValue) => string,
): MappingDescription {
  const headerCells = values[headerRow - 1] ?? [];
  const resolution = resolveColumns(headerCells, mapping);
  const read = mapHeaders(headerCells, headerRow, mapping);
  const headers: MappingDescription["headers"] = [];
  headerCells.forEach((cell, index) => {
    const header = headerText(cell);
    if (header !== "") headers.push({ header, samples: samplesOf(values, headerRow, index, show) });
  });
  const statusColumn = resolution.columns.fields.employmentStatus;
  return {
    headers,
    columns: orderedColumns(resolution, mapping),
    statusValues: statusColumn === undefined ? [] : statusValuesOf(values, headerRow, statusColumn, mapping),
    problem: read.ok ? null : read.problem.message,
  };
}

function samplesOf(values: Grid, headerRow: number, index: number, show: (cell: CellValue) => string): string[] {
  const samples: string[] = [];
  for (let row = headerRow; row < values.length && samples.length < SAMPLES; row++) {
    const cell = values[row]?.[index];
    if (cell !== undefined && !isBlankCell(cell)) samples.push(show(cell));
  }
  return samples;
}

/** Columns needing the user first, then required ones, then the rest, each in payload order. */
function orderedColumns(resolution: ColumnResolution, mapping: ColumnMapping | null): MappedColumn[] {
  const chosen = mapping?.columns ?? {};
  const columns = COLUMN_TARGETS.map((target): MappedColumn => {
    const ambiguous = resolution.ambiguous.find((column) => column.target === target);
    const vanished = resolution.vanished.find((column) => column.target === target);
    const missing = resolution.missing.find((column) => column.field === target);
    const header = resolution.columns.labels[target] ?? null;
    return {
      target,
      label: columnLabel(target),
      required: isRequired(target),
      header,
      chosen: chosen[target] !== undefined,
      problem: ambiguous ? "ambiguous" : vanished ? "vanished" : missing ? "missing" : null,
      guess: header ?? ambiguous?.headers[0] ?? missing?.closest ?? null,
    };
  });
  const rank = (column: MappedColumn) => (column.problem !== null ? 0 : column.required ? 1 : 2);
  return columns
    .map((column, order) => ({ column, order }))
    .sort((a, b) => rank(a.column) - rank(b.column) || a.order - b.order)
    .map(({ column }) => column);
}

function statusValuesOf(values: Grid, headerRow: number, index: number, mapping: ColumnMapping | null): StatusValue[] {
  const byKey = new Map<string, StatusValue>();
  for (let row = headerRow; row < values.length; row++) {
    const cell = values[row]?.[index];
    if (cell === undefined || isBlankCell(cell)) continue;
    const value = String(cell).trim();
    const key = statusValueKey(value);
    const seen = byKey.get(key);
    if (seen !== undefined) seen.rows++;
    else byKey.set(key, { value, rows: 1, known: knownStatus(key), chosen: mapping?.statusValues[key] ?? null });
  }
  return [...byKey.values()].sort((a, b) => b.rows - a.rows);
}

export type MappingToSave = { ok: true; mapping: ColumnMapping | null } | { ok: false; message: string };

/**
 * The user's choices as they are saved: checked against the header row, and reduced to those
 * that differ from what the headers say by themselves, so a column added later is still
 * recognised. Null when nothing differs.
 */
export function mappingToSave(
  headerCells: readonly CellValue[],
  headerRow: number,
  columns: Partial<Record<ColumnTarget, string | null>>,
  statusValues: Readonly<Record<string, StatusDecision>>,
): MappingToSave {
  const keys = new Set(
    headerCells
      .map(headerText)
      .filter((text) => text !== "")
      .map(headerKey),
  );
  const targetsByHeader = new Map<string, ColumnTarget[]>();
  for (const target of COLUMN_TARGETS) {
    const header = columns[target];
    if (header === undefined) continue;
    if (header === null) {
      if (isRequired(target)) return { ok: false, message: REQUIRED_COLUMN_UNMAPPED(columnLabel(target)) };
      continue;
    }
    const key = headerKey(header.trim());
    if (!keys.has(key)) return { ok: false, message: NOT_A_HEADER(header, headerRow) };
    targetsByHeader.set(key, [...(targetsByHeader.get(key) ?? []), target]);
  }
  for (const targets of targetsByHeader.values()) {
    if (targets.length > 1) {
      const header = columns[targets[0]!] as string;
      return { ok: false, message: COLUMN_CHOSEN_TWICE(header, listInWords(targets.map(columnLabel))) };
    }
  }

  const automatic = resolveColumns(headerCells, null);
  const unsettled = new Set<ColumnTarget>(automatic.ambiguous.map(({ target }) => target));
  const saved: ColumnMapping = { columns: {}, statusValues: {} };
  for (const target of COLUMN_TARGETS) {
    const header = columns[target];
    if (header === undefined) continue;
    const found = automatic.columns.labels[target];
    const sameAsHeaders =
      !unsettled.has(target) &&
      (header === null ? found === undefined : found !== undefined && headerKey(found) === headerKey(header.trim()));
    if (!sameAsHeaders) saved.columns[target] = header === null ? null : header.trim();
  }
  for (const [value, decision] of Object.entries(statusValues)) {
    const key = statusValueKey(value);
    if (key !== "" && knownStatus(key) !== decision) saved.statusValues[key] = decision;
  }
  const empty = Object.keys(saved.columns).length === 0 && Object.keys(saved.statusValues).length === 0;
  return { ok: true, mapping: empty ? null : saved };
}
