import { describeMapping, mappingToSave } from "../../../src/core/roster/mappingChoices";
import type { CellValue } from "../../../src/core/roster/model";

const show = (cell: CellValue) => String(cell);

const BAMBOO_HEADERS = [
  "Employee Number",
  "Legal First Name",
  "Last Name",
  "Birthdate",
  "Postal Cd",
  "Cell Phone",
  "Phone",
  "Plan",
  "Address",
  "City",
  "State",
  "Employment Status",
];

const ROWS: CellValue[][] = [
  BAMBOO_HEADERS,
  [
    "E1",
    "Ana",
    "Diaz",
    "03/14/1989",
    "02139",
    "6175550134",
    "6175550100",
    "Basic",
    "1 Main St",
    "Boston",
    "MA",
    "Active",
  ],
  ["E2", "Bo", "Li", "04/01/1990", "", "6175550135", "", "Basic", "2 Main St", "Boston", "MA", "Seasonal"],
  ["E3", "Cy", "Wu", "05/02/1991", "02140", "6175550136", "", "Basic", "3 Main St", "Boston", "MA", "Active"],
];

describe("describeMapping", () => {
  const description = describeMapping(ROWS, 1, null, show);

  it("lists the columns needing the user first, with a guess to pre-select", () => {
    expect(description.columns.slice(0, 2)).toEqual([
      expect.objectContaining({ target: "phone", problem: "ambiguous", guess: "Cell Phone", header: null }),
      expect.objectContaining({ target: "address.zipcode", problem: "missing", guess: "Postal Cd", required: true }),
    ]);
    expect(description.problem).toContain('More than one column could be Phone: "Cell Phone" and "Phone".');
  });

  it("gives each header two values from the rows below, skipping blanks", () => {
    expect(description.headers.find(({ header }) => header === "Postal Cd")).toEqual({
      header: "Postal Cd",
      samples: ["02139", "02140"],
    });
  });

  it("lists the employment status values, most frequent first, with what the add-on knows of them", () => {
    expect(description.statusValues).toEqual([
      { value: "Active", rows: 2, known: "include", chosen: null },
      { value: "Seasonal", rows: 1, known: null, chosen: null },
    ]);
  });

  it("settles everything once the user's choices are saved", () => {
    const saved = mappingToSave(
      ROWS[0]!,
      1,
      { phone: "Cell Phone", "address.zipcode": "Postal Cd", first_name: "Legal First Name" },
      { Seasonal: "exclude", Active: "include" },
    );
    expect(saved).toEqual({
      ok: true,
      // Legal First Name is recognised anyway and Active is known: only the differences are kept.
      mapping: {
        columns: { phone: "Cell Phone", "address.zipcode": "Postal Cd" },
        statusValues: { seasonal: "exclude" },
      },
    });
    const after = describeMapping(ROWS, 1, saved.ok ? saved.mapping : null, show);
    expect(after.problem).toBeNull();
    expect(after.statusValues[1]).toEqual({ value: "Seasonal", rows: 1, known: null, chosen: "exclude" });
  });
});

describe("mappingToSave refuses", () => {
  it("a header that is not in the header row", () => {
    expect(mappingToSave(ROWS[0]!, 1, { "address.zipcode": "ZIP" }, {})).toEqual({
      ok: false,
      message: 'There is no column "ZIP" in row 1 of this tab.',
    });
  });

  it("no column for a field every member needs", () => {
    expect(mappingToSave(ROWS[0]!, 1, { date_of_birth: null }, {})).toEqual({
      ok: false,
      message: "Choose a column for Date of Birth: every member needs one.",
    });
  });

  it("one column for two fields", () => {
    expect(mappingToSave(ROWS[0]!, 1, { phone: "Phone", "address.zipcode": "Phone" }, {})).toEqual({
      ok: false,
      message: 'The column "Phone" is chosen for Phone and ZIP; a column can be only one of them.',
    });
  });

  it("nothing when nothing differs from the headers, so the tab keeps following them", () => {
    expect(mappingToSave(ROWS[0]!, 1, { last_name: "Last Name", email: null }, { active: "include" })).toEqual({
      ok: true,
      mapping: null,
    });
  });
});
