import { MEMBER_FIELDS } from "../../../src/vitable/memberSchema";
import { mapHeaders } from "../../../src/core/roster/headers";
import {
  ROSTER_HEADERS,
  canInsertHeaders,
  rosterHeaderColumn,
  rosterStatusHeaderColumn,
} from "../../../src/core/sheet/rosterHeaders";

describe("ROSTER_HEADERS", () => {
  it("lists the member columns, Include, then the status columns", () => {
    expect(ROSTER_HEADERS).toEqual([
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
      "Include",
      "Vitable Status",
      "Vitable Message",
      "Vitable Synced At",
    ]);
  });

  it("is a header row the roster reader recognises completely", () => {
    const mapping = mapHeaders(ROSTER_HEADERS, 1);
    if (!mapping.ok) throw new Error(mapping.problem.message);
    MEMBER_FIELDS.forEach((field) => expect(mapping.columns.fields[field]).toBe(rosterHeaderColumn(field) - 1));
    expect(mapping.columns.fields.include).toBe(12);
    expect(mapping.columns.status).toEqual({
      status: rosterStatusHeaderColumn("status") - 1,
      message: rosterStatusHeaderColumn("message") - 1,
      syncedAt: rosterStatusHeaderColumn("syncedAt") - 1,
    });
  });

  it("places Plan, State and ZIP where the dropdowns and formats go", () => {
    expect([
      rosterHeaderColumn("plan_id"),
      rosterHeaderColumn("address.state"),
      rosterHeaderColumn("address.zipcode"),
    ]).toEqual([7, 11, 12]);
    expect(rosterStatusHeaderColumn("syncedAt")).toBe(16);
  });
});

describe("canInsertHeaders", () => {
  it.each<[string, string[][]]>([
    ["an empty tab", [[""]]],
    [
      "a tab whose cells are all blank",
      [
        ["", ""],
        ["", ""],
      ],
    ],
  ])("allows %s", (_label, values) => {
    expect(canInsertHeaders(values, "Roster")).toEqual({ ok: true });
  });

  it.each<[string, string[][]]>([
    [
      "a tab of data without headers",
      [
        ["1001", "Jane", "Doe"],
        ["1002", "Omar", "Haddad"],
      ],
    ],
    ["a title row", [["Benefits roster 2026", "", ""]]],
    [
      "data below an empty first row",
      [
        ["", ""],
        ["1001", "Jane"],
      ],
    ],
    ["a header row with some roster columns", [["Employee ID", "First Name", "Last Name", "DOB"]]],
  ])("refuses %s, naming the tab and what to do instead", (_label, values) => {
    expect(canInsertHeaders(values, "Roster")).toEqual({
      ok: false,
      message:
        '"Roster" already has data, and roster headers go into an empty tab only, so nothing was changed. Add a new tab (the + at the bottom left) and insert the headers there.',
    });
  });

  it("refuses a tab whose row 1 already holds the roster headers, and says so", () => {
    expect(canInsertHeaders([ROSTER_HEADERS.slice(), ["1001"]], "Roster")).toEqual({
      ok: false,
      message: 'Row 1 of "Roster" already has the roster headers, so nothing was changed.',
    });
  });
});
