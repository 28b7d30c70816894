import {
  createRosterSpreadsheet,
  enterRows,
  rosterSheet,
  rowStatuses,
  ROSTER_TAB_NAME,
} from "../../../sandbox/cli/rosterTab";
import { AUTOMATIC_FORMAT } from "../../../sandbox/runtime/spreadsheet/numberFormats";
import { SpreadsheetStore } from "../../../sandbox/runtime/spreadsheet/store";

const OWNER = "hr@example.com";

function newRoster(timeZone = "America/New_York") {
  const spreadsheet = createRosterSpreadsheet(new SpreadsheetStore(), { timeZone, owner: OWNER });
  return { spreadsheet, sheet: rosterSheet(spreadsheet) };
}

describe("the Roster tab", () => {
  it("is the new spreadsheet's only tab, Sheets' first sheet (ID 0), selected", () => {
    const { spreadsheet, sheet } = newRoster();
    expect(spreadsheet.sheets.map((s) => [s.id, s.name])).toEqual([[0, ROSTER_TAB_NAME]]);
    expect(spreadsheet.activeSheet()).toBe(sheet);
    expect(spreadsheet.owner).toBe(OWNER);
  });

  it("is added again, and selected, when the spreadsheet has lost it", () => {
    const { spreadsheet } = newRoster();
    spreadsheet.sheets[0]!.name = "Old roster";
    const log = spreadsheet.addSheet("Vitable Sync Log", 1);
    spreadsheet.select(log, null);
    const sheet = rosterSheet(spreadsheet);
    expect(spreadsheet.sheets.map((s) => s.name)).toEqual(["Old roster", "Vitable Sync Log", ROSTER_TAB_NAME]);
    expect(spreadsheet.activeSheet()).toBe(sheet);
  });
});

describe("enterRows", () => {
  const ROWS = [
    ["ZIP", "DOB", "Active", "Phone", "Note"],
    ["02134", "03/04/1990", "FALSE", "4155550100", "=HYPERLINK(1)"],
    ["", "1990-03-04", "'x", "", ""],
  ];

  it("enters cells as Google Sheets parses typed values, dates in the spreadsheet's time zone", () => {
    const { sheet } = newRoster("Pacific/Honolulu");
    enterRows(sheet, ROWS, { raw: false });
    expect(sheet.cellAt(2, 1)).toMatchObject({ value: 2134, displayValue: "2134" });
    // Midnight of March 4 in Honolulu (UTC−10), whatever the machine's zone.
    expect(sheet.cellAt(2, 2)).toMatchObject({ value: new Date("1990-03-04T10:00:00Z"), numberFormat: "M/d/yyyy" });
    expect(sheet.cellAt(3, 2).value).toEqual(new Date("1990-03-04T10:00:00Z"));
    expect(sheet.cellAt(2, 3).value).toBe(false);
    expect(sheet.cellAt(2, 4).value).toBe(4155550100);
    expect(sheet.cellAt(2, 5).formula).toBe("=HYPERLINK(1)");
    expect(sheet.cellAt(3, 3).value).toBe("x");
  });

  it("with raw, keeps every cell as the file's exact text", () => {
    const { sheet } = newRoster();
    enterRows(sheet, ROWS, { raw: true });
    expect(sheet.valuesForHost()).toEqual([
      ["ZIP", "DOB", "Active", "Phone", "Note"],
      ["02134", "03/04/1990", "FALSE", "4155550100", "=HYPERLINK(1)"],
      ["", "1990-03-04", "'x", "", ""],
    ]);
    expect(sheet.cellAt(2, 5).formula).toBe("");
  });

  it("replaces the tab's cells, formats and notes, and keeps the tab and its ID", () => {
    const { spreadsheet, sheet } = newRoster();
    enterRows(sheet, ROWS, { raw: false });
    sheet.notes.set(2, 1, "ZIP repaired");
    sheet.typeInto(9, 9, "Vitable Status");
    enterRows(
      sheet,
      [
        ["ZIP", "DOB"],
        ["12", "5"],
      ],
      { raw: false },
    );
    expect(rosterSheet(spreadsheet)).toBe(sheet);
    expect(sheet.id).toBe(0);
    // B2 held a date: a number entered there now is a number again, not a date.
    expect(sheet.valuesForHost()).toEqual([
      ["ZIP", "DOB"],
      [12, 5],
    ]);
    expect(sheet.cellAt(2, 2).numberFormat).toBe(AUTOMATIC_FORMAT);
    expect(sheet.cellAt(2, 1).note).toBe("");
  });

  it("grows the tab to fit a wide, long file", () => {
    const { sheet } = newRoster();
    const rows = Array.from({ length: 1200 }, (_, i) => Array.from({ length: 30 }, (__, j) => `r${i}c${j}`));
    enterRows(sheet, rows, { raw: true });
    expect(sheet.cellAt(1200, 30).value).toBe("r1199c29");
  });
});

describe("rowStatuses", () => {
  it("reads the status and message of every non-blank row below the header row", () => {
    const { sheet } = newRoster();
    sheet.typeRows(1, 1, [
      ["Title"],
      ["Employee ID", "First Name", "Vitable Status", "Vitable Message", "Vitable Synced At"],
      ["1001", "Jane", "Added", "", "11/23/2026 10:00:00"],
      ["", "", "", "", ""],
      ["", "  ", "Invalid", "stale", ""],
      ["1003", "", "Invalid", "First Name is empty.", ""],
    ]);
    expect(rowStatuses(sheet, 2)).toEqual([
      { row: 3, status: "Added", message: "" },
      { row: 6, status: "Invalid", message: "First Name is empty." },
    ]);
  });

  it("finds the status columns whatever their case or spacing, and shows empty text without them", () => {
    const { sheet } = newRoster();
    sheet.typeRows(1, 1, [
      ["vitable  message", "ID", "VITABLE STATUS"],
      ["Duplicate ID", "1001", "Invalid"],
    ]);
    expect(rowStatuses(sheet, 1)).toEqual([{ row: 2, status: "Invalid", message: "Duplicate ID" }]);

    const bare = newRoster().sheet;
    bare.typeRows(1, 1, [["ID"], ["1001"]]);
    expect(rowStatuses(bare, 1)).toEqual([{ row: 2, status: "", message: "" }]);
  });
});
