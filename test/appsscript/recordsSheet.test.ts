import type { AppsScriptProject } from "../../sandbox/runtime/project";
import { RECORDS_SHEET_NAME } from "../../src/appsscript/recordsSheet";
import { CELL_MARK, CHUNK_LENGTH } from "../../src/core/records/cellChunks";
import { RECORDS_NOTICE } from "../../src/core/records/recordRows";
import type { AcceptedRoster } from "../../src/core/sync/acceptedRoster";
import { parseAcceptedRoster, serializeAcceptedRoster } from "../../src/core/sync/acceptedRosterText";
import { buildStorageProject, storageWorld, type StorageWorld } from "./support/storageRuntime";

let project: AppsScriptProject;
beforeAll(() => {
  project = buildStorageProject();
});

function recordsSheet(world: StorageWorld) {
  const sheet = world.spreadsheet.sheetByName(RECORDS_SHEET_NAME);
  if (sheet === null) throw new Error("the records sheet was not created");
  return sheet;
}

function get(world: StorageWorld, ...keys: string[]): unknown {
  return world.run("getRecords", keys).value;
}

/** A last accepted roster of `count` members, with names and IDs as HR systems have them. */
function acceptedRoster(count: number): AcceptedRoster {
  const members = Array.from({ length: count }, (_, i) => ({
    referenceId: `EMP-${String(100_000 + i)}`,
    name: `Firstname${i} O'Lastname-Surname${i}`,
    fingerprint: `fp${String(i).padStart(6, "0")}`,
  }));
  return { groupId: "grp_tier1", requestId: "grpmsr_0001", completedAt: "2026-11-23T15:00:04Z", members };
}

describe("the records sheet before it is needed", () => {
  it("is neither read nor created when the store is opened but not used", () => {
    const world = storageWorld(project);
    expect(world.run("openRecordsOnly").counts.byMethod).toEqual({ "SpreadsheetApp.getActiveSpreadsheet": 1 });
    expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(["Roster"]);
  });

  it("gives null for any key without creating the sheet, in one look-up", () => {
    const world = storageWorld(project);
    const report = world.run("getRecords", ["roster/1", "pending/1"]);
    expect(report.value).toEqual([null, null]);
    // The index is asked for by A1 reference; only when that fails is the sheet looked for.
    expect(report.counts.byMethod).toEqual({
      "Spreadsheet.getRange": 1,
      "Spreadsheet.getSheetByName": 1,
      "SpreadsheetApp.getActiveSpreadsheet": 1,
    });
    expect(world.spreadsheet.sheets).toHaveLength(1);
    expect(world.run("recordKeys", "").value).toEqual([]);
  });
});

describe("the first write", () => {
  it("creates the sheet hidden, last, with a notice, protected with a warning only", () => {
    const world = storageWorld(project);
    world.spreadsheet.addSheet("Summary", 1);
    world.run("setRecords", [["roster/1", "saved"]]);

    expect(world.spreadsheet.sheets.map((sheet) => sheet.name)).toEqual(["Roster", "Summary", RECORDS_SHEET_NAME]);
    const sheet = recordsSheet(world);
    expect(sheet.hidden).toBe(true);
    expect(sheet.cellAt(1, 1).value).toBe(RECORDS_NOTICE);
    expect(sheet.protections).toEqual([
      expect.objectContaining({ type: "SHEET", warningOnly: true, description: RECORDS_NOTICE }),
    ]);
    expect(get(world, "roster/1")).toEqual(["saved"]);
    // The index is read as tall as the grid: it starts small and grows with the records.
    expect(sheet.maxRows).toBe(20);
  });

  it("grows its grid as records are added past its last row", () => {
    const world = storageWorld(project);
    world.run("setRecords", [["roster/0", "first"]]);
    const records = Array.from({ length: 30 }, (_, i): [string, string] => [`roster/${i}`, `record ${i}`]);
    world.run("setRecords", records);
    expect(recordsSheet(world).maxRows).toBeGreaterThanOrEqual(31);
    expect(get(world, ...records.map(([key]) => key))).toEqual(records.map(([, value]) => value));
  });

  it("leaves the user on their tab", () => {
    const world = storageWorld(project);
    world.run("setRecords", [["roster/1", "saved"]]);
    expect(world.spreadsheet.activeSheet().name).toBe("Roster");
    expect(world.run("activeTabName").value).toBe("Roster");
  });

  it("lets another editor, who is not the owner, write records afterwards", () => {
    const world = storageWorld(project);
    world.run("setRecords", [["roster/1", "saved by the owner"]]);
    const editor = { email: "benefits@example.com", locale: "en_US", timeZone: "America/New_York" };
    const report = world.runtime.run("setRecords", {
      kind: "scriptRun",
      spreadsheetId: world.spreadsheet.id,
      user: editor,
      args: [[["roster/1", "saved by an editor"]]],
    });
    expect(report.error).toBeNull();
    expect(get(world, "roster/1")).toEqual(["saved by an editor"]);
  });
});

describe("reading and writing records", () => {
  it("reads a long record only when it is asked for, and the index alone for the others", () => {
    const world = storageWorld(project);
    const long = "z".repeat(CHUNK_LENGTH * 3);
    world.run("setRecords", [
      ["short", "small"],
      ["long", long],
    ]);
    const short = world.run("getRecords", ["short"]);
    expect(short.value).toEqual(["small"]);
    expect(short.counts.sheetsCellsRead).toBe(3 * recordsSheet(world).maxRows);
    expect(recordsSheet(world).cellAt(3, 3).value).toBe("");

    const both = world.run("getRecords", ["short", "long"]);
    expect(both.value).toEqual(["small", long]);
    expect(both.counts.byMethod["Range.getValues"]).toBe(2);
  });

  it("writes the records set in a batch together, once, in order", () => {
    const world = storageWorld(project);
    world.run("setRecords", [["first", "1"]]);
    const report = world.run("setRecordsInBatch", [
      ["second", "2"],
      ["first", "changed"],
      ["third", "3"],
    ]);
    expect(report.counts.byMethod["Range.setValues"]).toBe(1);
    expect(get(world, "first", "second", "third")).toEqual(["changed", "2", "3"]);
  });

  it("keeps values Sheets would otherwise turn into formulas, numbers, dates or booleans", () => {
    const world = storageWorld(project);
    const values = [
      "=1+1",
      "'quoted",
      "''",
      "+1 415",
      "-5",
      "@home",
      "1001",
      "007",
      "2026-01-02",
      "3/14/2026",
      "TRUE",
      " padded ",
      "",
      "line\nbreak",
      "😀",
    ];
    world.run(
      "setRecords",
      values.map((value, i) => [`k${i}`, value]),
    );
    expect(get(world, ...values.map((_, i) => `k${i}`))).toEqual(values);
  });

  it("keeps a key that looks like a number, or like a formula, as it is", () => {
    const world = storageWorld(project);
    world.run("setRecords", [
      ["1001", "a"],
      ["=A1", "b"],
    ]);
    expect(world.run("recordKeys", "").value).toEqual(["1001", "=A1"]);
    expect(get(world, "1001", "=A1")).toEqual(["a", "b"]);
  });

  it("reads the sheet once, however many records are read", () => {
    const world = storageWorld(project);
    world.run(
      "setRecords",
      Array.from({ length: 20 }, (_, i) => [`k${i}`, `v${i}`]),
    );
    const report = world.run(
      "getRecords",
      Array.from({ length: 20 }, (_, i) => `k${i}`),
    );
    // Columns A to C, asked of the spreadsheet by A1 reference: the sheet itself is not looked up.
    expect(report.counts.byMethod).toEqual({
      "SpreadsheetApp.getActiveSpreadsheet": 1,
      "Spreadsheet.getRange": 1,
      "Range.getValues": 1,
    });
  });

  it("writes each record with one call: one setValues, for a new key as for an existing one", () => {
    const world = storageWorld(project);
    world.run("setRecords", [["a", "first"]]);
    const added = world.run("setRecords", [["b", "second"]]);
    expect(added.counts.byMethod).toMatchObject({ "Range.setValues": 1 });
    expect(added.counts.sheetsWrites).toBe(1);
    const changed = world.run("setRecords", [["a", "changed"]]);
    expect(changed.counts.byMethod).toMatchObject({ "Range.setValues": 1 });
    expect(changed.counts.sheetsWrites).toBe(1);
    expect(recordsSheet(world).valuesForHost()).toEqual([
      [RECORDS_NOTICE, "", ""],
      [`${CELL_MARK}a`, 1, `${CELL_MARK}changed`],
      [`${CELL_MARK}b`, 1, `${CELL_MARK}second`],
    ]);
  });

  it("blanks the leftover chunks of a record that became shorter", () => {
    const world = storageWorld(project);
    world.run("setRecords", [["long", "x".repeat(CHUNK_LENGTH * 2 + 1)]]);
    world.run("setRecords", [["long", "short"]]);
    const sheet = recordsSheet(world);
    expect([2, 3, 4, 5].map((column) => sheet.cellAt(2, column).value)).toEqual([1, `${CELL_MARK}short`, "", ""]);
    expect(get(world, "long")).toEqual(["short"]);
  });

  it("writes a record that fits the grid without asking its size, and widens it when one does not", () => {
    const world = storageWorld(project);
    world.run("setRecords", [
      ["grows", "small"],
      ["other", "small"],
    ]);
    const fits = "x".repeat(CHUNK_LENGTH * 30);
    const fitting = world.run("setRecords", [["grows", fits]]);
    expect(fitting.counts.byMethod).not.toHaveProperty("Sheet.getMaxColumns");
    expect(fitting.counts.byMethod).not.toHaveProperty("Spreadsheet.getSheetByName");
    expect(recordsSheet(world).maxColumns).toBe(80);

    const long = "y".repeat(CHUNK_LENGTH * 90);
    const report = world.run("setRecords", [["grows", long]]);
    expect(report.counts.byMethod).toMatchObject({ "Sheet.insertColumnsAfter": 1, "Range.setValues": 1 });
    // Key, count, column C left blank, 90 chunks.
    expect(recordsSheet(world).maxColumns).toBe(93);
    expect(get(world, "grows", "other")).toEqual([long, "small"]);
  });

  it("deletes a record by blanking its row, which the next new key reuses", () => {
    const world = storageWorld(project);
    world.run("setRecords", [
      ["roster/1", "one"],
      ["pending/1", "p"],
      ["roster/2", "two"],
    ]);
    const deleted = world.run("setRecords", [["roster/1", null]]);
    expect(deleted.counts.sheetsWrites).toBe(1);
    expect(get(world, "roster/1", "roster/2")).toEqual([null, "two"]);
    expect(world.run("recordKeys", "roster/").value).toEqual(["roster/2"]);

    world.run("setRecords", [["roster/3", "three"]]);
    expect(recordsSheet(world).cellAt(2, 1).value).toBe(`${CELL_MARK}roster/3`);
    expect(world.run("recordKeys", "roster/").value).toEqual(["roster/3", "roster/2"]);
    expect(world.run("setRecords", [["missing", null]]).counts.sheetsWrites).toBe(0);
  });

  it("lists the keys with a prefix in sheet order", () => {
    const world = storageWorld(project);
    world.run("setRecords", [
      ["roster/20", "a"],
      ["schedule", "b"],
      ["roster/3", "c"],
    ]);
    expect(world.run("recordKeys", "roster/").value).toEqual(["roster/20", "roster/3"]);
    expect(world.run("recordKeys", "").value).toEqual(["roster/20", "schedule", "roster/3"]);
  });

  it("reads a damaged record as null and leaves the others readable", () => {
    const world = storageWorld(project);
    world.run("setRecords", [
      ["edited", "x".repeat(CHUNK_LENGTH + 5)],
      ["recounted", "abc"],
      ["intact", "fine"],
    ]);
    const sheet = recordsSheet(world);
    sheet.typeInto(2, 4, "typed over");
    sheet.typeInto(3, 2, "7");
    expect(get(world, "edited", "recounted", "intact")).toEqual([null, null, "fine"]);
    expect(world.run("recordKeys", "").value).toEqual(["edited", "recounted", "intact"]);

    world.run("setRecords", [["edited", "repaired"]]);
    expect(get(world, "edited")).toEqual(["repaired"]);
  });

  it("is read from a time-driven trigger, which opens the spreadsheet by its ID", () => {
    const world = storageWorld(project);
    world.run("setRecords", [["roster/1", "saved"]]);
    const report = world.runtime.run("getRecordFromTrigger", {
      kind: "trigger",
      args: [world.spreadsheet.id, "roster/1"],
    });
    expect(report.error).toBeNull();
    expect(report.value).toBe("saved");
  });
});

describe("the last accepted roster of a 50,000-member tab", () => {
  const text = serializeAcceptedRoster(acceptedRoster(50_000));

  it("is far larger than one cell or a property store, and round-trips through the records sheet", () => {
    expect(text.length).toBeGreaterThan(1_500_000);
    const world = storageWorld(project);
    const saved = world.run("setRecords", [["roster/0", text]]);
    // The sheet made: insertSheet, its grid cut to 20 rows, protect, hideSheet; widened for the
    // chunks; the notice and the record: one setValues.
    expect(saved.counts.sheetsWrites).toBe(6);

    const read = world.run("getRecords", ["roster/0"]).value as string[];
    expect(read[0] === text).toBe(true);
    expect(parseAcceptedRoster(read[0]!)).toEqual({ ok: true, roster: acceptedRoster(50_000) });

    const chunks = Math.ceil(text.length / CHUNK_LENGTH);
    const row = recordsSheet(world).valuesForHost()[1]!;
    expect(row[1]).toBe(chunks);
    expect(row.slice(2).every((cell) => typeof cell === "string" && cell.length <= CHUNK_LENGTH + 1)).toBe(true);
  });

  it("is rewritten, as a smaller roster, with the same number of calls as a small record", () => {
    const world = storageWorld(project);
    world.run("setRecords", [["roster/0", text]]);
    const smaller = world.run("setRecords", [["roster/0", serializeAcceptedRoster(acceptedRoster(10))]]);
    world.run("setRecords", [["roster/1", "small"]]);
    const small = world.run("setRecords", [["roster/1", "still small"]]);
    // The same calls; the cells they cover differ with the records' widths.
    expect(smaller.counts.byMethod).toEqual(small.counts.byMethod);
    const read = world.run("getRecords", ["roster/0", "roster/1"]).value as string[];
    expect(parseAcceptedRoster(read[0]!)).toEqual({ ok: true, roster: acceptedRoster(10) });
    expect(read[1]).toBe("still small");
  });
});
