import type { Member } from "../../vitable/memberSchema";
import { withDuplicatesInvalid } from "./duplicates";
import { mapHeaders } from "./headers";
import type { CellValue, ReadRosterResult, RosterContext, RowOutcome } from "./model";
import { createRowReader } from "./rowReader";

/**
 * Reads a roster tab: `values` is the whole tab as `Range.getValues()` returns it (index 0 is
 * sheet row 1). Rows above the header row are ignored; fully blank rows are skipped and counted.
 */
export function readRoster(values: readonly (readonly CellValue[])[], context: RosterContext): ReadRosterResult {
  const headerRow = context.headerRow ?? 1;
  const headerCells = values[headerRow - 1] ?? [];
  const mapping = mapHeaders(headerCells, headerRow, context.mapping ?? null);
  if (!mapping.ok) return mapping;
  const { columns } = mapping;

  const readRow = createRowReader(columns, context);
  const read: RowOutcome[] = [];
  let blankRows = 0;
  for (let index = headerRow; index < values.length; index++) {
    const outcome = readRow(values[index] ?? [], index + 1);
    if (outcome === null) blankRows++;
    else read.push(outcome);
  }

  const rows = withDuplicatesInvalid(read, columns);
  const members: Member[] = [];
  for (const outcome of rows) if (outcome.member !== null) members.push(outcome.member);
  return { ok: true, roster: { headerRow, columns, rows, blankRows, members } };
}
