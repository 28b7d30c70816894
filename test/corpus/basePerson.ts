import type { Plan } from "../../src/vitable/apiSchemas";
import type { Member } from "../../src/vitable/memberSchema";
import type { CorpusCell, CorpusColumn, MemberExpectation } from "./model";

/** The plans every organization of the Vitable emulator has; Plan cells are read against them. */
export const CORPUS_PLANS: readonly Plan[] = [
  { id: "pln_sbx_basic", name: "Basic Care" },
  { id: "pln_sbx_plus", name: "Care Plus" },
  { id: "pln_sbx_family", name: "Family Care" },
];

/** The spreadsheet's time zone and its today, which the sandbox clock of addon.test.ts starts on. */
export const CORPUS_TIME_ZONE = "America/New_York";
export const CORPUS_TODAY = "2026-11-23";

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

/**
 * The valid person behind corpus row `n` (1-based): every row changes only the cells it is
 * about, so each row has one reason to be what it is, and a unique reference ID unless it sets
 * its own.
 */
export function basePersonCells(n: number): Record<CorpusColumn, CorpusCell> {
  return {
    "Employee ID": `CORPUS-${pad(n, 4)}`,
    "First Name": `First${n}`,
    "Last Name": `Last${n}`,
    DOB: "1985-06-15",
    Email: `person${n}@example.com`,
    Phone: `(415) 555-${pad(n, 4)}`,
    Plan: "Basic Care",
    Address: `${n} Main St`,
    Apt: "",
    City: "Boston",
    State: "MA",
    ZIP: "94102",
    Include: "",
    Notes: "",
  };
}

/** The member row `n`'s base person is sent as. */
export function basePersonMember(n: number): Member {
  return {
    reference_id: `CORPUS-${pad(n, 4)}`,
    first_name: `First${n}`,
    last_name: `Last${n}`,
    date_of_birth: "1985-06-15",
    email: `person${n}@example.com`,
    phone: `415555${pad(n, 4)}`,
    plan_id: "pln_sbx_basic",
    address: { address_line_1: `${n} Main St`, city: "Boston", state: "MA", zipcode: "94102" },
  };
}

/** The base person's member with what the row expects changed; null leaves an optional field out. */
export function expectedMember(n: number, change: MemberExpectation = {}): Member {
  const base = basePersonMember(n);
  const { email, address_line_1, address_line_2, city, state, zipcode, ...top } = change;
  const member: Member = { ...base, ...top, address: { ...base.address } };
  if (email === null) delete member.email;
  else if (email !== undefined) member.email = email;
  if (address_line_1 !== undefined) member.address.address_line_1 = address_line_1;
  if (address_line_2 !== undefined && address_line_2 !== null) member.address.address_line_2 = address_line_2;
  if (city !== undefined) member.address.city = city;
  if (state !== undefined) member.address.state = state as Member["address"]["state"];
  if (zipcode !== undefined) member.address.zipcode = zipcode;
  return member;
}
