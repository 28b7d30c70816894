import { aboutColumn, excludedByIncludeColumn, IS_EMPTY } from "../../messages/roster";
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
import { leftOutBecause } from "./include";
import { validateMember } from "./memberValidation";
import type { CellValue, ColumnMap, FieldError, Repair, RosterContext, RowOutcome } from "./model";
import { invalidRowMessage, readyRowMessage } from "./rowMessages";

/** Reads one data row; null for a blank row. `rowNumber` is the 1-based sheet row. */
export type RowReader = (cells: readonly CellValue[], rowNumber: number) => RowOutcome | null;

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
  // The add-on's own columns and the include column (often a checkbox or a default on every
  // row) do not make a row non-blank.
  const notData: boolean[] = [];
  for (const index of [columns.include, columns.status.status, columns.status.message, columns.status.syncedAt]) {
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

  function excludedRow(cells: readonly CellValue[], row: number, includeSays: string): RowOutcome {
    return {
      row,
      status: "Excluded",
      referenceId: readValue("reference_id", cells),
      name: fullName(readValue("first_name", cells), readValue("last_name", cells)),
      member: null,
      errors: [],
      repairs: [],
      message: excludedByIncludeColumn(columns.includeLabel ?? "", includeSays),
    };
  }

  return (cells, row) => {
    if (isBlankRow(cells)) return null;
    const includeSays = columns.include === null ? null : leftOutBecause(cells[columns.include]);
    if (includeSays !== null) return excludedRow(cells, row, includeSays);

    const errors: FieldError[] = [];
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
    return {
      row,
      status: "Invalid",
      referenceId,
      name,
      member: null,
      errors: ordered,
      repairs,
      message: invalidRowMessage(ordered),
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
