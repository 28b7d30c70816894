import { listAndMore, sharedReferenceId } from "../../messages/roster";
import { MEMBER_COLUMN_NAMES } from "./columnNames";
import { fieldError, inColumnOrder } from "./fieldErrors";
import type { ColumnMap, RowOutcome } from "./model";
import { invalidRowMessage } from "./rowMessages";
import { listInWords, shortened } from "../text/wording";

/** Beyond this many, a duplicate's message counts the other rows instead of listing them. */
const ROWS_LISTED = 5;

/**
 * Makes every row whose reference ID another row also carries Invalid, naming the other rows:
 * Vitable refuses a payload with a repeated ID, and sending one of the rows would be a guess.
 * Rows the include column leaves out are not sent, so they take no part: a rehired person's
 * old "Terminated" row may keep the ID of their new row. IDs are compared exactly as sent.
 */
export function withDuplicatesInvalid(rows: readonly RowOutcome[], columns: ColumnMap): RowOutcome[] {
  // Most IDs appear once: remember where, and keep a list only for the IDs seen again.
  const firstPositionById = new Map<string, number>();
  const positionsById = new Map<string, number[]>();
  rows.forEach((outcome, position) => {
    if (outcome.status === "Excluded" || outcome.referenceId === null) return;
    const first = firstPositionById.get(outcome.referenceId);
    if (first === undefined) {
      firstPositionById.set(outcome.referenceId, position);
      return;
    }
    const positions = positionsById.get(outcome.referenceId);
    if (positions === undefined) positionsById.set(outcome.referenceId, [first, position]);
    else positions.push(position);
  });

  const checked = rows.slice();
  const label = columns.labels.reference_id ?? MEMBER_COLUMN_NAMES.reference_id.label;
  for (const [referenceId, positions] of positionsById) {
    const rowNumbers = positions.map((position) => (rows[position] as RowOutcome).row);
    for (const position of positions) {
      const outcome = checked[position] as RowOutcome;
      const errors = inColumnOrder(
        [
          ...outcome.errors,
          {
            ...fieldError(
              "reference_id",
              label,
              sharedReferenceId(
                shortened(referenceId),
                rowNumbers.length - 1,
                otherRowsInWords(rowNumbers, outcome.row),
                label,
              ),
            ),
            duplicate: true,
          },
        ],
        columns,
      );
      checked[position] = {
        ...outcome,
        status: "Invalid",
        member: null,
        errors,
        message: invalidRowMessage(errors, outcome.repairs),
      };
    }
  }
  return checked;
}

/**
 * "7", "7 and 12", "2, 3, 4, 5 and 95 more": the rows of `rowNumbers` other than `self`. Looks at
 * no more rows than it lists, so a thousand rows sharing one ID stay linear.
 */
function otherRowsInWords(rowNumbers: readonly number[], self: number): string {
  const otherCount = rowNumbers.length - 1;
  const listedCount = otherCount <= ROWS_LISTED ? otherCount : ROWS_LISTED - 1;
  const listed: string[] = [];
  for (let i = 0; listed.length < listedCount; i++) {
    if (rowNumbers[i] !== self) listed.push(String(rowNumbers[i]));
  }
  if (listedCount === otherCount) return listInWords(listed);
  return listAndMore(listed.join(", "), otherCount - listedCount);
}
