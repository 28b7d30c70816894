import type { CellValue, RosterContext } from "../../../../src/core/roster/model";

export const PLANS = [
  { id: "pln_basic01", name: "Basic Care" },
  { id: "pln_premium02", name: "Premium Care" },
];

export const CONTEXT: RosterContext = { plans: PLANS, timeZone: "America/New_York", today: "2026-03-10" };

export const HEADERS = [
  "Employee ID",
  "First Name",
  "Last Name",
  "DOB",
  "E-mail",
  "Phone",
  "Plan",
  "Address",
  "Apt",
  "City",
  "State",
  "Zip_Code",
];

/** A row that reads Ready under HEADERS, to vary one cell at a time. */
export function validRow(): CellValue[] {
  return [
    1001,
    "Jane",
    "Doe",
    "1990-05-15",
    "Jane.Doe@Acme.com",
    "(415) 555-0100",
    "Basic Care",
    "123 Main Street",
    "Apt 4B",
    "San Francisco",
    "CA",
    "94102",
  ];
}

/** validRow() with the cell under `header` replaced. */
export function rowWith(header: string, value: CellValue): CellValue[] {
  const index = HEADERS.indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  const row = validRow();
  row[index] = value;
  return row;
}
