import { MAP_COLUMNS } from "./mapping";

/**
 * Sentences about the columns that decide whether a row is sent: Include, Employment Status and
 * Termination Date. A predicate follows the column's header as the user wrote it.
 */

/** One reason a row is left out: `Employment Status is "Terminated"`. */
export function columnSays(column: string, says: string): string {
  return `${column} is "${says}"`;
}

/** `date` is YYYY-MM-DD. */
export function terminatedOn(column: string, date: string): string {
  return `${column} ${date} is on or before today`;
}

/** Added when the include column says to sync a row that employment data leaves out. */
export function although(includeColumn: string, says: string): string {
  return `although ${includeColumn} is "${says}"`;
}

/** The Vitable Message of a row left out; `reasons` joins the reasons in words. */
export function leftOut(reasons: string): string {
  return (
    `Not sent to Vitable because ${reasons}: ` +
    "if this person was synced before, the next sync ends their Vitable plan."
  );
}

export function unknownIncludeValue(says: string): string {
  return `is "${says}", which the add-on does not know; write Yes to sync this row or No to leave it out`;
}

export function unknownEmploymentStatus(says: string): string {
  return `"${says}" is not one the add-on knows: map it to include or exclude with ${MAP_COLUMNS} in the sidebar`;
}
