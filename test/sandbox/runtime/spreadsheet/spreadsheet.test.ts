import { nextExecution, sheetsWorld } from "./sheetsWorld";

const exception = (message: string) => expect.objectContaining({ name: "Exception", message });

describe("a new spreadsheet", () => {
  it("has a Drive-like ID, one sheet named Sheet1 with ID 0, and the en_US locale", () => {
    const { app, spreadsheet } = sheetsWorld({ timeZone: "Pacific/Auckland" });
    const file = app.getActiveSpreadsheet()!;
    expect(file.getId()).toMatch(/^[A-Za-z0-9_-]{44}$/);
    expect(file.getId()).toBe(spreadsheet.id);
    expect(file.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${spreadsheet.id}/edit`);
    expect([file.getName(), file.getSpreadsheetTimeZone(), file.getSpreadsheetLocale()]).toEqual([
      "Roster",
      "Pacific/Auckland",
      "en_US",
    ]);
    expect(file.getSheets().map((sheet) => [sheet.getName(), sheet.getSheetId()])).toEqual([["Sheet1", 0]]);
    expect([file.getActiveSheet().getMaxRows(), file.getActiveSheet().getMaxColumns()]).toEqual([1000, 26]);
  });
});

describe("Spreadsheet.insertSheet", () => {
  it("names new sheets Sheet2, Sheet3 …, puts them after the active sheet and makes them active", () => {
    const { app } = sheetsWorld();
    const file = app.getActiveSpreadsheet()!;
    const log = file.insertSheet("Vitable Sync Log");
    expect(file.getActiveSheet().getName()).toBe("Vitable Sync Log");
    file.setActiveSheet(file.getSheets()[0]!);
    const second = file.insertSheet();
    const first = file.insertSheet("First", 0);
    expect(file.getSheets().map((sheet) => sheet.getName())).toEqual(["First", "Sheet1", "Sheet2", "Vitable Sync Log"]);
    expect(second.getName()).toBe("Sheet2");
    const ids = [log, second, first].map((sheet) => sheet.getSheetId());
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(Number.isInteger(id) && id > 0).toBe(true);
  });

  it("refuses a name already in use, whatever its case", () => {
    const { app } = sheetsWorld();
    const file = app.getActiveSpreadsheet()!;
    file.insertSheet("Vitable Sync Log");
    expect(() => file.insertSheet("vitable sync log")).toThrow(
      exception('A sheet with the name "vitable sync log" already exists. Please enter another name.'),
    );
    expect(file.getSheets()).toHaveLength(2);
  });

  it("refuses the overloads it does not support rather than ignoring them", () => {
    const { app } = sheetsWorld();
    const spreadsheet = app.getActiveSpreadsheet()!;
    const insertSheet = spreadsheet.insertSheet.bind(spreadsheet) as (...args: unknown[]) => unknown;
    expect(() => insertSheet({ template: null })).toThrow(expect.objectContaining({ name: "Exception" }));
  });
});

describe("finding and deleting sheets", () => {
  it("finds sheets by name in any case and by ID, and gives null for none", () => {
    const { app } = sheetsWorld();
    const file = app.getActiveSpreadsheet()!;
    const roster = file.insertSheet("Roster 2026");
    expect(file.getSheetByName("roster 2026")?.getSheetId()).toBe(roster.getSheetId());
    expect(file.getSheetByName("Nope")).toBeNull();
    expect(file.getSheetById(roster.getSheetId())?.getName()).toBe("Roster 2026");
    expect(file.getSheetById(12345)).toBeNull();
  });

  it("deletes a sheet, never the last one, and a deleted sheet's objects stop working", () => {
    const { app, sheet } = sheetsWorld();
    const file = app.getActiveSpreadsheet()!;
    const extra = file.insertSheet("Extra");
    const cell = extra.getRange("A1");
    file.deleteSheet(extra);
    expect(file.getSheets().map((s) => s.getName())).toEqual(["Sheet1"]);
    expect(file.getActiveSheet().getName()).toBe("Sheet1");
    expect(() => cell.setValue("x")).toThrow(expect.objectContaining({ name: "Exception" }));
    expect(() => extra.getName()).toThrow(expect.objectContaining({ name: "Exception" }));
    expect(() => file.deleteSheet(sheet)).toThrow(exception("You can't remove all the sheets in a document."));
  });
});

describe("selection", () => {
  it("is A1 of the active sheet until something is selected, and persists to the next execution", () => {
    const world = sheetsWorld();
    const file = world.app.getActiveSpreadsheet()!;
    expect(file.getActiveRange()!.getA1Notation()).toBe("A1");
    const other = file.insertSheet("Other");
    other.getRange("C4:D5").activate();
    expect(world.app.getActiveRange()!.getA1Notation()).toBe("C4:D5");
    expect(world.app.getActiveSheet()!.getName()).toBe("Other");
    file.setActiveRange(world.sheet.getRange("B7"));
    const later = nextExecution(world, { activeSpreadsheetId: world.spreadsheet.id }).app;
    expect(later.getActiveSheet()!.getName()).toBe("Sheet1");
    expect(later.getActiveRange()!.getA1Notation()).toBe("B7");
  });

  it("reads A1 notation with a sheet name against that sheet, and without one against the active sheet", () => {
    const { app } = sheetsWorld();
    const file = app.getActiveSpreadsheet()!;
    file.insertSheet("Plans").getRange("A1").setValue("Gold");
    file.getSheets()[0]!.activate();
    expect(file.getRange("Plans!A1").getValue()).toBe("Gold");
    expect(file.getRange("A1").getSheet().getName()).toBe("Sheet1");
    expect(() => file.getRange("Missing!A1")).toThrow(exception("Range not found"));
  });
});

describe("Spreadsheet.toast", () => {
  it("records toasts with their title and timeout", () => {
    const { app, ui, spreadsheet } = sheetsWorld();
    app.getActiveSpreadsheet()!.toast("Sync started", "Vitable", 3);
    app.getActiveSpreadsheet()!.toast("Done");
    expect(ui.toasts()).toEqual([
      { type: "toast", spreadsheetId: spreadsheet.id, message: "Sync started", title: "Vitable", timeoutSeconds: 3 },
      { type: "toast", spreadsheetId: spreadsheet.id, message: "Done", title: "", timeoutSeconds: 5 },
    ]);
  });

  it("shows nothing from a time-driven trigger, where no one is watching", () => {
    const world = sheetsWorld();
    const { app } = nextExecution(world, { kind: "trigger" });
    app.openById(world.spreadsheet.id).toast("Scheduled sync finished");
    expect(world.ui.toasts()).toEqual([]);
  });
});

describe("time zone", () => {
  it("changes what instant a date cell stands for, not its calendar reading", () => {
    const { app, sheet } = sheetsWorld({ timeZone: "America/New_York" });
    sheet.getRange("A1").setValue("3/14/2026");
    app.getActiveSpreadsheet()!.setSpreadsheetTimeZone("Pacific/Auckland");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("3/14/2026");
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe("2026-03-13T11:00:00.000Z");
    expect(() => app.getActiveSpreadsheet()!.setSpreadsheetTimeZone("Mars/Olympus")).toThrow(
      expect.objectContaining({ name: "Exception" }),
    );
  });
});
