import fc from "fast-check";
import { runInNewContext } from "node:vm";
import { createDateOfBirthReader } from "../../../../src/core/roster/fields/dateOfBirth";
import { sheetDateCell } from "../support/sheetDates";

const TODAY = "2026-03-10";
const readNewYork = createDateOfBirthReader("America/New_York", TODAY);

describe("createDateOfBirthReader: text and serial numbers", () => {
  it.each([
    ["1990-05-15", "1990-05-15"],
    ["1990/05/15", "1990-05-15"],
    ["1990-5-7", "1990-05-07"],
    ["05/15/1990", "1990-05-15"],
    ["5/15/1990", "1990-05-15"],
    ["5/7/1990", "1990-05-07"],
    ["05-15-1990", "1990-05-15"],
    ["2000-02-29", "2000-02-29"],
    [TODAY, TODAY],
    ["1896-03-10", "1896-03-10"],
  ])("reads %j as %j", (cell, value) => {
    expect(readNewYork(cell)).toEqual({ ok: true, value });
  });

  it.each<[number, string]>([
    [32874, "1990-01-01"],
    [33008, "1990-05-15"],
    [33008.75, "1990-05-15"],
  ])("reads the date serial number %d as %j and reports the repair", (cell, value) => {
    expect(readNewYork(cell)).toEqual({
      ok: true,
      value,
      repair: { from: String(cell), predicate: `${cell} was read as the date ${value}` },
    });
  });

  it.each<[string | number | boolean, string]>([
    ["15.05.1990", '"15.05.1990" is not a date the add-on can read; type it as 1990-05-15 or 05/15/1990'],
    ["May 15th 1990", '"May 15th 1990" is not a date the add-on can read; type it as 1990-05-15 or 05/15/1990'],
    ["1990-05", '"1990-05" is not a date the add-on can read; type it as 1990-05-15 or 05/15/1990'],
    ["1990-05/15", '"1990-05/15" is not a date the add-on can read; type it as 1990-05-15 or 05/15/1990'],
    ["1990-02-30", '"1990-02-30" is not a real date'],
    ["2023-02-29", '"2023-02-29" is not a real date'],
    ["1900-02-29", '"1900-02-29" is not a real date'],
    ["1990-13-01", '"1990-13-01" is not a real date'],
    ["02/30/1990", '"02/30/1990" is not a real date (the month comes first, as in 05/15/1990)'],
    ["5/15/90", '"5/15/90" has a two-digit year; type all four digits, such as 05/15/1990'],
    ["05-15-90", '"05-15-90" has a two-digit year; type all four digits, such as 05/15/1990'],
    ["2026-03-11", "2026-03-11 is in the future"],
    ["12/31/2030", "2030-12-31 is in the future"],
    ["1896-03-09", "1896-03-09 is more than 130 years ago"],
    [4155550100, "is the number 4155550100, not a date; type it as 1990-05-15 or 05/15/1990"],
    [19900515, "is the number 19900515, not a date; type it as 1990-05-15 or 05/15/1990"],
    [-2000, "1894-07-09 is more than 130 years ago"],
    [
      true,
      "holds TRUE, which Google Sheets keeps as a checkbox value, not as text; remove any checkbox, format the column as plain text (Format ▸ Number ▸ Plain text) and retype the value",
    ],
  ])("refuses %j: %s", (cell, problem) => {
    expect(readNewYork(cell)).toEqual({ ok: false, problem });
  });

  it.each([
    ["14/03/1989", '"14/03/1989" looks day-first; type the month first: 03/14/1989'],
    ["15/05/1990", '"15/05/1990" looks day-first; type the month first: 05/15/1990'],
    ["31-12-1999", '"31-12-1999" looks day-first; type the month first: 12-31-1999'],
    ["29/2/2000", '"29/2/2000" looks day-first; type the month first: 02/29/2000'],
  ])("takes %j, whose first part is past 12, for day-first: %s", (cell, problem) => {
    expect(readNewYork(cell)).toEqual({ ok: false, problem });
  });

  it.each([
    // Turned round they are no date, a date in the future, or a date too long ago.
    ["31/02/1989", '"31/02/1989" is not a real date (the month comes first, as in 05/15/1990)'],
    ["29/02/2023", '"29/02/2023" is not a real date (the month comes first, as in 05/15/1990)'],
    ["14/15/1989", '"14/15/1989" is not a real date (the month comes first, as in 05/15/1990)'],
    ["20/03/2026", '"20/03/2026" is not a real date (the month comes first, as in 05/15/1990)'],
    ["13/01/1890", '"13/01/1890" is not a real date (the month comes first, as in 05/15/1990)'],
  ])("suggests no day-first date for %j when the date turned round is none a person was born on", (cell, problem) => {
    expect(readNewYork(cell)).toEqual({ ok: false, problem });
  });

  it("quotes only the start of a long value, so the message fits in a cell", () => {
    expect(readNewYork("x".repeat(49_990))).toEqual({
      ok: false,
      problem: `"${"x".repeat(59)}…" is not a date the add-on can read; type it as 1990-05-15 or 05/15/1990`,
    });
  });

  it("refuses an invalid Date", () => {
    expect(readNewYork(new Date(NaN))).toEqual({
      ok: false,
      problem: "is not a valid date; type it as 1990-05-15 or 05/15/1990",
    });
  });
});

describe("createDateOfBirthReader: date cells are read in the spreadsheet's time zone", () => {
  it("runs in Los Angeles, so reading dates in the process's zone would show", () => {
    expect(process.env.TZ).toBe("America/Los_Angeles");
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe("America/Los_Angeles");
  });

  const zones = ["Pacific/Auckland", "Pacific/Honolulu"];
  // Around New Zealand's (April, September) and the process's own (March, November) DST changes,
  // year ends and a leap day.
  const dates = [
    "1990-05-15",
    "2023-04-01",
    "2023-04-02",
    "2023-04-03",
    "2023-09-23",
    "2023-09-24",
    "2023-09-25",
    "2023-03-12",
    "2023-11-05",
    "1999-12-31",
    "2000-01-01",
    "2000-02-29",
    "1975-10-26",
  ];
  it.each(zones.flatMap((zone) => dates.map((date) => [zone, date] as const)))(
    "reads %s midnight of %s as that date",
    (zone, date) => {
      expect(createDateOfBirthReader(zone, TODAY)(sheetDateCell(zone, date))).toEqual({ ok: true, value: date });
    },
  );

  it("reads a date-time cell as its calendar date there, whatever the hour", () => {
    const readHonolulu = createDateOfBirthReader("Pacific/Honolulu", TODAY);
    // 23:30 in Honolulu is already the next day in Los Angeles and in UTC.
    expect(readHonolulu(sheetDateCell("Pacific/Honolulu", "1990-05-15", 23))).toEqual({
      ok: true,
      value: "1990-05-15",
    });
    expect(readHonolulu(sheetDateCell("Pacific/Honolulu", "1990-05-15", 1))).toEqual({ ok: true, value: "1990-05-15" });
  });

  it("gives another date for the same instant in another zone: the zone is really used", () => {
    const aucklandMidnight = sheetDateCell("Pacific/Auckland", "1990-05-15");
    expect(createDateOfBirthReader("Pacific/Honolulu", TODAY)(aucklandMidnight)).toEqual({
      ok: true,
      value: "1990-05-14",
    });
  });

  it("reads a Date made by another JavaScript realm, as a spreadsheet stand-in may hand over", () => {
    const instant = sheetDateCell("Pacific/Auckland", "1990-05-15").getTime();
    const foreignDate: unknown = runInNewContext(`new Date(${instant})`);
    expect(foreignDate instanceof Date).toBe(false);
    expect(createDateOfBirthReader("Pacific/Auckland", TODAY)(foreignDate as Date)).toEqual({
      ok: true,
      value: "1990-05-15",
    });
  });

  it("refuses a date cell in the future of the spreadsheet's today", () => {
    const read = createDateOfBirthReader("Pacific/Auckland", TODAY);
    expect(read(sheetDateCell("Pacific/Auckland", "2026-03-11"))).toEqual({
      ok: false,
      problem: "2026-03-11 is in the future",
    });
  });
});

describe("createDateOfBirthReader: properties", () => {
  const MIN = Date.UTC(1896, 2, 10);
  const MAX = Date.UTC(2026, 2, 10);
  const isoDate = fc.integer({ min: MIN, max: MAX }).map((ms) => new Date(ms).toISOString().slice(0, 10));

  it("reads every way of writing a date in range as the same date, and that date as itself", () => {
    fc.assert(
      fc.property(
        isoDate,
        fc.constantFrom("Pacific/Auckland", "Pacific/Honolulu", "Asia/Kolkata", "Europe/London"),
        (iso, zone) => {
          const read = createDateOfBirthReader(zone, TODAY);
          const [year, month, day] = iso.split("-") as [string, string, string];
          for (const written of [
            iso,
            `${year}/${month}/${day}`,
            `${month}/${day}/${year}`,
            `${Number(month)}/${Number(day)}/${year}`,
            `${month}-${day}-${year}`,
            sheetDateCell(zone, iso),
          ]) {
            expect(read(written)).toEqual({ ok: true, value: iso });
          }
        },
      ),
    );
  });
});
