import { createSandboxClock } from "../../sandbox/runtime/clock";
import { SCOPES } from "../../sandbox/runtime/permissions";
import { AppsScriptRuntime } from "../../sandbox/runtime/runtime";
import { SheetTrafficMeter, valueChars } from "../../bench/sheetTraffic";
import { RECORDS_SHEET_NAME } from "../../src/appsscript/recordsSheet";

const SCRIPT = `
function work() {
  var spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  var records = spreadsheet.getSheetByName(${JSON.stringify(RECORDS_SHEET_NAME)});
  records.appendRow(["key", "${"x".repeat(45_000)}", 7]);
  records.getRange(1, 1, 1, 3).getValues();
  spreadsheet.getSheetByName("Roster").getRange(1, 1, 1, 2).getValues();
  spreadsheet.getSheetByName("Roster").getRange(2, 1, 1, 2).setValues([["a", "bc"]]);
}
`;

describe("SheetTrafficMeter", () => {
  it("counts appendRow's cells and the characters read from and written to the records sheet", async () => {
    const meterRef: { meter: SheetTrafficMeter | null } = { meter: null };
    const runtime = new AppsScriptRuntime({
      project: {
        code: SCRIPT,
        manifest: { timeZone: "Etc/UTC", oauthScopes: [SCOPES.currentSpreadsheet] },
        htmlFiles: new Map(),
      },
      addonName: "Traffic",
      clock: createSandboxClock({ followsRealTime: false }),
      beforeCall: (call) => meterRef.meter?.beforeCall(call),
    });
    try {
      const spreadsheet = runtime.spreadsheets.create({ name: "HR", timeZone: "Etc/UTC", owner: "hr@example.com" });
      spreadsheet.activeSheet().name = "Roster";
      spreadsheet.activeSheet().typeRows(1, 1, [["Employee ID", "Name"]]);
      spreadsheet.addSheet(RECORDS_SHEET_NAME, 1);
      const meter = new SheetTrafficMeter(runtime.spreadsheets, spreadsheet.id);
      meterRef.meter = meter;
      meter.start();
      const report = runtime.run("work", { spreadsheetId: spreadsheet.id });
      const traffic = meter.stop();
      expect(report.error).toBeNull();
      expect(traffic).toEqual({
        appendRowCells: 3,
        recordsCharsWritten: 3 + 45_000 + 1,
        recordsCharsRead: 3 + 45_000 + 1,
        charsRead: 3 + 45_000 + 1 + "Employee ID".length + "Name".length,
      });
      // The runtime itself counts no cell for appendRow, and one for a 45,000-character cell.
      expect(report.counts.sheetsCellsWritten).toBe(2);
    } finally {
      await runtime.close();
    }
  });

  it("counts a number or a boolean by the characters it is written with", () => {
    expect(valueChars(undefined)).toBe(0);
    expect(valueChars(12.5)).toBe(4);
    expect(valueChars(true)).toBe(4);
  });
});
