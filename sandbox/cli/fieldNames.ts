import { COLUMN_TARGETS, type ColumnTarget } from "../../src/core/roster/columnMapping";
import { columnLabel } from "../../src/core/roster/columnNames";

/** A field name without case, spaces or punctuation: "Date of Birth" and "date_of_birth" are one name. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * The names `--map` accepts for each column: the payload path (`address.zipcode`, or the
 * add-on's own name for a row filter: `employmentStatus`), its last segment (`zipcode`) and the
 * add-on's label (`ZIP`). `employment_status` is `employmentStatus` once case and punctuation go.
 */
function namesOf(target: ColumnTarget): string[] {
  const names = [target, target.split(".").pop() as string, columnLabel(target)];
  return names.filter((name, index) => names.findIndex((other) => nameKey(other) === nameKey(name)) === index);
}

const TARGETS_BY_NAME: ReadonlyMap<string, ColumnTarget> = new Map(
  COLUMN_TARGETS.flatMap((target) => namesOf(target).map((name): [string, ColumnTarget] => [nameKey(name), target])),
);

/** The column a `--map` field name means, whatever its case and punctuation; undefined for none. */
export function columnTargetNamed(name: string): ColumnTarget | undefined {
  return TARGETS_BY_NAME.get(nameKey(name));
}

/** Every column with the names it goes by, for a usage error: "address.zipcode / zipcode / ZIP, …". */
export function fieldNamesInWords(): string {
  return COLUMN_TARGETS.map((target) => namesOf(target).join(" / ")).join(", ");
}
