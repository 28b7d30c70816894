import * as fs from "fs";
import * as path from "path";
import { parseCsv } from "../../../sandbox/cli/csv";
import { MEMBER_COLUMN_NAMES, normaliseHeader } from "../../../src/core/roster/columnNames";
import { mapHeaders } from "../../../src/core/roster/headers";
import type { Roster } from "../../../src/core/roster/model";
import { readRoster } from "../../../src/core/roster/readRoster";
import { MEMBER_FIELDS, type MemberField } from "../../../src/vitable/memberSchema";
import { CONTEXT } from "./support/context";

/**
 * The header rows of US HR and payroll exports (docs/hr-exports.md), each with a few made-up
 * people, read as the user pastes them: every member column found by its header as the system
 * writes it, and every person ready to sync.
 */
const FIXTURES = path.join(__dirname, "../../fixtures/hrExports");

function rosterOf(file: string): Roster {
  const values = parseCsv(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
  const result = readRoster(values, CONTEXT);
  if (!result.ok) throw new Error(`${file}: ${result.problem.message}`);
  return result.roster;
}

function headersOf(file: string): string[] {
  return parseCsv(fs.readFileSync(path.join(FIXTURES, file), "utf8"))[0] ?? [];
}

/** The member columns of a roster, field → header as written. */
function memberLabels(roster: Roster): Partial<Record<MemberField, string>> {
  const labels: Partial<Record<MemberField, string>> = {};
  for (const field of MEMBER_FIELDS) {
    const label = roster.columns.labels[field];
    if (label !== undefined) labels[field] = label;
  }
  return labels;
}

const EXPORTS: [string, Partial<Record<MemberField, string>>][] = [
  [
    "bamboohr.csv",
    {
      reference_id: "Employee #",
      first_name: "First Name",
      last_name: "Last Name",
      date_of_birth: "Birth Date",
      email: "Work Email",
      phone: "Mobile Phone",
      plan_id: "Benefit Plan",
      "address.address_line_1": "Address Line 1",
      "address.address_line_2": "Address Line 2",
      "address.city": "City",
      "address.state": "State",
      "address.zipcode": "Zip Code",
    },
  ],
  [
    "gusto.csv",
    {
      reference_id: "Gusto Employee ID",
      first_name: "First Name",
      last_name: "Last Name",
      date_of_birth: "Date of Birth",
      email: "Work Email",
      phone: "Phone",
      plan_id: "Plan Name",
      "address.address_line_1": "Street 1",
      "address.address_line_2": "Street 2",
      "address.city": "City",
      "address.state": "State",
      "address.zipcode": "Zip",
    },
  ],
  [
    "adp-workforce-now.csv",
    {
      reference_id: "Associate ID",
      first_name: "Legal First Name",
      last_name: "Legal Last Name",
      date_of_birth: "Birth Date",
      email: "Work Contact: Work Email",
      phone: "Personal Contact: Personal Mobile",
      plan_id: "Benefit Plan",
      "address.address_line_1": "Primary Address: Address Line 1",
      "address.address_line_2": "Primary Address: Address Line 2",
      "address.city": "Primary Address: City",
      "address.state": "Primary Address: State / Territory Code",
      "address.zipcode": "Primary Address: Zip / Postal Code",
    },
  ],
  [
    "rippling.csv",
    {
      reference_id: "Employee ID",
      first_name: "Legal first name",
      last_name: "Legal last name",
      date_of_birth: "Date of birth",
      email: "Work email",
      phone: "Phone number",
      plan_id: "Plan",
      "address.address_line_1": "Home address line 1",
      "address.address_line_2": "Home address line 2",
      "address.city": "Home city",
      "address.state": "Home state",
      "address.zipcode": "Home zip code",
    },
  ],
  [
    "paylocity.csv",
    {
      reference_id: "Employee Id",
      first_name: "First Name",
      last_name: "Last Name",
      date_of_birth: "Birth Date",
      email: "Work Email",
      phone: "Mobile Phone",
      plan_id: "Benefit Plan",
      "address.address_line_1": "Address 1",
      "address.address_line_2": "Address 2",
      "address.city": "City",
      "address.state": "State",
      "address.zipcode": "Zip",
    },
  ],
  [
    "paycom.csv",
    {
      reference_id: "Employee Code",
      first_name: "Legal Firstname",
      last_name: "Legal Lastname",
      date_of_birth: "Birth Date",
      email: "Work Email",
      phone: "Cell Phone",
      plan_id: "Plan ID",
      "address.address_line_1": "Street Address",
      "address.address_line_2": "Street Address 2",
      "address.city": "City",
      "address.state": "State",
      "address.zipcode": "Zipcode",
    },
  ],
  [
    "paychex.csv",
    {
      reference_id: "Employee ID",
      first_name: "First Name",
      last_name: "Last Name",
      date_of_birth: "Birth Date",
      email: "Work Email",
      phone: "Mobile Phone",
      plan_id: "Plan",
      "address.address_line_1": "Address Line 1",
      "address.address_line_2": "Address Line 2",
      "address.city": "City",
      "address.state": "State",
      "address.zipcode": "Zip Code",
    },
  ],
  [
    "workday.csv",
    {
      reference_id: "Employee ID",
      first_name: "Legal Name - First Name",
      last_name: "Legal Name - Last Name",
      date_of_birth: "Date of Birth",
      email: "Primary Work Email",
      phone: "Mobile Phone",
      plan_id: "Benefit Plan",
      "address.address_line_1": "Home Address Line 1",
      "address.address_line_2": "Home Address Line 2",
      "address.city": "Home City",
      "address.state": "Home State",
      "address.zipcode": "Home Postal Code",
    },
  ],
  [
    "justworks.csv",
    {
      reference_id: "Member ID",
      first_name: "First Name",
      last_name: "Last Name",
      date_of_birth: "Date of Birth",
      email: "Work Email",
      phone: "Phone",
      plan_id: "Vitable Plan",
      "address.address_line_1": "Address Line 1",
      "address.address_line_2": "Address Line 2",
      "address.city": "City",
      "address.state": "State",
      "address.zipcode": "Postal Code",
    },
  ],
  [
    "trinet-zenefits.csv",
    {
      reference_id: "Employee ID",
      first_name: "First Name",
      last_name: "Last Name",
      date_of_birth: "Date of Birth",
      email: "Work Email",
      phone: "Personal Phone",
      plan_id: "Plan Name",
      "address.address_line_1": "Street 1",
      "address.address_line_2": "Street 2",
      "address.city": "City",
      "address.state": "State",
      "address.zipcode": "Zip",
    },
  ],
];

describe.each(EXPORTS)("an export pasted as is: %s", (file, expected) => {
  it("finds every member column by the header the system writes", () => {
    expect(memberLabels(rosterOf(file))).toEqual(expected);
  });

  // Two columns naming one field stop the sync until the user picks one: an export must not.
  it("has one column, and only one, for each member field", () => {
    const matches = new Map<MemberField, string[]>();
    for (const header of headersOf(file)) {
      const field = MEMBER_FIELDS.find((f) =>
        MEMBER_COLUMN_NAMES[f].synonyms.some((name) => normaliseHeader(name) === normaliseHeader(header)),
      );
      if (field !== undefined) matches.set(field, [...(matches.get(field) ?? []), header]);
    }
    for (const field of MEMBER_FIELDS) {
      expect([field, matches.get(field) ?? []]).toEqual([
        field,
        expected[field] === undefined ? [] : [expected[field]],
      ]);
    }
  });

  it("reads every person as ready to sync", () => {
    const roster = rosterOf(file);
    expect(roster.rows.length).toBeGreaterThanOrEqual(4);
    for (const row of roster.rows) expect([row.row, row.status, row.errors]).toEqual([row.row, "Ready", []]);
    expect(roster.members).toHaveLength(roster.rows.length);
  });
});

describe("exports: how values are written there", () => {
  it("reads the Workday export's state names as their codes, and says so", () => {
    const roster = rosterOf("workday.csv");
    expect(roster.members.map((member) => member.address.state)).toEqual(["CA", "WA", "WA", "OR", "ID"]);
    expect(roster.rows[0]?.repairs.map((repair) => [repair.from, repair.to])).toEqual([["California", "CA"]]);
  });

  it("changes nothing the other exports wrote", () => {
    const files = EXPORTS.map(([file]) => file).filter((file) => file !== "workday.csv");
    for (const file of files) expect([file, rosterOf(file).rows.flatMap((row) => row.repairs)]).toEqual([file, []]);
  });

  it("keeps the leading zeros of New England ZIP codes and the ZIP+4 codes", () => {
    const zips = rosterOf("bamboohr.csv").members.map((member) => member.address.zipcode);
    expect(zips).toEqual(["94110", "04101", "78745", "60606-4701", "06103"]);
  });

  it("sends the Rippling export's +1 numbers as ten digits", () => {
    const phones = rosterOf("rippling.csv").members.map((member) => member.phone);
    expect(phones).toEqual(["6465550131", "7185550170", "2015550153", "9735550112"]);
  });

  it("sends the reference ID as the export writes it, leading letters and zeros kept", () => {
    expect(rosterOf("adp-workforce-now.csv").members.map((member) => member.reference_id)).toEqual([
      "G4H7K2M9Q",
      "G4H7K3B1R",
      "G4H7K4C8T",
      "G4H7K5D2W",
      "G4H7K6F5X",
    ]);
  });
});

/** The canonical header row with `header` added at its end. */
function withExtra(header: string): string[] {
  return [...MEMBER_FIELDS.map((field) => MEMBER_COLUMN_NAMES[field].label), header];
}

function fieldOfExtraColumn(header: string): MemberField | undefined {
  const headers = withExtra(header);
  const mapping = mapHeaders(headers, 1);
  if (!mapping.ok) throw new Error(`${header}: ${mapping.problem.message}`);
  const index = headers.length - 1;
  return MEMBER_FIELDS.find((field) => mapping.columns.fields[field] === index);
}

describe("headers of exports that name something else", () => {
  it.each<[string, string]>([
    ["Preferred Name", "is not the legal first name"],
    ["Preferred First Name", "is not the legal first name"],
    ["Preferred or Chosen First Name", "is not the legal first name"],
    ["Preferred Name - First Name", "is not the legal first name"],
    ["Nickname", "is not the legal first name"],
    ["Middle Name", "is no name Vitable takes"],
    ["Middle Initial", "is no name Vitable takes"],
    ["Employee Name", "holds the whole name"],
    ["Hire Date", "is not a birth date"],
    ["Start Date", "is not a birth date"],
    ["Original Hire Date", "is not a birth date"],
    ["Termination Date", "is not a birth date"],
    ["Home Phone", "is a landline more often than not"],
    ["Work Phone", "is not the person's own number"],
    ["Primary Home Phone", "is a landline more often than not"],
    ["Personal Contact: Home Phone", "is a landline more often than not"],
    ["Personal Email", "is not the work email"],
    ["Home Email", "is not the work email"],
    ["Primary Home Email", "is not the work email"],
    ["Best Email", "is the work email or else the home one"],
    ["Personal Contact: Personal Email", "is not the work email"],
    ["SSN", "is no ID to send"],
    ["Tax ID (SSN)", "is no ID to send"],
    ["File Number", "is unique only within an ADP company code"],
    ["Position ID", "names a position, not a person"],
    ["Clock ID", "is a time clock badge"],
    ["Company ID", "names the employer"],
    ["Department", "is no address"],
    ["Work Location", "is no home address"],
    ["Work State", "is where the person works, not lives"],
    ["Medical Plan", "may hold another insurer's plan"],
    ["Plan Type", "holds Medical or Dental, not a plan"],
    ["Coverage Tier", "holds who is covered, not the plan"],
    ["Country", "is no US state"],
    ["Employee", "may hold the person's name"],
  ])("does not take %j for a member column: it %s", (header) => {
    expect(fieldOfExtraColumn(header)).toBeUndefined();
  });

  it.each<[string, MemberField]>([
    ["Preferred Name", "first_name"],
    ["Hire Date", "date_of_birth"],
    ["Home Phone", "phone"],
    ["Personal Email", "email"],
  ])("leaves the %s column alone even when the tab has no %s column", (header, field) => {
    const headers = MEMBER_FIELDS.filter((f) => f !== field).map((f) => MEMBER_COLUMN_NAMES[f].label);
    const mapping = mapHeaders([...headers, header], 1);
    const fields = mapping.ok ? mapping.columns.fields : {};
    expect(fields[field]).toBeUndefined();
  });
});

describe("headers of exports, one at a time", () => {
  it.each<[MemberField, string]>([
    ["reference_id", "Employee #"],
    ["reference_id", "Employee No."],
    ["reference_id", "Associate ID"],
    ["reference_id", "Employee Code"],
    ["reference_id", "Worker ID"],
    ["reference_id", "Gusto Employee ID"],
    ["first_name", "Legal First Name"],
    ["first_name", "Legal Firstname"],
    ["first_name", "Legal Name - First Name"],
    ["last_name", "Legal Last Name"],
    ["last_name", "Legal Name - Last Name"],
    ["date_of_birth", "Birthdate"],
    ["date_of_birth", "Date Of Birth (MM/DD/YYYY)"],
    ["email", "Work Contact: Work Email"],
    ["email", "Primary Work Email"],
    ["phone", "Mobile Phone Number"],
    ["phone", "Personal Mobile"],
    ["phone", "Personal Contact: Personal Mobile"],
    ["phone", "Cell Phone"],
    ["phone", "Personal Phone"],
    ["plan_id", "Benefit Plan"],
    ["plan_id", "Vitable Plan"],
    ["address.address_line_1", "Home Address"],
    ["address.address_line_1", "Address 1"],
    ["address.address_line_1", "Street 1"],
    ["address.address_line_1", "Primary Address: Address Line 1"],
    ["address.address_line_2", "Address 2"],
    ["address.address_line_2", "Street 2"],
    ["address.address_line_2", "Home Address Line 2"],
    ["address.city", "Home City"],
    ["address.city", "Primary Address: City"],
    ["address.state", "Home State"],
    ["address.state", "State/Province"],
    ["address.state", "Primary Address: State / Territory Code"],
    ["address.zipcode", "Zip/Postal"],
    ["address.zipcode", "Zip / Postal Code"],
    ["address.zipcode", "Home Zip"],
    ["address.zipcode", "Postal"],
    ["address.zipcode", "Home Postal Code"],
  ])("takes for %s the header %j", (field, header) => {
    const headers = MEMBER_FIELDS.map((f) => (f === field ? header : MEMBER_COLUMN_NAMES[f].label));
    const mapping = mapHeaders(headers, 1);
    if (!mapping.ok) throw new Error(mapping.problem.message);
    expect(mapping.columns.fields[field]).toBe(MEMBER_FIELDS.indexOf(field));
    expect(mapping.columns.labels[field]).toBe(header);
  });
});
