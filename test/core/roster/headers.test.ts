import { MEMBER_FIELDS, type MemberField } from "../../../src/vitable/memberSchema";
import {
  INCLUDE_COLUMN_NAMES,
  MEMBER_COLUMN_NAMES,
  ROW_FILTER_COLUMN_NAMES,
  normaliseHeader,
  REQUIRED_FIELDS,
} from "../../../src/core/roster/columnNames";
import { mapHeaders } from "../../../src/core/roster/headers";
import type { CellValue, ColumnMap, HeaderProblem } from "../../../src/core/roster/model";
import type { ColumnMapping } from "../../../src/core/roster/columnMapping";

const ALL_CANONICAL = MEMBER_FIELDS.map((field) => MEMBER_COLUMN_NAMES[field].label);

function columnsOf(headers: readonly CellValue[]): ColumnMap {
  const mapping = mapHeaders(headers, 1);
  if (!mapping.ok) throw new Error(mapping.problem.message);
  return mapping.columns;
}

function problemOf(headers: readonly CellValue[], headerRow = 1, chosen: ColumnMapping | null = null): HeaderProblem {
  const mapping = mapHeaders(headers, headerRow, chosen);
  if (mapping.ok) throw new Error("expected a header problem");
  return mapping.problem;
}

/** The canonical headers with one field's header replaced. */
function headersWith(field: MemberField, header: string): string[] {
  return MEMBER_FIELDS.map((f) => (f === field ? header : MEMBER_COLUMN_NAMES[f].label));
}

describe("mapHeaders: recognising columns", () => {
  it("maps the canonical headers to their fields, labels as written", () => {
    const columns = columnsOf(ALL_CANONICAL);
    MEMBER_FIELDS.forEach((field, index) => {
      expect(columns.fields[field]).toBe(index);
      expect(columns.labels[field]).toBe(MEMBER_COLUMN_NAMES[field].label);
    });
    expect(columns.fields.include).toBeUndefined();
    expect(columns.status).toEqual({ status: null, message: null, syncedAt: null });
  });

  const synonymCases = MEMBER_FIELDS.flatMap((field) =>
    MEMBER_COLUMN_NAMES[field].synonyms.map((synonym) => [field, synonym] as const),
  );
  it.each(synonymCases)("recognises %s from %j", (field, synonym) => {
    const columns = columnsOf(headersWith(field, synonym));
    expect(columns.fields[field]).toBe(MEMBER_FIELDS.indexOf(field));
    expect(columns.labels[field]).toBe(synonym);
  });

  // product.md §3's table, row by row.
  it.each<[MemberField, string[]]>([
    ["reference_id", ["Reference ID", "Employee ID", "Emp ID", "Member ID", "ID"]],
    ["first_name", ["First Name", "First", "Given Name"]],
    ["last_name", ["Last Name", "Last", "Surname", "Family Name"]],
    ["date_of_birth", ["Date of Birth", "DOB", "Birth Date", "Birthdate"]],
    ["email", ["Email", "Email Address", "Work Email"]],
    ["phone", ["Phone", "Phone Number", "Mobile", "Cell"]],
    ["plan_id", ["Plan", "Plan ID", "Plan Name"]],
    ["address.address_line_1", ["Address Line 1", "Address", "Street", "Address 1"]],
    ["address.address_line_2", ["Address Line 2", "Apt", "Suite", "Unit", "Address 2"]],
    ["address.city", ["City"]],
    ["address.state", ["State", "ST"]],
    ["address.zipcode", ["ZIP", "Zip Code", "Zipcode", "Postal Code"]],
  ])("recognises %s from every header the product names: %j", (field, headers) => {
    for (const header of headers)
      expect(columnsOf(headersWith(field, header)).fields[field]).toBe(MEMBER_FIELDS.indexOf(field));
  });

  it.each<[MemberField, string]>([
    ["reference_id", "Emp ID"],
    ["reference_id", "EMPLOYEE_ID"],
    ["reference_id", "Member Id "],
    ["first_name", "first-name"],
    ["first_name", "Given name"],
    ["last_name", "SURNAME"],
    ["last_name", "Family Name"],
    ["date_of_birth", "D.O.B."],
    ["date_of_birth", "Birth_Date"],
    ["date_of_birth", "DOB (MM/DD/YYYY)"],
    ["email", "E-mail"],
    ["email", "e-mail address"],
    ["email", "Work E-Mail"],
    ["phone", "Phone #"],
    ["phone", "Mobile"],
    ["phone", "Cell Phone [US only]"],
    ["plan_id", "Plan Name"],
    ["plan_id", "plan_id"],
    ["address.address_line_1", "Street"],
    ["address.address_line_1", "Address line 1"],
    ["address.address_line_2", "Apt / Suite"],
    ["address.address_line_2", "Unit"],
    ["address.city", "CITY"],
    ["address.state", "St."],
    ["address.zipcode", "ZIP code"],
    ["address.zipcode", "Zip_Code"],
    ["address.zipcode", "Postal Code"],
    ["address.zipcode", "Zip\u00A0Code "],
  ])("recognises %s from %j (case, spacing, punctuation and hints ignored)", (field, header) => {
    const columns = columnsOf(headersWith(field, header));
    expect(columns.fields[field]).toBe(MEMBER_FIELDS.indexOf(field));
    expect(columns.labels[field]).toBe(header.replace(/\u00A0/g, " ").trim());
  });

  it("keeps the header as the user wrote it, whitespace tidied, as the column's label", () => {
    const columns = columnsOf(headersWith("last_name", "  Family\u00A0\u00A0Name "));
    expect(columns.labels.last_name).toBe("Family Name");
  });

  it("gives every synonym to one field only", () => {
    const names = [
      ...MEMBER_FIELDS.flatMap((field) => MEMBER_COLUMN_NAMES[field].synonyms),
      ...Object.values(ROW_FILTER_COLUMN_NAMES).flatMap(({ synonyms }) => synonyms),
    ].map(normaliseHeader);
    expect(new Set(names).size).toBe(names.length);
  });

  it("finds columns in any order and ignores extra columns", () => {
    const headers = ["Notes", ...[...ALL_CANONICAL].reverse(), "Department", ""];
    const columns = columnsOf(headers);
    MEMBER_FIELDS.forEach((field) => {
      expect(columns.fields[field]).toBe(headers.indexOf(MEMBER_COLUMN_NAMES[field].label));
    });
  });

  it.each(INCLUDE_COLUMN_NAMES.concat(["include?", "ACTIVE", "Sync (Y/N)"]))(
    "recognises the include column %j",
    (header) => {
      const columns = columnsOf([...ALL_CANONICAL, header]);
      expect(columns.fields.include).toBe(ALL_CANONICAL.length);
    },
  );

  it("recognises the add-on's status columns and never takes them for member data", () => {
    const headers = ["Vitable Status", ...ALL_CANONICAL, "vitable message", "Vitable Synced At"];
    const columns = columnsOf(headers);
    expect(columns.status).toEqual({
      status: 0,
      message: ALL_CANONICAL.length + 1,
      syncedAt: ALL_CANONICAL.length + 2,
    });
    expect(Object.values(columns.fields)).not.toContain(0);
  });

  it("does not take an optional column's absence as a problem", () => {
    const headers = ALL_CANONICAL.filter((label) => label !== "Email" && label !== "Address Line 2");
    const columns = columnsOf(headers);
    expect(columns.fields.email).toBeUndefined();
    expect(columns.fields["address.address_line_2"]).toBeUndefined();
  });

  it("requires exactly the fields memberSchema requires", () => {
    expect([...REQUIRED_FIELDS].sort()).toEqual(
      MEMBER_FIELDS.filter((field) => field !== "email" && field !== "address.address_line_2").sort(),
    );
  });
});

describe("mapHeaders: a column more than one header could be", () => {
  it("asks which of ID and Employee ID is the reference ID rather than guessing", () => {
    const base = ALL_CANONICAL.filter((label) => label !== "Employee ID");
    const problem = problemOf(["ID", ...base, "Employee ID"]);
    expect(problem.kind === "needsMapping" && problem.ambiguous).toEqual([
      { target: "reference_id", label: "Employee ID", headers: ["ID", "Employee ID"] },
    ]);
    expect(problem.message).toBe(
      'More than one column could be Employee ID: "ID" and "Employee ID". ' +
        "Choose which column is which with Map columns in the sidebar, then sync again.",
    );
  });

  it("asks which of Phone and Mobile is the phone, and which include column counts", () => {
    const problem = problemOf(["Active", "Mobile", ...ALL_CANONICAL, "Include"]);
    expect(problem.kind === "needsMapping" && problem.ambiguous.map(({ target }) => target).sort()).toEqual([
      "include",
      "phone",
    ]);
  });

  it("uses the columns the user chose and recognises the rest", () => {
    const headers = ["Mobile", ...ALL_CANONICAL.filter((label) => label !== "ZIP"), "Zip/Postal Cd"];
    const mapping = mapHeaders(headers, 1, {
      columns: { phone: "Mobile", "address.zipcode": "zip/postal cd" },
      statusValues: {},
    });
    expect(mapping.ok && mapping.columns.fields.phone).toBe(0);
    expect(mapping.ok && mapping.columns.fields["address.zipcode"]).toBe(headers.length - 1);
    expect(mapping.ok && mapping.columns.labels["address.zipcode"]).toBe("Zip/Postal Cd");
  });

  it("leaves out a column the user chose to have none of", () => {
    const mapping = mapHeaders([...ALL_CANONICAL, "Status"], 1, {
      columns: { employmentStatus: null },
      statusValues: {},
    });
    expect(mapping.ok && mapping.columns.fields.employmentStatus).toBeUndefined();
  });

  it("blocks when a chosen header is gone, naming it, even if another header could stand in", () => {
    const headers = ALL_CANONICAL.filter((label) => label !== "ZIP").concat(["ZIP Code"]);
    const problem = problemOf(headers, 1, { columns: { "address.zipcode": "Zip/Postal" }, statusValues: {} });
    expect(problem.kind === "needsMapping" && problem.vanished).toEqual([
      { target: "address.zipcode", label: "ZIP", header: "Zip/Postal" },
    ]);
    expect(problem.kind === "needsMapping" && problem.missing).toEqual([]);
    expect(problem.message).toBe(
      'The column "Zip/Postal" chosen for ZIP is no longer in row 1: it was renamed or deleted. ' +
        "Choose which column is which with Map columns in the sidebar, then sync again.",
    );
  });
});

describe("mapHeaders: problems", () => {
  it.each<[string, CellValue[]]>([
    ["an empty row", []],
    ["a row of blank cells", ["", "  ", "\u00A0", ""]],
    ["a row of dates and checkboxes", [new Date(0), false, true]],
  ])("reports no header row for %s", (_, headers) => {
    expect(problemOf(headers, 2)).toEqual({
      kind: "noHeaderRow",
      message:
        "Row 2 of this tab has no column headers. Put the column headers, such as Employee ID, First Name, " +
        "Last Name and Date of Birth, in row 2, then validate again.",
    });
  });

  it("reports no header row when nothing is recognised (a row of data)", () => {
    expect(problemOf([1001, "Jane", "Doe", "Vitable Status", "Include"])).toEqual({
      kind: "noHeaderRow",
      message:
        "None of the headers in row 1 is a roster column. Put the column headers, such as Employee ID, " +
        "First Name, Last Name and Date of Birth, in row 1, then validate again.",
    });
  });

  it("lists every missing required column with the closest unrecognised header", () => {
    const headers = ALL_CANONICAL.filter((label) => label !== "Date of Birth" && label !== "ZIP").concat([
      "Birth Dte",
      "Notes",
    ]);
    expect(problemOf(headers)).toEqual({
      kind: "needsMapping",
      missing: [
        { field: "date_of_birth", label: "Date of Birth", closest: "Birth Dte" },
        { field: "address.zipcode", label: "ZIP", closest: null },
      ],
      ambiguous: [],
      vanished: [],
      message:
        'The tab is missing the columns Date of Birth (closest: "Birth Dte") and ZIP. ' +
        "Add them or rename the headers, then validate again. " +
        "Or choose which column is which with Map columns in the sidebar.",
    });
  });

  it("words a single missing column in the singular", () => {
    const headers = ALL_CANONICAL.filter((label) => label !== "Phone").concat(["Phon Number"]);
    expect(problemOf(headers)).toEqual({
      kind: "needsMapping",
      missing: [{ field: "phone", label: "Phone", closest: "Phon Number" }],
      ambiguous: [],
      vanished: [],
      message:
        'The tab is missing the column Phone (closest: "Phon Number"). Add it or rename the header, then validate again. ' +
        "Or choose which column is which with Map columns in the sidebar.",
    });
  });

  it.each<[MemberField, string, string | null]>([
    ["date_of_birth", "Birth Dte", "Birth Dte"],
    ["date_of_birth", "Date of Brith", "Date of Brith"],
    ["address.zipcode", "Zip Cd", "Zip Cd"],
    ["last_name", "Lst Name", "Lst Name"],
    ["first_name", "Frist Name", "Frist Name"],
    ["address.city", "Citty", "Citty"],
    ["reference_id", "Employe ID", "Employe ID"],
    // Too far from every name of the field to be offered.
    ["date_of_birth", "Start Date", null],
    ["address.zipcode", "Country", null],
    ["reference_id", "IP", null],
    ["address.state", "SR", null],
  ])("offers for missing %s the header %j as closest: %j", (field, header, closest) => {
    const headers = MEMBER_FIELDS.filter((f) => f !== field).map((f) => MEMBER_COLUMN_NAMES[f].label);
    const problem = problemOf([...headers, header]);
    expect(problem.kind === "needsMapping" && problem.missing).toEqual([
      { field, label: MEMBER_COLUMN_NAMES[field].label, closest },
    ]);
  });

  it("offers the nearest of several unrecognised headers, the leftmost on a tie", () => {
    const headers = ALL_CANONICAL.filter((label) => label !== "ZIP");
    const problem = problemOf([...headers, "Zip Cd", "Zipcod", "Zipcde"]);
    expect(problem.kind === "needsMapping" && problem.missing[0]?.closest).toBe("Zipcod");
  });
});
