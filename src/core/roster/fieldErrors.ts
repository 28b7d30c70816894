import { aboutColumn } from "../../messages/roster";
import type { ColumnTarget } from "./columnMapping";
import type { ColumnMap, FieldError } from "./model";

/** A problem with one cell, as a sentence that starts with the column as the user named it. */
export function fieldError(field: ColumnTarget, column: string, predicate: string): FieldError {
  return { field, column, message: aboutColumn(column, predicate) };
}

/** The errors in the order of their columns, left to right, as the user reads the row. */
export function inColumnOrder(errors: readonly FieldError[], columns: ColumnMap): FieldError[] {
  const position = (error: FieldError) => columns.fields[error.field] ?? Infinity;
  return [...errors].sort((a, b) => position(a) - position(b));
}
