import { SpreadsheetStore } from "../../../../sandbox/runtime/spreadsheet/store";
import { MAX_ROWS_SHOWN, workbookView } from "../../../../sandbox/preview/worker/workbookView";
import { addonMenuView, scheduleView } from "../../../../sandbox/preview/worker/runtimeView";

function newSpreadsheet() {
  return new SpreadsheetStore().create({ name: "HR", timeZone: "America/New_York", owner: "hr@example.com" });
}

describe("workbookView", () => {
  it("lists the visible tabs and draws the active one with display values, formats, notes and dropdowns", () => {
    const spreadsheet = newSpreadsheet();
    const sheet = spreadsheet.activeSheet();
    sheet.typeRows(1, 1, [
      ["Name", "Paid", "Since", "Active"],
      ["Jane", "$2.50", "3/4/2024", "TRUE"],
      ["=A2", "", "", ""],
    ]);
    sheet.notes.set(2, 1, "Starts Monday");
    sheet.backgrounds.set(2, 2, "#ffff00");
    sheet.fontColors.set(2, 2, "#ff0000");
    sheet.dataValidations.set(2, 4, {
      criterion: { type: "VALUE_IN_LIST", values: ["TRUE", "FALSE"], showDropdown: true },
      allowInvalid: true,
      helpText: "",
    });
    spreadsheet.addSheet("Vitable Sync Records", 1).hidden = true;
    spreadsheet.addSheet("Log", 2);
    const view = workbookView(spreadsheet);
    expect(view.tabs.map((tab) => tab.name)).toEqual(["Sheet1", "Log"]);
    const [header, jane, formula] = view.sheet.rows;
    expect(header![0]).toEqual({ text: "Name" });
    expect(jane!.slice(0, 4)).toEqual([
      { text: "Jane", note: "Starts Monday" },
      { text: "$2.50", align: "right", background: "#ffff00", color: "#ff0000" },
      { text: "3/4/2024", align: "right" },
      { text: "TRUE", align: "center", dropdown: true },
    ]);
    expect(formula![0]).toEqual({ text: "#NAME?", formula: "=A2" });
    expect(formula![1]).toBeNull();
    expect(view.selection).toEqual({ row: 1, column: 1, numRows: 1, numColumns: 1 });
  });

  it("shows spare rows past the data, and never more than the page can draw", () => {
    const spreadsheet = newSpreadsheet();
    const sheet = spreadsheet.activeSheet();
    expect(workbookView(spreadsheet).sheet.rows).toHaveLength(50);
    expect(workbookView(spreadsheet).sheet.columns).toBe(26);
    sheet.typeRows(100, 1, [["x"]]);
    expect(workbookView(spreadsheet).sheet.rows).toHaveLength(120);
    sheet.typeRows(5_000, 1, [["y"]]);
    expect(workbookView(spreadsheet).sheet.rows).toHaveLength(MAX_ROWS_SHOWN);
  });
});

describe("runtimeView", () => {
  it("gives the add-on menu's captions, submenus and separators", () => {
    expect(addonMenuView(undefined)).toBeNull();
    expect(
      addonMenuView({
        title: "Vitable Roster Sync",
        addon: true,
        entries: [
          { type: "item", caption: "Help", functionName: "showHelp" },
          { type: "separator" },
          {
            type: "submenu",
            menu: { title: "More", addon: false, entries: [{ type: "item", caption: "A", functionName: "a" }] },
          },
        ],
      }),
    ).toEqual({
      title: "Vitable Roster Sync",
      entries: [
        { type: "item", caption: "Help" },
        { type: "separator" },
        { type: "submenu", title: "More", entries: [{ type: "item", caption: "A" }] },
      ],
    });
  });

  it("gives the spreadsheet's next scheduled run in its time zone", () => {
    const trigger = (documentId: string, nextRunAt: number | null) => ({
      id: "1",
      handlerFunction: "runScheduledSync",
      createdBy: "hr@example.com",
      documentId,
      createdAt: 0,
      timeZone: "UTC",
      schedule: { kind: "hourly" as const, everyHours: 1 },
      nextRunAt,
      lastFiredAt: null,
    });
    const at = Date.UTC(2026, 10, 24, 14, 0);
    expect(
      scheduleView(
        [trigger("other", 1), trigger("doc", at + 3_600_000), trigger("doc", at)],
        "doc",
        "America/New_York",
      ),
    ).toEqual({
      nextRunAt: at,
      nextRunText: "Tue, Nov 24, 9:00 AM EST",
    });
    expect(scheduleView([trigger("doc", null)], "doc", "America/New_York")).toEqual({
      nextRunAt: null,
      nextRunText: null,
    });
  });
});
