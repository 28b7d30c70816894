import { createSandboxClock } from "../../../sandbox/runtime/clock";
import { SCOPES } from "../../../sandbox/runtime/permissions";
import { AppsScriptRuntime, type AppsScriptRuntimeOptions } from "../../../sandbox/runtime/runtime";
import { scriptProject } from "./support/scriptProject";

const START = Date.UTC(2026, 10, 23, 15);

function runtimeOf(code: string, options: Partial<AppsScriptRuntimeOptions> & { scopes?: string[] } = {}) {
  const { scopes, ...rest } = options;
  return new AppsScriptRuntime({
    project: scriptProject(code, scopes ? { scopes } : {}),
    addonName: "Roster Test",
    clock: createSandboxClock({ start: START, followsRealTime: false }),
    ...rest,
  });
}

function withSpreadsheet(runtime: AppsScriptRuntime) {
  return runtime.spreadsheets.create({ name: "Roster", timeZone: "America/New_York", owner: "hr@example.com" });
}

describe("executions", () => {
  it("evaluate the script afresh each time, so globals do not survive between executions", () => {
    const runtime = runtimeOf("var runs = 0; function count() { runs += 1; return runs; }");
    expect(runtime.run("count").value).toBe(1);
    expect(runtime.run("count").value).toBe(1);
  });

  it("hold only Apps Script's globals: nothing from Node", () => {
    const runtime = runtimeOf(`function globalsSeen() {
      return ["require", "process", "setTimeout", "fetch", "URL", "URLSearchParams", "TextEncoder", "Buffer", "globalThis"]
        .filter(function (name) { return typeof globalThis[name] !== "undefined"; });
    }`);
    expect(runtime.run("globalsSeen").value).toEqual(["globalThis"]);
  });

  it("report a missing function the way Apps Script does", () => {
    const report = runtimeOf("function a() {}").run("b");
    expect(report).toMatchObject({ ok: false, error: "Exception: Script function not found: b" });
  });

  it("give the script Dates of its own realm on the sandbox clock", () => {
    const runtime = runtimeOf(`function now() {
      var fromSheet = SpreadsheetApp.getActiveSheet().getRange(1, 1).getValue();
      return [new Date().toISOString(), Date.now(), fromSheet instanceof Date];
    }`);
    const spreadsheet = withSpreadsheet(runtime);
    spreadsheet.activeSheet().typeInto(1, 1, "5/15/1990");
    runtime.clock.advance(1_000);
    expect(runtime.run("now", { spreadsheetId: spreadsheet.id }).value).toEqual([
      new Date(START + 1_000).toISOString(),
      START + 1_000,
      true,
    ]);
  });

  it("count service calls per execution", () => {
    const runtime = runtimeOf(`function readAndWrite() {
      var sheet = SpreadsheetApp.getActiveSheet();
      var values = sheet.getDataRange().getValues();
      sheet.getRange(1, 3, values.length, 1).setValues(values.map(function () { return ["ok"]; }));
    }`);
    const spreadsheet = withSpreadsheet(runtime);
    spreadsheet.activeSheet().typeRows(1, 1, [
      ["a", "b"],
      ["c", "d"],
    ]);
    const { counts } = runtime.run("readAndWrite", { spreadsheetId: spreadsheet.id });
    // getActiveSheet, getDataRange and getValues read; setValues writes; getRange is neither.
    expect(counts).toMatchObject({ sheetsReads: 3, sheetsWrites: 1, urlFetches: 0 });
    expect(counts.byMethod).toMatchObject({ "Range.getValues": 1, "Range.setValues": 1 });
  });
});

describe("the editor's UI", () => {
  it("shows the project's HTML file in the sidebar and runs menu items as executions", () => {
    const runtime = new AppsScriptRuntime({
      project: scriptProject(
        `function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem("Open sidebar", "openSidebar").addToUi(); }
         function openSidebar() {
           SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Roster Test"));
         }`,
        { html: { Sidebar: "<p>Connect to Vitable</p>" } },
      ),
      addonName: "Roster Test",
    });
    const spreadsheet = withSpreadsheet(runtime);
    runtime.open(spreadsheet.id);
    expect(runtime.clickMenuItem(spreadsheet.id, "Open sidebar")).toMatchObject({ ok: true, kind: "menu" });
    expect(runtime.ui.sidebar).toMatchObject({
      type: "sidebar",
      title: "Roster Test",
      content: "<p>Connect to Vitable</p>",
    });
  });
});

describe("the execution time limit", () => {
  const slowScript = `function slow() {
    var writes = 0;
    try {
      for (var i = 0; i < 10; i++) { Utilities.sleep(60000); SpreadsheetApp.getActiveSheet().getRange(1, 1).setValue(i); writes++; }
    } catch (e) {
      // Apps Script ends the execution however the script handles the error.
      SpreadsheetApp.getActiveSheet().getRange(2, 1).setValue("caught");
    }
    return writes;
  }`;

  it("ends an execution at six minutes, and nothing the script does afterwards happens", () => {
    const runtime = runtimeOf(slowScript);
    const spreadsheet = withSpreadsheet(runtime);
    const report = runtime.run("slow", { spreadsheetId: spreadsheet.id });
    expect(report).toMatchObject({ ok: false, timedOut: true, error: "Exception: Exceeded maximum execution time" });
    expect(report.elapsedMs).toBeGreaterThan(6 * 60_000);
    const sheet = spreadsheet.activeSheet();
    expect(sheet.cellAt(1, 1).value).toBe(5);
    expect(sheet.cellAt(2, 1).value).toBe("");
  });

  it("gives simple triggers 30 seconds", () => {
    const runtime = runtimeOf("function onOpen() { Utilities.sleep(31000); Logger.log('late'); }");
    const report = runtime.open(withSpreadsheet(runtime).id);
    expect(report).toMatchObject({ timedOut: true, logs: [] });
  });

  it("lets a test move the clock at a precise service call", () => {
    const runtime = runtimeOf(
      `function write() { var sheet = SpreadsheetApp.getActiveSheet(); sheet.getRange(1, 1).setValue("first"); sheet.getRange(1, 2).setValue("second"); }`,
      {
        beforeCall: (call, execution) => {
          if (call.method === "setValue" && execution.counts.sheetsWrites === 1) execution.clock.advance(7 * 60_000);
        },
      },
    );
    const spreadsheet = withSpreadsheet(runtime);
    expect(runtime.run("write", { spreadsheetId: spreadsheet.id }).timedOut).toBe(true);
    expect(spreadsheet.activeSheet().valuesForHost()).toEqual([["first"]]);
  });
});

describe("faults staged at one service call", () => {
  it("lets a test make one service call fail, picked out by what it acts on", () => {
    const runtime = runtimeOf(
      `function write() {
        var roster = SpreadsheetApp.getActiveSpreadsheet().getSheetByName("Roster");
        var other = SpreadsheetApp.getActiveSpreadsheet().insertSheet("Other");
        other.getRange(1, 1).setValues([["fine"]]);
        try { roster.getRange(1, 1).setValues([["x"]]); } catch (e) { return [String(e), e.name, e instanceof Error]; }
      }`,
      {
        beforeCall: (call, execution) => {
          if (call.method === "setValues" && call.target === "Roster") throw execution.exception("Cell A1 is locked.");
        },
      },
    );
    const spreadsheet = withSpreadsheet(runtime);
    spreadsheet.activeSheet().name = "Roster";
    expect(runtime.run("write", { spreadsheetId: spreadsheet.id }).value).toEqual([
      "Exception: Cell A1 is locked.",
      "Exception",
      true,
    ]);
    expect(spreadsheet.sheetByName("Other")?.valuesForHost()).toEqual([["fine"]]);
  });

  it("tells a hook the method and URL of each fetch", () => {
    const targets: (string | undefined)[] = [];
    const runtime = runtimeOf(
      `function ask() {
        try { UrlFetchApp.fetch("https://api.example.com/v1/plans"); } catch (e) {}
        try { UrlFetchApp.fetch("https://api.example.com/v1/groups", { method: "post", payload: "{}" }); } catch (e) {}
      }`,
      { beforeCall: (call) => call.service === "UrlFetchApp" && targets.push(call.target) },
    );
    runtime.run("ask");
    expect(targets).toEqual(["GET https://api.example.com/v1/plans", "POST https://api.example.com/v1/groups"]);
  });
});

describe("authorization", () => {
  it("in AuthMode.NONE lets onOpen build the menu and nothing else", () => {
    const runtime = runtimeOf(`function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem("Sync", "sync").addToUi();
      var problems = [];
      try { PropertiesService.getUserProperties(); } catch (error) { problems.push(String(error)); }
      try { SpreadsheetApp.getActiveSpreadsheet(); } catch (error) { problems.push(String(error)); }
      return [e.authMode == ScriptApp.AuthMode.NONE, problems];
    }`);
    const report = runtime.open(withSpreadsheet(runtime).id, "NONE");
    expect(report.value).toEqual([
      true,
      [
        "Exception: You do not have permission to call PropertiesService.getUserProperties.",
        expect.stringContaining("You do not have permission to call SpreadsheetApp.getActiveSpreadsheet."),
      ],
    ]);
    expect(runtime.ui.menuFunction("Sync")).toBe("sync");
  });

  it("refuses a call whose scope the manifest does not grant", () => {
    const runtime = runtimeOf(
      `function schedule() { ScriptApp.newTrigger("run").timeBased().everyHours(1).create(); }`,
      { scopes: [SCOPES.currentSpreadsheet] },
    );
    expect(runtime.run("schedule").error).toBe(
      `Exception: You do not have permission to call ScriptApp.newTrigger. Required permissions: ${SCOPES.scriptApp}`,
    );
  });

  it("keeps UrlFetchApp out of simple triggers", () => {
    const runtime = runtimeOf(`function onOpen() { UrlFetchApp.fetch("http://127.0.0.1:1/"); }`);
    expect(runtime.open(withSpreadsheet(runtime).id).error).toContain(
      "You do not have permission to call UrlFetchApp.fetch.",
    );
  });
});

describe("google.script.run", () => {
  const code = `
    function echo(value) { return value; }
    function today() { return new Date(); }
    function secret_() { return "private"; }
    function fail() { throw new Error("Vitable rejected this API key."); }`;

  it("carries plain values as copies and leaves undefined properties out", () => {
    const runtime = runtimeOf(code);
    const id = withSpreadsheet(runtime).id;
    expect(runtime.scriptRun(id, "echo", [{ a: [1, "two", null, undefined], b: undefined }])).toEqual({
      ok: true,
      value: { a: [1, "two", null, null] },
    });
  });

  it("fails a call that sends or returns a Date, and never reaches a private function", () => {
    const runtime = runtimeOf(code);
    const id = withSpreadsheet(runtime).id;
    expect(runtime.scriptRun(id, "echo", [{ when: new Date() }])).toEqual({
      ok: false,
      error: expect.stringContaining("value[0].when is a Date"),
    });
    expect(runtime.scriptRun(id, "today")).toEqual({ ok: false, error: expect.stringContaining("is a Date") });
    expect(runtime.scriptRun(id, "secret_")).toEqual({ ok: false, error: expect.stringContaining("private") });
    expect(runtime.history.map((report) => report.functionName)).toEqual(["today"]);
  });

  it("hands a thrown error's message to the failure handler", () => {
    const runtime = runtimeOf(code);
    expect(runtime.scriptRun(withSpreadsheet(runtime).id, "fail")).toEqual({
      ok: false,
      error: "Error: Vitable rejected this API key.",
    });
  });
});

describe("time-driven triggers", () => {
  const code = `
    function schedule() {
      ScriptApp.newTrigger("scheduledRun").timeBased().everyHours(1).create();
      PropertiesService.getUserProperties().setProperty("spreadsheet", SpreadsheetApp.getActiveSpreadsheet().getId());
    }
    function scheduledRun(e) {
      var id = PropertiesService.getUserProperties().getProperty("spreadsheet");
      SpreadsheetApp.openById(id).getSheets()[0].getRange(1, 1).setValue("ran");
      return [SpreadsheetApp.getActiveSpreadsheet() === null, PropertiesService.getDocumentProperties() === null,
              Session.getEffectiveUser().getEmail(), e.authMode == ScriptApp.AuthMode.FULL, e.triggerUid];
    }`;

  it("run as their creator, with no spreadsheet open and no document, when their time comes", () => {
    const runtime = runtimeOf(code);
    const spreadsheet = withSpreadsheet(runtime);
    expect(runtime.run("schedule", { spreadsheetId: spreadsheet.id }).ok).toBe(true);
    expect(runtime.fireDueTriggers()).toEqual([]);

    runtime.clock.advance(60 * 60_000);
    const [report, ...others] = runtime.fireDueTriggers();
    expect(others).toEqual([]);
    const [trigger] = runtime.triggers.list();
    expect(report).toMatchObject({
      kind: "trigger",
      ok: true,
      value: [true, true, "hr@example.com", true, trigger!.id],
    });
    expect(spreadsheet.activeSheet().cellAt(1, 1).value).toBe("ran");
    expect(trigger!.nextRunAt).toBe(START + 2 * 60 * 60_000);
  });

  it("have no UI to ask questions with", () => {
    const runtime = runtimeOf(`function ask() { SpreadsheetApp.getUi().alert("Sync?"); }`);
    runtime.spreadsheets.create({ name: "x", timeZone: "UTC", owner: "hr@example.com" });
    expect(runtime.run("ask", { kind: "trigger" }).error).toBe(
      "Exception: Cannot call SpreadsheetApp.getUi() from this context.",
    );
  });
});

describe("locks", () => {
  it("make a second execution that starts while the first holds the document lock wait and give up", () => {
    const code = `
      function sync() {
        var lock = LockService.getDocumentLock();
        if (!lock.tryLock(1000)) return "busy";
        SpreadsheetApp.getActiveSheet().getRange(1, 1).setValue("syncing");
        return "synced";
      }`;
    let second: unknown;
    const runtime: AppsScriptRuntime = runtimeOf(code, {
      beforeCall: (call) => {
        if (call.method === "setValue" && second === undefined) {
          second = "started";
          second = runtime.run("sync", { spreadsheetId: spreadsheet.id }).value;
        }
      },
    });
    const spreadsheet = withSpreadsheet(runtime);
    expect(runtime.run("sync", { spreadsheetId: spreadsheet.id }).value).toBe("synced");
    expect(second).toBe("busy");
    // Apps Script releases a lock when its execution ends.
    expect(runtime.run("sync", { spreadsheetId: spreadsheet.id }).value).toBe("synced");
  });
});

describe("logs", () => {
  it("capture Logger and console lines per execution", () => {
    const runtime = runtimeOf(`function talk() { Logger.log("%s rows", 3); console.warn("careful"); }`);
    expect(runtime.run("talk").logs).toEqual([
      { source: "Logger", level: "log", message: "3 rows" },
      { source: "console", level: "warn", message: "careful" },
    ]);
  });
});

describe("snapshots", () => {
  it("carry spreadsheets, properties and triggers into a new runtime", () => {
    const code = `function save() { PropertiesService.getDocumentProperties().setProperty("k", "v"); ScriptApp.newTrigger("x").timeBased().everyHours(2).create(); }
                  function load() { return PropertiesService.getDocumentProperties().getProperty("k"); }`;
    const first = runtimeOf(code);
    const spreadsheet = withSpreadsheet(first);
    first.run("save", { spreadsheetId: spreadsheet.id });
    const saved = JSON.parse(JSON.stringify(first.snapshot()));
    const second = runtimeOf(code, { saved });
    expect(second.run("load", { spreadsheetId: spreadsheet.id }).value).toBe("v");
    expect(second.triggers.list()).toHaveLength(1);
    expect(second.spreadsheets.get(spreadsheet.id)?.name).toBe("Roster");
  });
});
