import fc from "fast-check";
import { readRoster } from "../../../src/core/roster/readRoster";
import type { CellValue, Roster, RosterContext, RowOutcome } from "../../../src/core/roster/model";
import type { Member, MemberField } from "../../../src/vitable/memberSchema";
import { US_STATES, type UsStateCode } from "../../../src/vitable/usStates";
import { jane } from "../../support/exampleMember";
import { CONTEXT, HEADERS, PLANS, rowWith, validRow } from "./support/context";
import { sheetDateCell } from "./support/sheetDates";

function rosterOf(values: CellValue[][], context: RosterContext = CONTEXT): Roster {
  const result = readRoster(values, context);
  if (!result.ok) throw new Error(result.problem.message);
  return result.roster;
}

function onlyRow(row: CellValue[]): RowOutcome {
  const roster = rosterOf([HEADERS, row]);
  expect(roster.rows).toHaveLength(1);
  return roster.rows[0] as RowOutcome;
}

const JANE: Member = { ...jane, reference_id: "1001", plan_id: "pln_basic01" };

describe("readRoster: a ready row", () => {
  it("becomes exactly the payload member", () => {
    expect(onlyRow(validRow())).toStrictEqual({
      row: 2,
      status: "Ready",
      referenceId: "1001",
      name: "Jane Doe",
      member: JANE,
      errors: [],
      repairs: [],
      message: "",
    });
  });

  it("omits blank optional fields from the payload", () => {
    const row = validRow();
    row[HEADERS.indexOf("E-mail")] = "";
    row[HEADERS.indexOf("Apt")] = "  ";
    const { email: _email, ...withoutEmail } = JANE;
    const { address_line_2: _line2, ...addressWithoutLine2 } = JANE.address;
    const member = onlyRow(row).member;
    expect(member).toStrictEqual({ ...withoutEmail, address: addressWithoutLine2 });
    expect(Object.keys(member ?? {})).not.toContain("email");
    expect(Object.keys(member?.address ?? {})).not.toContain("address_line_2");
  });

  it("omits optional fields whose column the tab does not have", () => {
    const keep = HEADERS.map((header) => header !== "E-mail" && header !== "Apt");
    const roster = rosterOf([HEADERS.filter((_, i) => keep[i]), validRow().filter((_, i) => keep[i])]);
    const { email: _email, ...withoutEmail } = JANE;
    const { address_line_2: _line2, ...addressWithoutLine2 } = JANE.address;
    expect(roster.members).toStrictEqual([{ ...withoutEmail, address: addressWithoutLine2 }]);
  });

  it("reads messy but valid cells: whitespace, numbers, names, codes", () => {
    const row: CellValue[] = [
      " EMP-7 ",
      "  Mary\u00A0 Ann ",
      "O'Brien-Ñúñez",
      "5/7/1990",
      " JANE@ACME.COM\u200B",
      "+1 (415) 555-0100",
      "premium care",
      "1  Elm\u00A0St",
      3,
      "Boston",
      "ma",
      "02134-1234",
    ];
    expect(onlyRow(row)).toMatchObject({
      status: "Ready",
      referenceId: "EMP-7",
      name: "Mary Ann O'Brien-Ñúñez",
      member: {
        reference_id: "EMP-7",
        first_name: "Mary Ann",
        last_name: "O'Brien-Ñúñez",
        date_of_birth: "1990-05-07",
        email: "jane@acme.com",
        phone: "4155550100",
        plan_id: "pln_premium02",
        address: {
          address_line_1: "1 Elm St",
          address_line_2: "3",
          city: "Boston",
          state: "MA",
          zipcode: "02134-1234",
        },
      },
      message: "",
    });
  });

  it("reports the repairs it made, and still sends the row", () => {
    const row = validRow();
    row[HEADERS.indexOf("DOB")] = 33008;
    row[HEADERS.indexOf("State")] = "Massachusetts";
    row[HEADERS.indexOf("Zip_Code")] = 2134;
    const outcome = onlyRow(row);
    expect(outcome.status).toBe("Ready");
    expect(outcome.member).toMatchObject({ date_of_birth: "1990-05-15", address: { state: "MA", zipcode: "02134" } });
    expect(outcome.repairs).toEqual([
      {
        field: "date_of_birth",
        column: "DOB",
        from: "33008",
        to: "1990-05-15",
        message: "DOB 33008 was read as the date 1990-05-15.",
      },
      {
        field: "address.state",
        column: "State",
        from: "Massachusetts",
        to: "MA",
        message: 'State "Massachusetts" was read as MA.',
      },
      {
        field: "address.zipcode",
        column: "Zip_Code",
        from: "2134",
        to: "02134",
        message: "Zip_Code 2134 was read as 02134 because Google Sheets drops leading zeros.",
      },
    ]);
    expect(outcome.message).toBe(
      'DOB 33008 was read as the date 1990-05-15. State "Massachusetts" was read as MA. ' +
        "Zip_Code 2134 was read as 02134 because Google Sheets drops leading zeros.",
    );
  });

  it("reads a date cell in the spreadsheet's time zone", () => {
    const context = { ...CONTEXT, timeZone: "Pacific/Auckland" };
    const row = rowWith("DOB", sheetDateCell("Pacific/Auckland", "1990-05-15"));
    expect(rosterOf([HEADERS, row], context).members[0]?.date_of_birth).toBe("1990-05-15");
  });
});

describe("readRoster: one problem per row, named with the user's column header", () => {
  const long = "x".repeat(256);
  it.each<[string, CellValue, MemberField, string]>([
    ["Employee ID", "", "reference_id", "Employee ID is empty."],
    ["Employee ID", long, "reference_id", "Employee ID is longer than 255 characters."],
    [
      "Employee ID",
      1001.5,
      "reference_id",
      "Employee ID holds the number 1001.5, which Google Sheets may not keep exactly as typed; format the column as plain text (Format ▸ Number ▸ Plain text) and retype the ID.",
    ],
    ["First Name", "", "first_name", "First Name is empty."],
    ["First Name", "\u00A0\u200B", "first_name", "First Name is empty."],
    ["First Name", long, "first_name", "First Name is longer than 255 characters."],
    [
      "First Name",
      new Date(2024, 0, 2),
      "first_name",
      "First Name was turned into a date by Google Sheets; format the column as plain text (Format ▸ Number ▸ Plain text) and retype it.",
    ],
    ["Last Name", "", "last_name", "Last Name is empty."],
    ["Last Name", long, "last_name", "Last Name is longer than 255 characters."],
    ["DOB", "", "date_of_birth", "DOB is empty."],
    [
      "DOB",
      "soon",
      "date_of_birth",
      'DOB "soon" is not a date the add-on can read; type it as 1990-05-15 or 05/15/1990.',
    ],
    [
      "DOB",
      "02/30/1990",
      "date_of_birth",
      'DOB "02/30/1990" is not a real date (the month comes first, as in 05/15/1990).',
    ],
    ["DOB", "14/03/1989", "date_of_birth", 'DOB "14/03/1989" looks day-first; type the month first: 03/14/1989.'],
    [
      "DOB",
      "5/15/90",
      "date_of_birth",
      'DOB "5/15/90" has a two-digit year; type all four digits, such as 05/15/1990.',
    ],
    ["DOB", "2026-03-11", "date_of_birth", "DOB 2026-03-11 is in the future."],
    ["DOB", "1890-01-01", "date_of_birth", "DOB 1890-01-01 is more than 130 years ago."],
    ["E-mail", "jane.doe@", "email", "E-mail is not a valid email address."],
    ["E-mail", "jane doe@acme.com", "email", "E-mail is not a valid email address."],
    ["Phone", "", "phone", "Phone is empty."],
    [
      "Phone",
      "555-0134",
      "phone",
      'Phone "555-0134" has no area code; type the 3-digit area code in front of it, as in (415) 555-0134.',
    ],
    [
      "Phone",
      "+44 20 7946 0958",
      "phone",
      "Phone must be a 10-digit US number whose area code does not start with 0 or 1.",
    ],
    [
      "Phone",
      "(115) 555-0100",
      "phone",
      "Phone must be a 10-digit US number whose area code does not start with 0 or 1.",
    ],
    [
      "Phone",
      "015-555-0100",
      "phone",
      "Phone must be a 10-digit US number whose area code does not start with 0 or 1.",
    ],
    [
      "Phone",
      "415-555-0100 x12",
      "phone",
      'Phone has an extension ("415-555-0100 x12"); Vitable takes the main number only, so remove the extension.',
    ],
    ["Plan", "", "plan_id", "Plan is empty."],
    [
      "Plan",
      "Gold",
      "plan_id",
      'Plan "Gold" is not one of your organization\'s plans; use one of "Basic Care" or "Premium Care".',
    ],
    ["Address", "", "address.address_line_1", "Address is empty."],
    ["Address", long, "address.address_line_1", "Address is longer than 255 characters."],
    ["Apt", long, "address.address_line_2", "Apt is longer than 255 characters."],
    ["City", "", "address.city", "City is empty."],
    ["City", long, "address.city", "City is longer than 255 characters."],
    [
      "City",
      "#REF!",
      "address.city",
      "City shows the error #REF! instead of a value; fix the formula or retype the value.",
    ],
    ["State", "", "address.state", "State is empty."],
    ["State", "Calif", "address.state", "State must be a two-letter US state or territory code such as CA."],
    ["State", "Ontario", "address.state", "State must be a two-letter US state or territory code such as CA."],
    ["Zip_Code", "", "address.zipcode", "Zip_Code is empty."],
    ["Zip_Code", "9410", "address.zipcode", "Zip_Code must be a ZIP code such as 94102 or 94102-1234."],
    ["Zip_Code", 123456, "address.zipcode", "Zip_Code must be a ZIP code such as 94102 or 94102-1234."],
    ["Zip_Code", "SW1A 1AA", "address.zipcode", "Zip_Code must be a ZIP code such as 94102 or 94102-1234."],
  ])("%s = %j → %s: %s", (header, value, field, message) => {
    const outcome = onlyRow(rowWith(header, value));
    expect(outcome.status).toBe("Invalid");
    expect(outcome.member).toBeNull();
    expect(outcome.errors).toEqual([{ field, column: header, message }]);
    expect(outcome.message).toBe(message);
  });

  it.each(["#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#ERROR!"])(
    "takes the spreadsheet error %s for an error, also in an optional column",
    (code) => {
      expect(onlyRow(rowWith("E-mail", code)).errors).toEqual([
        {
          field: "email",
          column: "E-mail",
          message: `E-mail shows the error ${code} instead of a value; fix the formula or retype the value.`,
        },
      ]);
    },
  );

  it("reports every problem of a row at once, left to right", () => {
    const row = validRow();
    row[HEADERS.indexOf("Employee ID")] = "";
    row[HEADERS.indexOf("DOB")] = "2/30/1990";
    row[HEADERS.indexOf("E-mail")] = "nope";
    row[HEADERS.indexOf("Phone")] = "415-555-010";
    row[HEADERS.indexOf("Plan")] = "Gold";
    row[HEADERS.indexOf("City")] = "#N/A";
    row[HEADERS.indexOf("State")] = "XX";
    row[HEADERS.indexOf("Zip_Code")] = "941";
    const outcome = onlyRow(row);
    expect(outcome.errors.map((error) => [error.field, error.column])).toEqual([
      ["reference_id", "Employee ID"],
      ["date_of_birth", "DOB"],
      ["email", "E-mail"],
      ["phone", "Phone"],
      ["plan_id", "Plan"],
      ["address.city", "City"],
      ["address.state", "State"],
      ["address.zipcode", "Zip_Code"],
    ]);
    expect(outcome.message).toBe(outcome.errors.map((error) => error.message).join(" "));
    expect(outcome).toMatchObject({ status: "Invalid", referenceId: null, name: "Jane Doe", member: null });
  });

  it("tells an invalid row's repairs after its problems, so the user learns what the fixed row will send", () => {
    const row = rowWith("Phone", "555-0134");
    row[HEADERS.indexOf("State")] = "New Jersey";
    row[HEADERS.indexOf("Zip_Code")] = 8020;
    const outcome = onlyRow(row);
    expect(outcome.status).toBe("Invalid");
    expect(outcome.message).toBe(
      'Phone "555-0134" has no area code; type the 3-digit area code in front of it, as in (415) 555-0134. ' +
        'State "New Jersey" was read as NJ. ' +
        "Zip_Code 8020 was read as 08020 because Google Sheets drops leading zeros.",
    );
  });

  it("keeps the reference ID and name of an invalid row, for naming the person", () => {
    expect(onlyRow(rowWith("Phone", "12"))).toMatchObject({ status: "Invalid", referenceId: "1001", name: "Jane Doe" });
  });
});

describe("readRoster: rows", () => {
  it("skips fully blank rows wherever they are, and counts them", () => {
    const blank: CellValue[] = HEADERS.map(() => "");
    const roster = rosterOf([
      HEADERS,
      blank,
      validRow(),
      HEADERS.map(() => " \u00A0"),
      blank,
      rowWith("Employee ID", "1002"),
      blank,
    ]);
    expect(roster.rows.map((row) => row.row)).toEqual([3, 6]);
    expect(roster.blankRows).toBe(4);
  });

  it("counts a row as blank when only the status columns, the include column or unchecked boxes have something", () => {
    const headers = [...HEADERS, "Notes", "Include", "Vitable Status", "Vitable Message", "Vitable Synced At"];
    const filler = HEADERS.map(() => "");
    const roster = rosterOf([
      headers,
      [...filler, false, "", "Invalid", "Employee ID is empty.", new Date(0)],
      [...filler, "", true, "", "", ""],
      [...filler, "", "No", "", "", ""],
      [...validRow(), "", true, "Ready", "", ""],
    ]);
    expect(roster.blankRows).toBe(3);
    expect(roster.rows.map((row) => [row.row, row.status])).toEqual([[5, "Ready"]]);
  });

  it("reads a row with only an extra column filled as a row with every required field empty", () => {
    const roster = rosterOf([
      [...HEADERS, "Notes"],
      [...HEADERS.map(() => ""), "left in March"],
    ]);
    expect(roster.rows[0]?.errors.map((error) => error.message)).toEqual([
      "Employee ID is empty.",
      "First Name is empty.",
      "Last Name is empty.",
      "DOB is empty.",
      "Phone is empty.",
      "Plan is empty.",
      "Address is empty.",
      "City is empty.",
      "State is empty.",
      "Zip_Code is empty.",
    ]);
  });

  it("ignores the rows above a header row further down, and numbers rows as the sheet does", () => {
    const roster = rosterOf(
      [["Acme roster, March"], ["", "exported from Workday"], HEADERS, validRow(), rowWith("Employee ID", "1002")],
      { ...CONTEXT, headerRow: 3 },
    );
    expect(roster.headerRow).toBe(3);
    expect(roster.rows.map((row) => [row.row, row.status])).toEqual([
      [4, "Ready"],
      [5, "Ready"],
    ]);
    expect(roster.blankRows).toBe(0);
  });

  it("returns the Ready rows' members in sheet order", () => {
    const roster = rosterOf([
      HEADERS,
      rowWith("Employee ID", "3"),
      rowWith("Phone", "bad"),
      rowWith("Employee ID", "1"),
      rowWith("Employee ID", "2"),
    ]);
    expect(roster.members.map((member) => member.reference_id)).toEqual(["3", "1", "2"]);
    expect(roster.rows.map((row) => row.status)).toEqual(["Ready", "Invalid", "Ready", "Ready"]);
  });

  it("passes header problems on instead of reading rows", () => {
    expect(readRoster([], CONTEXT)).toEqual({
      ok: false,
      problem: expect.objectContaining({ kind: "noHeaderRow" }),
    });
    const result = readRoster([HEADERS.filter((header) => header !== "City"), validRow()], CONTEXT);
    expect(result).toEqual({ ok: false, problem: expect.objectContaining({ kind: "needsMapping" }) });
  });
});

describe("readRoster: the include column", () => {
  const headers = [...HEADERS, "Active"];

  it.each<[CellValue, string]>([
    [false, "FALSE"],
    ["No", "No"],
    ["n", "n"],
    [0, "0"],
    ["EXCLUDED", "EXCLUDED"],
    ["terminated", "terminated"],
  ])("leaves out a row whose include cell is %j, without validating it", (cell, says) => {
    const row = [...rowWith("Phone", "not a phone"), cell];
    row[HEADERS.indexOf("DOB")] = "";
    const roster = rosterOf([headers, row]);
    expect(roster.rows).toStrictEqual([
      {
        row: 2,
        status: "Excluded",
        referenceId: "1001",
        name: "Jane Doe",
        member: null,
        errors: [],
        repairs: [],
        message: `Not sent to Vitable because Active is "${says}": if this person was synced before, the next sync ends their Vitable plan.`,
      },
    ]);
    expect(roster.members).toEqual([]);
  });

  it.each<[CellValue]>([[""], [true], ["Yes"], ["Y"], [1], ["Active"]])(
    "keeps in and validates a row whose include cell is %j",
    (cell) => {
      expect(rosterOf([headers, [...validRow(), cell]]).rows[0]?.status).toBe("Ready");
      expect(rosterOf([headers, [...rowWith("Phone", "12"), cell]]).rows[0]?.status).toBe("Invalid");
    },
  );

  it.each<[CellValue]>([["Inactive"], ["whatever"]])(
    "makes a row whose include cell is %j invalid, keeping its reference ID for the removal guard",
    (cell) => {
      const row = rosterOf([headers, [...validRow(), cell]]).rows[0];
      expect(row).toMatchObject({ status: "Invalid", referenceId: "1001", member: null });
      expect(row?.message).toBe(
        `Active is "${String(cell)}", which the add-on does not know; write Yes to sync this row or No to leave it out.`,
      );
    },
  );
});

describe("readRoster: employment status and termination date", () => {
  const headers = [...HEADERS, "Employment Status", "Termination Date", "Include"];
  const rowOf = (status: CellValue, terminated: CellValue, include: CellValue = "") =>
    rosterOf([headers, [...validRow(), status, terminated, include]]).rows[0] as RowOutcome;

  it("never enrols a leaver: a Terminated row is left out, saying why", () => {
    expect(rowOf("Terminated", "")).toMatchObject({
      status: "Excluded",
      referenceId: "1001",
      message:
        'Not sent to Vitable because Employment Status is "Terminated": ' +
        "if this person was synced before, the next sync ends their Vitable plan.",
    });
  });

  it("leaves out a row whose termination date has come, and keeps one whose date is still ahead", () => {
    expect(rowOf("Active", "2020-01-31")).toMatchObject({
      status: "Excluded",
      message: expect.stringContaining("Termination Date 2020-01-31 is on or before today"),
    });
    expect(rowOf("Active", "2999-01-31").status).toBe("Ready");
  });

  it("keeps Active and leave of absence in", () => {
    expect(rowOf("Active", "").status).toBe("Ready");
    expect(rowOf("Leave of Absence", "").status).toBe("Ready");
  });

  it("refuses a status it does not know rather than guessing, naming the value and the fix", () => {
    expect(rowOf("Seasonal", "")).toMatchObject({
      status: "Invalid",
      referenceId: "1001",
      message:
        'Employment Status "Seasonal" is not one the add-on knows: ' +
        "map it to include or exclude with Map columns in the sidebar.",
    });
  });

  it("follows the user's mapping of a status value", () => {
    const context = { ...CONTEXT, mapping: { columns: {}, statusValues: { seasonal: "exclude" as const } } };
    const roster = rosterOf([headers, [...validRow(), "Seasonal", "", ""]], context);
    expect(roster.rows[0]?.status).toBe("Excluded");
  });

  it("leaves the row out when Include and the status disagree, and says so", () => {
    expect(rowOf("Terminated", "", "Yes")).toMatchObject({
      status: "Excluded",
      message: expect.stringContaining('Employment Status is "Terminated", although Include is "Yes":'),
    });
    expect(rowOf("Active", "", "No")).toMatchObject({
      status: "Excluded",
      message: expect.stringContaining('Include is "No":'),
    });
  });
});

describe("readRoster: duplicate reference IDs", () => {
  it("makes every row of a duplicated ID invalid, naming the other rows", () => {
    const roster = rosterOf([
      HEADERS,
      validRow(),
      rowWith("Employee ID", "2000"),
      rowWith("Employee ID", "1001"),
      rowWith("Employee ID", " 1001 "),
    ]);
    expect(roster.rows.map((row) => [row.row, row.status, row.message])).toEqual([
      [2, "Invalid", "Employee ID 1001 is also used on rows 4 and 5; give each person their own Employee ID."],
      [3, "Ready", ""],
      [4, "Invalid", "Employee ID 1001 is also used on rows 2 and 5; give each person their own Employee ID."],
      [5, "Invalid", "Employee ID 1001 is also used on rows 2 and 4; give each person their own Employee ID."],
    ]);
    expect(roster.rows[0]?.errors).toEqual([
      {
        field: "reference_id",
        column: "Employee ID",
        message: "Employee ID 1001 is also used on rows 4 and 5; give each person their own Employee ID.",
        duplicate: true,
      },
    ]);
    expect(roster.members.map((member) => member.reference_id)).toEqual(["2000"]);
  });

  it("adds the duplicate to a row's other problems, in column order", () => {
    const roster = rosterOf([HEADERS, rowWith("Phone", "12"), validRow()]);
    expect(roster.rows[0]?.errors.map((error) => error.field)).toEqual(["reference_id", "phone"]);
    expect(roster.rows[0]?.message).toBe(
      "Employee ID 1001 is also used on row 3; give each person their own Employee ID. " +
        "Phone must be a 10-digit US number whose area code does not start with 0 or 1.",
    );
    expect(roster.rows[1]?.status).toBe("Invalid");
  });

  it("keeps the repairs of a row the duplicate makes invalid, after its problems", () => {
    const roster = rosterOf([HEADERS, rowWith("Zip_Code", 8020), validRow()]);
    expect(roster.rows[0]?.message).toBe(
      "Employee ID 1001 is also used on row 3; give each person their own Employee ID. " +
        "Zip_Code 8020 was read as 08020 because Google Sheets drops leading zeros.",
    );
  });

  it("lets a left-out row share the ID of a row that is sent", () => {
    const headers = [...HEADERS, "Include"];
    const roster = rosterOf([headers, [...validRow(), "Terminated"], [...validRow(), ""]]);
    expect(roster.rows.map((row) => row.status)).toEqual(["Excluded", "Ready"]);
  });

  it("does not compare IDs Vitable would refuse: a 40,000-character ID is no one's", () => {
    const id = "E".repeat(40_000);
    const roster = rosterOf([HEADERS, rowWith("Employee ID", id), rowWith("Employee ID", id)]);
    expect(roster.rows.map((row) => [row.referenceId, row.message])).toEqual([
      [null, "Employee ID is longer than 255 characters."],
      [null, "Employee ID is longer than 255 characters."],
    ]);
  });

  it("counts the other rows instead of listing them all when many share an ID", () => {
    const roster = rosterOf([HEADERS, ...Array.from({ length: 10 }, () => validRow())]);
    expect(roster.rows.every((row) => row.status === "Invalid")).toBe(true);
    expect(roster.rows[0]?.message).toBe(
      "Employee ID 1001 is also used on rows 3, 4, 5, 6 and 5 more; give each person their own Employee ID.",
    );
    expect(roster.rows[9]?.message).toBe(
      "Employee ID 1001 is also used on rows 2, 3, 4, 5 and 5 more; give each person their own Employee ID.",
    );
  });
});

describe("readRoster: properties", () => {
  const letters = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzÀÉÎÕÜñçßøåłžΩЖ李'-".split(""));
  const name = fc
    .array(fc.string({ unit: letters, minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 })
    .map((words) => words.join(" "));
  const isoDate = fc
    .integer({ min: Date.UTC(1896, 2, 10), max: Date.UTC(2026, 2, 10) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));
  const phone = fc.stringMatching(/^[2-9]\d{9}$/);
  const stateCode = fc.constantFrom(...(Object.keys(US_STATES) as UsStateCode[]));
  const zip = fc.oneof(fc.stringMatching(/^\d{5}$/), fc.stringMatching(/^\d{5}-\d{4}$/));
  const plan = fc.constantFrom(...PLANS);
  const email = fc.option(fc.constantFrom("jane@acme.com", "a.b+c@example.org", "x@y.co"), { nil: undefined });
  const line2 = fc.option(fc.stringMatching(/^(Apt|Suite|Unit) [1-9][0-9A-F]{0,3}$/), { nil: undefined });

  const member = fc.record({
    reference_id: fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/), fc.nat().map(String)),
    first_name: name,
    last_name: name,
    date_of_birth: isoDate,
    email,
    phone,
    plan,
    line1: fc.stringMatching(/^[1-9]\d{0,4} [A-Z][a-z]{2,10} (St|Ave|Rd)$/),
    line2,
    city: name,
    state: stateCode,
    zipcode: zip,
  });

  it("reads a generated valid row, however it is written, as Ready with exactly its member", () => {
    fc.assert(
      fc.property(member, fc.boolean(), fc.nat(), (m, loose, style) => {
        const zone = "Pacific/Auckland";
        const context = { ...CONTEXT, timeZone: zone };
        const [year, month, day] = m.date_of_birth.split("-");
        const row: CellValue[] = [
          loose &&
          /^\d+$/.test(m.reference_id) &&
          Number.isSafeInteger(Number(m.reference_id)) &&
          !m.reference_id.startsWith("0")
            ? Number(m.reference_id)
            : m.reference_id,
          loose ? ` ${m.first_name} ` : m.first_name,
          m.last_name,
          loose
            ? style % 2 === 0
              ? `${month}/${day}/${year}`
              : sheetDateCell(zone, m.date_of_birth)
            : m.date_of_birth,
          m.email === undefined ? "" : loose ? m.email.toUpperCase() : m.email,
          loose ? `(${m.phone.slice(0, 3)}) ${m.phone.slice(3, 6)}-${m.phone.slice(6)}` : m.phone,
          loose ? m.plan.name.toUpperCase() : m.plan.id,
          m.line1,
          m.line2 ?? "",
          m.city,
          loose ? US_STATES[m.state][0] : m.state,
          m.zipcode,
        ];
        const roster = rosterOf([HEADERS, row], context);
        const outcome = roster.rows[0] as RowOutcome;
        expect(outcome.errors).toEqual([]);
        expect(outcome.status).toBe("Ready");
        const address = {
          address_line_1: m.line1,
          ...(m.line2 === undefined ? {} : { address_line_2: m.line2 }),
          city: m.city,
          state: m.state,
          zipcode: m.zipcode,
        };
        expect(outcome.member).toStrictEqual({
          reference_id: m.reference_id,
          first_name: m.first_name,
          last_name: m.last_name,
          date_of_birth: m.date_of_birth,
          ...(m.email === undefined ? {} : { email: m.email }),
          phone: m.phone,
          plan_id: m.plan.id,
          address,
        });
      }),
    );
  });

  it("reads its own payload, written back as cells, as the same payload", () => {
    fc.assert(
      fc.property(member, (m) => {
        const first = rosterOf([
          HEADERS,
          [
            m.reference_id,
            m.first_name,
            m.last_name,
            m.date_of_birth,
            m.email ?? "",
            m.phone,
            m.plan.name,
            m.line1,
            m.line2 ?? "",
            m.city,
            m.state,
            m.zipcode,
          ],
        ]);
        const sent = first.members[0] as Member;
        const again = rosterOf([
          HEADERS,
          [
            sent.reference_id,
            sent.first_name,
            sent.last_name,
            sent.date_of_birth,
            sent.email ?? "",
            sent.phone,
            sent.plan_id,
            sent.address.address_line_1,
            sent.address.address_line_2 ?? "",
            sent.address.city,
            sent.address.state,
            sent.address.zipcode,
          ],
        ]);
        expect(again.members).toStrictEqual([sent]);
        expect(again.rows[0]?.repairs).toEqual([]);
      }),
    );
  });
});
