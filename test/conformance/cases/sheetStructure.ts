import { invalidMarkFormula, isInvalidMarkRule } from "../../../src/core/sheet/invalidMarks";
import { markInvalidCells } from "../../../src/appsscript/rosterTab";
import { openRecords, RECORDS_SHEET_NAME } from "../../../src/appsscript/recordsSheet";
import { defineCase } from "../harness";

export const sheetStructureCases = [
  defineCase(
    "sheet-empty-data-range",
    "getDataRange() of an empty sheet is the lone cell A1, blank (the records sheet's reader counts on it).",
    (t) => {
      const range = t.scratchSheet().getDataRange();
      t.equal(range.getA1Notation(), "A1", "the range");
      t.equal(range.getValues(), [[""]], "its values");
    },
  ),
  defineCase(
    "sheet-append-row-grows-grid",
    "appendRow writes below the last row that holds anything and widens the grid when the row is wider.",
    (t) => {
      const sheet = t.scratchSheet();
      sheet.getRange(3, 1).setValue("above");
      const columns = sheet.getMaxColumns();
      sheet.appendRow(Array.from({ length: columns + 4 }, (_, index) => `c${index + 1}`));
      t.equal(sheet.getLastRow(), 4, "the row appended");
      t.ok(sheet.getMaxColumns() >= columns + 4, `the grid has ${sheet.getMaxColumns()} columns, needs ${columns + 4}`);
      t.equal(sheet.getRange(4, columns + 4).getValue(), `c${columns + 4}`, "the last cell");
    },
  ),
  defineCase(
    "sheet-set-values-past-last-column",
    "setValues cannot write past the grid's last column: the range itself is refused, so the add-on widens the grid first.",
    (t) => {
      const sheet = t.scratchSheet();
      const columns = sheet.getMaxColumns();
      const message = t.throws(() => sheet.getRange(1, columns, 1, 2).setValues([["a", "b"]]), "a range past the grid");
      t.note(`Apps Script said: ${message}`);
      t.equal(sheet.getMaxColumns(), columns, "the grid unchanged");
    },
  ),
  defineCase(
    "sheet-insert-columns-after",
    "insertColumnsAfter(last, n) adds n columns at the right end of the grid.",
    (t) => {
      const sheet = t.scratchSheet();
      const columns = sheet.getMaxColumns();
      sheet.insertColumnsAfter(columns, 3);
      t.equal(sheet.getMaxColumns(), columns + 3, "the columns");
      sheet.getRange(1, columns + 3).setValue("far right");
      t.equal(sheet.getRange(1, columns + 3).getValue(), "far right", "a value in the last new column");
    },
  ),
  defineCase(
    "sheet-protect-warning-only",
    "protect().setWarningOnly(true) protects a sheet with a warning only, and the protection can be read back.",
    (t) => {
      const sheet = t.scratchSheet();
      sheet.protect().setDescription("conformance").setWarningOnly(true);
      const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET);
      t.equal(protections.length, 1, "protections of the sheet");
      t.equal(protections[0]!.isWarningOnly(), true, "warning only");
      t.equal(protections[0]!.getDescription(), "conformance", "its description");
    },
  ),
  defineCase(
    "sheet-hide-and-find-by-id",
    "hideSheet hides a sheet while another is visible; getSheetById finds a sheet by its ID, and gives null for an unknown one.",
    (t) => {
      const sheet = t.scratchSheet();
      sheet.hideSheet();
      t.equal(sheet.isSheetHidden(), true, "hidden");
      t.equal(t.spreadsheet.getSheetById(sheet.getSheetId())?.getName(), sheet.getName(), "found by ID");
      t.equal(t.spreadsheet.getSheetById(987654321), null, "an unknown ID");
    },
  ),
  defineCase(
    "sheet-invalid-mark-rule",
    "The add-on's conditional-format rule (markInvalidCells) is stored with its formula and colour as written, so the add-on finds it again and keeps the user's rules.",
    (t) => {
      const sheet = t.scratchSheet();
      sheet.getRange(1, 1, 3, 3).setValues([
        ["Name", "ZIP", "Vitable Status"],
        ["Jane", "1", "Invalid"],
        ["Ann", "02134", "Added"],
      ]);
      const usersRule = SpreadsheetApp.newConditionalFormatRule()
        .whenTextEqualTo("Added")
        .setBackground("#00ff00")
        .setRanges([sheet.getRange("C2:C3")])
        .build();
      sheet.setConditionalFormatRules([usersRule]);
      markInvalidCells(sheet, [{ row: 2, column: 2 }], 3);
      const rules = sheet.getConditionalFormatRules();
      t.equal(rules.length, 2, "our rule and the user's");
      const condition = rules[0]!.getBooleanCondition();
      const formula: unknown = condition?.getCriteriaValues()[0];
      t.note(`stored formula ${JSON.stringify(formula)}, background ${JSON.stringify(condition?.getBackground())}`);
      t.equal(formula, invalidMarkFormula(3, 2), "the formula as written");
      t.ok(
        typeof formula === "string" && isInvalidMarkRule(formula, condition?.getBackground() ?? null),
        "recognised as the add-on's rule",
      );
      t.equal(
        rules[0]!.getRanges().map((range) => range.getA1Notation()),
        ["B2"],
        "the marked cell",
      );
      markInvalidCells(sheet, [], 3);
      t.equal(sheet.getConditionalFormatRules().length, 1, "only the user's rule left once nothing is invalid");
    },
  ),
  defineCase(
    "sheet-records-store",
    "The records sheet (openRecords) is created hidden and protected with a warning, keeps the user's tab active, and reads back long values split over cells.",
    (t) => {
      const existing = t.spreadsheet.getSheetByName(RECORDS_SHEET_NAME);
      if (existing !== null) t.spreadsheet.deleteSheet(existing);
      const active = t.spreadsheet.getActiveSheet().getName();
      const long = "x".repeat(100_000);
      try {
        openRecords(t.spreadsheet).set("conformance.long", long);
        const sheet = t.spreadsheet.getSheetByName(RECORDS_SHEET_NAME);
        t.ok(sheet !== null, "the records sheet exists");
        t.equal(sheet!.isSheetHidden(), true, "hidden");
        t.equal(sheet!.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0]?.isWarningOnly(), true, "warning only");
        t.equal(t.spreadsheet.getActiveSheet().getName(), active, "the active tab");
        t.equal(openRecords(t.spreadsheet).get("conformance.long"), long, "the value read by a new reader");
      } finally {
        const made = t.spreadsheet.getSheetByName(RECORDS_SHEET_NAME);
        if (made !== null) t.spreadsheet.deleteSheet(made);
      }
    },
  ),
];
