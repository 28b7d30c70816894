import {
  although,
  columnSays,
  leftOut,
  terminatedOn,
  unknownEmploymentStatus,
  unknownIncludeValue,
} from "../../messages/employment";
import { aboutColumn, IS_EMPTY } from "../../messages/roster";
import { MEMBER_FIELDS, type MemberField } from "../../vitable/memberSchema";
import { isBlankCell } from "./cells";
import { MEMBER_COLUMN_NAMES, REQUIRED_FIELDS } from "./columnNames";
import { fieldError, inColumnOrder } from "./fieldErrors";
import { createDateOfBirthReader } from "./fields/dateOfBirth";
import { readEmail } from "./fields/email";
import { readPhone } from "./fields/phone";
import { createPlanReader } from "./fields/plan";
import { type FieldReader, type FieldReading, readCell, readText } from "./fields/reading";
import { readReferenceId } from "./fields/referenceId";
import { readState } from "./fields/state";
import { readZipCode } from "./fields/zipCode";
import type { RowFilterTarget } from "./columnMapping";
import { createTerminationDateReader, readEmploymentStatus, readInclude, type RowVerdict } from "./rowFilters";
import { validateMember } from "./memberValidation";
import type { CellValue, ColumnMap, FieldError, Repair, RosterContext, RowOutcome } from "./model";
import { invalidRowMessage, readyRowMessage } from "./rowMessages";
import { listInWords } from "../text/wording";

/** Reads one data row; null for a blank row. `rowNumber` is the 1-based sheet row. */
export type RowReader = (cells: readonly CellValue[], rowNumber: number) => RowOutcome | null;

interface RowFilterColumn {
  target: RowFilterTarget;
  index: number;
  label: string;
  read: (cell: CellValue | undefined) => RowVerdict;
}

interface FieldColumn {
  field: MemberField;
  index: number;
  /** The header as the user wrote it. */
  label: string;
  required: boolean;
  /** Where the value goes in the payload: `address` for the address fields. */
  inAddress: boolean;
  key: string;
  read: FieldReader;
}

/**
 * Prepares reading the rows of a tab whose columns are `columns`.
 * Everything that does not depend on the row (plan lookup, date formatter) is built here once.
 */
export function createRowReader(columns: ColumnMap, context: RosterContext): RowReader {
  const readers: Record<MemberField, FieldReader> = {
    reference_id: readReferenceId,
    first_name: readText,
    last_name: readText,
    date_of_birth: createDateOfBirthReader(context.timeZone, context.today),
    email: readEmail,
    phone: readPhone,
    plan_id: createPlanReader(context.plans),
    "address.address_line_1": readText,
    "address.address_line_2": readText,
    "address.city": readText,
    "address.state": readState,
    "address.zipcode": readZipCode,
  };
  const fieldColumns: FieldColumn[] = [];
  for (const field of MEMBER_FIELDS) {
    const index = columns.fields[field];
    if (index === undefined) continue;
    const [key = "", nestedKey] = field.split(".");
    fieldColumns.push({
      field,
      index,
      label: columns.labels[field] ?? MEMBER_COLUMN_NAMES[field].label,
      required: REQUIRED_FIELDS.includes(field),
      inAddress: nestedKey !== undefined,
      key: nestedKey ?? key,
      read: readers[field],
    });
  }
  const columnOf = new Map(fieldColumns.map((column) => [column.field, column]));
  const statusDecisions = context.mapping?.statusValues ?? {};
  const readTerminationDate = createTerminationDateReader(context.timeZone, context.today);
  const filterReaders: Record<RowFilterTarget, (cell: CellValue | undefined) => RowVerdict> = {
    include: readInclude,
    employmentStatus: (cell) => readEmploymentStatus(cell, statusDecisions),
    terminationDate: readTerminationDate,
  };
  const filterColumns: RowFilterColumn[] = [];
  for (const target of ["include", "employmentStatus", "terminationDate"] as const) {
    const index = columns.fields[target];
    if (index !== undefined)
      filterColumns.push({ target, index, label: columns.labels[target] ?? "", read: filterReaders[target] });
  }
  // The add-on's own columns and the include column (often a checkbox or a default on every
  // row) do not make a row non-blank.
  const notData: boolean[] = [];
  for (const index of [
    columns.fields.include ?? null,
    columns.status.status,
    columns.status.message,
    columns.status.syncedAt,
  ]) {
    if (index !== null) notData[index] = true;
  }

  function isBlankRow(cells: readonly CellValue[]): boolean {
    for (let index = 0; index < cells.length; index++) {
      if (notData[index] !== true && !isBlankCell(cells[index])) return false;
    }
    return true;
  }

  /** One cell read as its field; null when the cell is blank. */
  function readColumn(column: FieldColumn | undefined, cells: readonly CellValue[]): FieldReading | null {
    return column === undefined ? null : readCell(cells[column.index], column.read);
  }

  function readValue(field: MemberField, cells: readonly CellValue[]): string | null {
    const reading = readColumn(columnOf.get(field), cells);
    return reading !== null && reading.ok ? reading.value : null;
  }

  function excludedRow(cells: readonly CellValue[], row: number, reasons: string): RowOutcome {
    return {
      row,
      status: "Excluded",
      referenceId: readValue("reference_id", cells),
      name: fullName(readValue("first_name", cells), readValue("last_name", cells)),
      member: null,
      errors: [],
      repairs: [],
      message: leftOut(reasons),
    };
  }

  /**
   * What the include and employment columns say: the errors of values the add-on will not
   * guess about, else why the row is left out (null: it is sent). Any column saying "out" leaves
   * it out; an include column saying "Yes" beside a leaver is named, so the user sees the clash.
   */
  function filterRow(cells: readonly CellValue[]): { errors: FieldError[]; leftOutBecause: string | null } {
    const errors: FieldError[] = [];
    const reasons: string[] = [];
    let includeSaysIn: { label: string; says: string } | null = null;
    for (const column of filterColumns) {
      const verdict = column.read(cells[column.index]);
      if (verdict.kind === "unknown") {
        const predicate =
          column.target === "include" ? unknownIncludeValue(verdict.says) : unknownEmploymentStatus(verdict.says);
        errors.push(fieldError(column.target, column.label, predicate));
      } else if (verdict.kind === "unreadable") {
        errors.push(fieldError(column.target, column.label, verdict.problem));
      } else if (verdict.kind === "out") {
        reasons.push(
          column.target === "terminationDate"
            ? terminatedOn(column.label, verdict.says)
            : columnSays(column.label, verdict.says),
        );
      } else if (column.target === "include" && verdict.says !== null) {
        includeSaysIn = { label: column.label, says: verdict.says };
      }
    }
    if (errors.length > 0 || reasons.length === 0) return { errors, leftOutBecause: null };
    const because = listInWords(reasons);
    return {
      errors,
      leftOutBecause:
        includeSaysIn === null ? because : `${because}, ${although(includeSaysIn.label, includeSaysIn.says)}`,
    };
  }

  return (cells, row) => {
    if (isBlankRow(cells)) return null;
    const filtered = filterRow(cells);
    if (filtered.leftOutBecause !== null) return excludedRow(cells, row, filtered.leftOutBecause);

    const errors: FieldError[] = [...filtered.errors];
    const repairs: Repair[] = [];
    const address: Record<string, string> = {};
    const candidate: Record<string, unknown> = { address };
    for (const column of fieldColumns) {
      const reading = readColumn(column, cells);
      if (reading === null) {
        if (column.required) errors.push(fieldError(column.field, column.label, IS_EMPTY));
      } else if (!reading.ok) {
        errors.push(fieldError(column.field, column.label, reading.problem));
      } else {
        (column.inAddress ? address : candidate)[column.key] = reading.value;
        if (reading.repair !== undefined) {
          repairs.push({
            field: column.field,
            column: column.label,
            from: reading.repair.from,
            to: reading.value,
            message: aboutColumn(column.label, reading.repair.predicate),
          });
        }
      }
    }

    const referenceId = textOrNull(candidate.reference_id);
    const name = fullName(textOrNull(candidate.first_name), textOrNull(candidate.last_name));
    const validation = validateMember(candidate);
    if (validation.ok && errors.length === 0) {
      const { member } = validation;
      return { row, status: "Ready", referenceId, name, member, errors, repairs, message: readyRowMessage(repairs) };
    }
    if (!validation.ok) {
      for (const issue of validation.issues) {
        // A cell that could not be read already has its error; the schema only adds that it is missing.
        if (errors.some((error) => error.field === issue.field)) continue;
        const label = columnOf.get(issue.field)?.label ?? MEMBER_COLUMN_NAMES[issue.field].label;
        errors.push(fieldError(issue.field, label, issue.message));
      }
    }
    const ordered = inColumnOrder(errors, columns);
    const readable: Partial<Record<MemberField, string>> = {};
    for (const [key, value] of Object.entries(candidate))
      if (typeof value === "string") readable[key as MemberField] = value;
    for (const [key, value] of Object.entries(address)) readable[`address.${key}` as MemberField] = value;
    return {
      row,
      status: "Invalid",
      // An ID Vitable would refuse (too long) is no one's ID: the row is matched like a blank one.
      referenceId: ordered.some((error) => error.field === "reference_id") ? null : referenceId,
      name,
      member: null,
      readable,
      errors: ordered,
      repairs,
      message: invalidRowMessage(ordered, repairs),
    };
  };
}

function textOrNull(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** "First Last", or whichever part could be read. */
function fullName(first: string | null, last: string | null): string {
  return first !== null && last !== null ? `${first} ${last}` : (first ?? last ?? "");
}
