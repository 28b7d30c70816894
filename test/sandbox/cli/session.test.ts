import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRosterSpreadsheet, enterRows, rosterSheet } from "../../../sandbox/cli/rosterTab";
import { loadSavedSpreadsheet, saveSpreadsheet, sessionPaths } from "../../../sandbox/cli/session";
import { AppsScriptRuntime } from "../../../sandbox/runtime/runtime";
import { scriptProject } from "../runtime/support/scriptProject";

const SCRIPT = `
function remember() { PropertiesService.getDocumentProperties().setProperty("link", "grp_1"); }
function recall() { return PropertiesService.getDocumentProperties().getProperty("link"); }
`;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "vitable-session-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function newRuntime(saved?: ReturnType<AppsScriptRuntime["snapshot"]>) {
  return new AppsScriptRuntime({
    project: scriptProject(SCRIPT),
    addonName: "Vitable Roster Sync",
    ...(saved === undefined ? {} : { saved }),
  });
}

describe("a session folder", () => {
  it("keeps its files in the folder", () => {
    expect(sessionPaths(dir)).toEqual({
      spreadsheetFile: path.join(dir, "spreadsheet.json"),
      vitableDataFile: path.join(dir, "vitable.json"),
      bundleDir: path.join(dir, "bundle"),
    });
  });

  it("holds nothing before its first run", () => {
    expect(loadSavedSpreadsheet(sessionPaths(path.join(dir, "new")))).toBeUndefined();
  });

  it("gives back the spreadsheet, its cells and its properties, as the next run's runtime sees them", () => {
    const paths = sessionPaths(path.join(dir, "nested", "run"));
    const first = newRuntime();
    const spreadsheet = createRosterSpreadsheet(first.spreadsheets, {
      timeZone: "Asia/Tokyo",
      owner: "hr@example.com",
    });
    enterRows(
      rosterSheet(spreadsheet),
      [
        ["ZIP", "DOB"],
        ["02134", "3/4/1990"],
      ],
      { raw: false },
    );
    expect(first.run("remember", { spreadsheetId: spreadsheet.id }).error).toBeNull();
    saveSpreadsheet(paths, { spreadsheetId: spreadsheet.id, clockMs: 1_800_000_000_000, runtime: first.snapshot() });

    const saved = loadSavedSpreadsheet(paths)!;
    expect(saved.spreadsheetId).toBe(spreadsheet.id);
    expect(saved.clockMs).toBe(1_800_000_000_000);
    const next = newRuntime(saved.runtime);
    const restored = next.spreadsheets.get(spreadsheet.id)!;
    expect(restored.timeZone).toBe("Asia/Tokyo");
    expect(rosterSheet(restored).valuesForHost()).toEqual(rosterSheet(spreadsheet).valuesForHost());
    expect(rosterSheet(restored).cellAt(2, 1).value).toBe(2134);
    expect(next.run("recall", { spreadsheetId: spreadsheet.id }).value).toBe("grp_1");
  });

  it("refuses a file that is not JSON, not a saved spreadsheet, or without its spreadsheet, saying to delete it", () => {
    const paths = sessionPaths(dir);
    writeFileSync(paths.spreadsheetFile, "{ half");
    expect(() => loadSavedSpreadsheet(paths)).toThrow(/cannot be read .*delete it to start over/);

    writeFileSync(paths.spreadsheetFile, JSON.stringify({ spreadsheetId: "x", clockMs: 1 }));
    expect(() => loadSavedSpreadsheet(paths)).toThrow(/does not hold a saved spreadsheet; delete it to start over/);

    const runtime = newRuntime();
    saveSpreadsheet(paths, { spreadsheetId: "1missing", clockMs: 0, runtime: runtime.snapshot() });
    expect(() => loadSavedSpreadsheet(paths)).toThrow(/has lost its spreadsheet; delete it to start over/);
  });

  it("replaces the file whole, leaving no temporary file behind", () => {
    const paths = sessionPaths(dir);
    const runtime = newRuntime();
    const spreadsheet = createRosterSpreadsheet(runtime.spreadsheets, { timeZone: "UTC", owner: "hr@example.com" });
    saveSpreadsheet(paths, { spreadsheetId: spreadsheet.id, clockMs: 1, runtime: runtime.snapshot() });
    saveSpreadsheet(paths, { spreadsheetId: spreadsheet.id, clockMs: 2, runtime: runtime.snapshot() });
    expect(JSON.parse(readFileSync(paths.spreadsheetFile, "utf8")).clockMs).toBe(2);
    expect(loadSavedSpreadsheet(paths)?.clockMs).toBe(2);
    expect(readdirSync(dir)).toEqual(["spreadsheet.json"]);
  });
});
