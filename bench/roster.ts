import { seededRandom } from "../test/support/seededRandom";

/**
 * Realistic rosters for the benchmark: what HR staff paste from an HRIS export, typed text as a
 * person would enter it (Sheets then turns numbers, dates and ZIPs into what it thinks they are).
 * Deterministic for a given seed, so every run and every process sees the same tab.
 */

export const BENCH_HEADER = [
  "Employee ID",
  "First Name",
  "Last Name",
  "Date of Birth",
  "Email",
  "Phone",
  "Plan",
  "Address Line 1",
  "Address Line 2",
  "City",
  "State",
  "ZIP",
] as const;

type Column = (typeof BENCH_HEADER)[number];

/** Ways a row goes wrong in real rosters; each makes the add-on mark the row Invalid. */
export const INVALID_KINDS = [
  "phone",
  "birthDate",
  "plan",
  "state",
  "zip",
  "missingLastName",
  "email",
  "duplicateId",
] as const;
export type InvalidKind = (typeof INVALID_KINDS)[number];

/** The share of data rows made invalid. */
export const INVALID_SHARE = 0.02;

/** Vitable (and its emulator) refuses to add someone whose email is at this domain. */
export const REJECTED_EMAIL_DOMAIN = "other-org.example";
/** One row in this many carries an email Vitable rejects, so write-back has Failed rows too. */
const ROWS_PER_REJECTED_EMAIL = 1_000;

export interface GeneratedRoster {
  /** The header row, then one row of typed text per person. */
  rows: string[][];
  /** 1-based sheet rows made invalid, with why. */
  invalid: Map<number, InvalidKind>;
  /** 1-based sheet rows whose email Vitable rejects (valid for the add-on). */
  rejectedByVitable: number[];
}

const FIRST_NAMES = [
  "José",
  "Zoë",
  "Chloé",
  "Renée",
  "François",
  "Søren",
  "Łukasz",
  "Siobhán",
  "Ana María",
  "Mary-Kate",
  "Björn",
  "Inés",
  "Noémie",
  "Thảo",
  "James",
  "Olivia",
  "Liam",
  "Emma",
  "Noah",
  "Ava",
  "Sophia",
  "Mateo",
  "Aaliyah",
  "Wei",
  "Priya",
  "Mohammed",
  "Fatima",
  "Kwame",
  "Hannah",
  "Daniel",
  "Grace",
  "Ethan",
];

const LAST_NAMES = [
  "O'Brien",
  "García-López",
  "Müller",
  "Núñez",
  "D'Angelo",
  "Nguyễn",
  "Øyelaran",
  "Smith",
  "Johnson",
  "Williams",
  "Brown",
  "Jones",
  "Martínez",
  "Hernández",
  "Lefèvre",
  "Kowalski",
  "Patel",
  "Kim",
  "Chen",
  "Okafor",
  "MacDonald",
  "St. John",
  "van der Berg",
  "Thompson",
  "Rodríguez",
  "Schäfer",
  "Dubois",
  "Ivanova",
];

const STREETS = [
  "Main",
  "Oak",
  "Maple",
  "Cedar",
  "Elm",
  "Washington",
  "Lake",
  "Hill",
  "Park",
  "Pine",
  "Sunset",
  "River",
];
const STREET_SUFFIXES = ["St", "Ave", "Blvd", "Rd", "Ln", "Dr", "Ct", "Way"];
const SECOND_LINES = ["Apt 4B", "Suite 210", "Unit 7", "Apt 12", "#305"];

/** Real city, state, ZIP triples; several ZIPs start with 0, which Sheets drops when typed. */
const PLACES: readonly { city: string; state: string; stateName: string; zip: string }[] = [
  { city: "Boston", state: "MA", stateName: "Massachusetts", zip: "02134" },
  { city: "Newark", state: "NJ", stateName: "New Jersey", zip: "07102" },
  { city: "Portland", state: "ME", stateName: "Maine", zip: "04101" },
  { city: "Hartford", state: "CT", stateName: "Connecticut", zip: "06103" },
  { city: "San Juan", state: "PR", stateName: "Puerto Rico", zip: "00901" },
  { city: "New York", state: "NY", stateName: "New York", zip: "10001" },
  { city: "Chicago", state: "IL", stateName: "Illinois", zip: "60601" },
  { city: "Austin", state: "TX", stateName: "Texas", zip: "78701" },
  { city: "San Francisco", state: "CA", stateName: "California", zip: "94102" },
  { city: "Seattle", state: "WA", stateName: "Washington", zip: "98101" },
  { city: "Miami", state: "FL", stateName: "Florida", zip: "33130" },
  { city: "Denver", state: "CO", stateName: "Colorado", zip: "80202" },
];

const AREA_CODES = ["212", "305", "312", "415", "512", "617", "702", "808", "919", "206", "303", "973"];

type Random = () => number;

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function digits(random: Random, count: number): string {
  let text = "";
  for (let i = 0; i < count; i++) text += String(Math.floor(random() * 10));
  return text;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** A birth date between 1950 and 2005, in one of the ways people type dates. */
function birthDate(random: Random): string {
  const year = 1950 + Math.floor(random() * 56);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const style = random();
  if (style < 0.5) return `${pad2(month)}/${pad2(day)}/${year}`;
  if (style < 0.8) return `${year}-${pad2(month)}-${pad2(day)}`;
  return `${month}/${day}/${year}`;
}

/** A US phone number with a valid area code, punctuated as HRIS exports do. */
function phone(random: Random): string {
  const area = pick(random, AREA_CODES);
  const exchange = String(200 + Math.floor(random() * 800));
  const line = digits(random, 4);
  const style = random();
  if (style < 0.3) return `(${area}) ${exchange}-${line}`;
  if (style < 0.5) return `${area}.${exchange}.${line}`;
  if (style < 0.65) return `+1 ${area} ${exchange} ${line}`;
  if (style < 0.85) return `${area}-${exchange}-${line}`;
  return `${area}${exchange}${line}`;
}

/** An email made of the person's name, without accents or spaces, sometimes in capitals. */
function email(first: string, last: string, n: number, random: Random, domain = "acme-corp.example"): string {
  const plain = (text: string) =>
    text
      .normalize("NFD")
      .replace(/[^A-Za-z]/g, "")
      .toLowerCase();
  const address = `${plain(first)}.${plain(last)}${n}@${domain}`;
  return random() < 0.1 ? address.toUpperCase() : address;
}

export interface RosterOptions {
  /** Data rows below the header. */
  rows: number;
  /** The organization's plan names (from Vitable's plan list). */
  planNames: readonly string[];
  seed?: number;
}

/** A valid person in row `n` (1-based data row). */
function personCells(n: number, planNames: readonly string[], random: Random): Record<Column, string> {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const place = pick(random, PLACES);
  const plan = pick(random, planNames);
  return {
    "Employee ID": String(100_000 + n),
    "First Name": first,
    "Last Name": last,
    "Date of Birth": birthDate(random),
    Email: random() < 0.08 ? "" : email(first, last, n, random),
    Phone: phone(random),
    Plan: random() < 0.1 ? plan.toLowerCase() : plan,
    "Address Line 1": `${1 + Math.floor(random() * 9_800)} ${pick(random, STREETS)} ${pick(random, STREET_SUFFIXES)}`,
    "Address Line 2": random() < 0.2 ? pick(random, SECOND_LINES) : "",
    City: place.city,
    State: random() < 0.1 ? place.stateName : place.state,
    ZIP: random() < 0.1 ? `${place.zip}-${digits(random, 4)}` : place.zip,
  };
}

/** Spoils one row the way `kind` says; `duplicateOf` is the Employee ID a duplicate copies. */
function spoil(cells: Record<Column, string>, kind: InvalidKind, duplicateOf: string, random: Random): void {
  switch (kind) {
    case "phone":
      cells.Phone = random() < 0.5 ? "555-0100" : `${cells.Phone} x12`;
      return;
    case "birthDate":
      cells["Date of Birth"] = random() < 0.5 ? "02/30/1990" : "2031-04-01";
      return;
    case "plan":
      cells.Plan = "Gold Plan";
      return;
    case "state":
      cells.State = "Calfornia";
      return;
    case "zip":
      cells.ZIP = "94-102";
      return;
    case "missingLastName":
      cells["Last Name"] = "";
      return;
    case "email":
      cells.Email = "jane.doe@";
      return;
    case "duplicateId":
      cells["Employee ID"] = duplicateOf;
      return;
  }
}

/**
 * A roster of `rows` people with `INVALID_SHARE` of its rows invalid, the kinds taking turns.
 * A duplicate Employee ID makes two rows invalid (the copy and the row it copies), so it counts
 * twice towards the share.
 */
export function generateRoster({ rows, planNames, seed = 20_261_123 }: RosterOptions): GeneratedRoster {
  if (planNames.length === 0) throw new Error("A roster needs at least one plan name.");
  const random = seededRandom(seed ^ rows);
  const people = Array.from({ length: rows }, (_, i) => personCells(i + 1, planNames, random));

  const invalid = new Map<number, InvalidKind>();
  const wanted = Math.round(rows * INVALID_SHARE);
  // Invalid rows are spread evenly through the tab; a duplicate copies the row just above it.
  const stride = wanted > 0 ? rows / wanted : 0;
  let kindIndex = 0;
  for (let k = 0; invalid.size < wanted && k < wanted; k++) {
    const index = Math.min(rows - 1, Math.floor(k * stride + stride / 2));
    const sheetRow = index + 2;
    if (invalid.has(sheetRow)) continue;
    let kind = INVALID_KINDS[kindIndex++ % INVALID_KINDS.length]!;
    const copied = sheetRow - 1;
    const duplicateFits = index > 0 && !invalid.has(copied) && invalid.size + 2 <= wanted;
    if (kind === "duplicateId" && !duplicateFits) kind = INVALID_KINDS[kindIndex++ % INVALID_KINDS.length]!;
    if (kind === "duplicateId") {
      spoil(people[index]!, kind, people[index - 1]!["Employee ID"], random);
      invalid.set(copied, kind);
    } else {
      spoil(people[index]!, kind, "", random);
    }
    invalid.set(sheetRow, kind);
  }

  const rejectedByVitable: number[] = [];
  for (let index = ROWS_PER_REJECTED_EMAIL / 2; index < rows; index += ROWS_PER_REJECTED_EMAIL) {
    const sheetRow = index + 2;
    if (invalid.has(sheetRow)) continue;
    const cells = people[index]!;
    cells.Email = email(cells["First Name"], cells["Last Name"], index + 1, random, REJECTED_EMAIL_DOMAIN);
    rejectedByVitable.push(sheetRow);
  }

  return {
    rows: [[...BENCH_HEADER], ...people.map((cells) => BENCH_HEADER.map((column) => cells[column]))],
    invalid,
    rejectedByVitable,
  };
}

/** A cell to type into, 1-based. */
export interface CellEdit {
  row: number;
  column: number;
  text: string;
}

export interface RosterEdits {
  /** Valid changes to about 1% of the rows, one field each. */
  edits: CellEdit[];
  /** 1-based sheet rows to delete (people who left), bottom first so the others keep their numbers. */
  deletedRows: number[];
}

/** About 1% of rows change between two syncs. */
export const CHANGED_SHARE = 0.01;

/** People who left between two syncs: a few, far under the removal brake (10%, at least 3). */
export function removalCount(rows: number): number {
  return Math.max(2, Math.round(rows * 0.002));
}

/**
 * What an HR person changes between two syncs: new addresses, phones, plans and married names
 * for about 1% of the people, and a few leavers' rows deleted. Only rows the add-on accepted are
 * touched, and every change stays valid.
 */
export function editRoster(roster: GeneratedRoster, planNames: readonly string[], seed = 7): RosterEdits {
  const random = seededRandom(seed ^ roster.rows.length);
  const dataRows = roster.rows.length - 1;
  const untouchable = new Set<number>([...roster.invalid.keys(), ...roster.rejectedByVitable]);
  const candidates: number[] = [];
  for (let row = 2; row <= dataRows + 1; row++) if (!untouchable.has(row)) candidates.push(row);

  const removals = removalCount(dataRows);
  const changes = Math.max(1, Math.round(dataRows * CHANGED_SHARE));
  if (removals + changes > candidates.length) throw new Error(`A roster of ${dataRows} rows is too small to edit.`);
  // Evenly spread, distinct rows: the first `changes` are edited, the next `removals` deleted.
  const step = candidates.length / (changes + removals);
  const chosen = Array.from({ length: changes + removals }, (_, i) => candidates[Math.floor(i * step)]!);

  const column = (name: Column) => BENCH_HEADER.indexOf(name) + 1;
  const edits = chosen.slice(0, changes).map((row, i): CellEdit => {
    switch (i % 4) {
      case 0:
        return { row, column: column("Address Line 1"), text: `${100 + i} Harbor View Rd` };
      case 1:
        return { row, column: column("Phone"), text: phone(random) };
      case 2: {
        const current = roster.rows[row - 1]![column("Plan") - 1]!.toLowerCase();
        const other = planNames.find((name) => name.toLowerCase() !== current) ?? planNames[0]!;
        return { row, column: column("Plan"), text: other };
      }
      default:
        return { row, column: column("Last Name"), text: "Fairweather-Quiñones" };
    }
  });
  const deletedRows = chosen.slice(changes).sort((a, b) => b - a);
  return { edits, deletedRows };
}
