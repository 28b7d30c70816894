import { escapeCellText } from "../../../src/core/text/cellText";
import { readTabValues } from "../../../src/appsscript/rosterTab";
import { defineCase } from "../harness";

export const cellValueCases = [
  defineCase(
    "values-types",
    'getValues() gives a Date for a date, a number for a number, a boolean for TRUE/FALSE and "" for a blank cell (readTabValues reads the tab this way).',
    (t) => {
      const sheet = t.scratchSheet();
      sheet.getRange(1, 1, 1, 5).setValues([["5/15/1990", "02134", "TRUE", "", "Jane"]]);
      const [row] = readTabValues(sheet);
      const [date, zip, flag, blank, name] = row ?? [];
      t.ok(date instanceof Date, `a typed date reads as a Date, not ${typeof date}`);
      const timeZone = t.spreadsheet.getSpreadsheetTimeZone();
      t.equal(
        Utilities.formatDate(date as Date, timeZone, "yyyy-MM-dd HH:mm:ss"),
        "1990-05-15 00:00:00",
        "the date at midnight in the spreadsheet's zone",
      );
      t.equal(zip, 2134, "a typed ZIP code loses its leading zero");
      t.equal(flag, true, "TRUE");
      t.equal(blank, "", "a blank cell");
      t.equal(name, "Jane", "text");
      t.equal(sheet.getRange(1, 1, 1, 3).getDisplayValues(), [["5/15/1990", "2134", "TRUE"]], "what the cells show");
    },
  ),
  defineCase(
    "values-plain-text-keeps-zeros",
    'A column formatted as plain text (@) keeps "02134" and "2026-01-02" as typed, as text.',
    (t) => {
      const sheet = t.scratchSheet();
      const cells = sheet.getRange(1, 1, 1, 2);
      cells.setNumberFormat("@");
      cells.setValues([["02134", "2026-01-02"]]);
      t.equal(cells.getValues(), [["02134", "2026-01-02"]], "the values");
    },
  ),
  defineCase(
    "values-apostrophe-in-plain-text",
    'Text the add-on escapes with a leading apostrophe (escapeCellText): in a plain-text column the apostrophe is part of the text, read and shown ("\'=1+1"); in a general column it hides and the rest is text ("=1+1").',
    (t) => {
      const sheet = t.scratchSheet();
      const plain = sheet.getRange(1, 1);
      plain.setNumberFormat("@");
      const general = sheet.getRange(1, 2);
      const written = escapeCellText("=1+1");
      t.equal(written, "'=1+1", "what the add-on writes");
      plain.setValue(written);
      general.setValue(written);
      t.note(`plain text: value ${JSON.stringify(plain.getValue())}, shown ${JSON.stringify(plain.getDisplayValue())}`);
      t.note(
        `general: value ${JSON.stringify(general.getValue())}, shown ${JSON.stringify(general.getDisplayValue())}`,
      );
      t.equal([plain.getValue(), plain.getDisplayValue()], ["'=1+1", "'=1+1"], "the plain-text cell");
      t.equal([general.getValue(), general.getDisplayValue()], ["=1+1", "=1+1"], "the cell in the general format");
      t.equal(plain.getFormula(), "", "no formula");
    },
  ),
  defineCase(
    "values-dates-round-trip",
    "A Date written with setValues reads back as the same instant (Synced At).",
    (t) => {
      const sheet = t.scratchSheet();
      const instant = new Date(Date.parse("2026-11-23T15:30:00Z"));
      sheet.getRange(1, 1).setValue(instant);
      const read: unknown = sheet.getRange(1, 1).getValue();
      t.equal(read, instant, "the instant");
    },
  ),
  defineCase(
    "values-error-cells",
    'getValues() gives an error cell as its error text: "#N/A" for =NA(), "#REF!" for a reference to a deleted cell.',
    (t) => {
      const sheet = t.scratchSheet();
      sheet.getRange(1, 1).setFormula("=NA()");
      sheet.getRange(1, 2).setFormula("=#REF!");
      SpreadsheetApp.flush();
      t.equal(sheet.getRange(1, 1, 1, 2).getValues(), [["#N/A", "#REF!"]], "the error cells");
    },
    { sandboxDifference: "The sandbox stores formulas without computing them: every formula reads #NAME?." },
  ),
  defineCase(
    "values-merged-cells",
    'getValues() of a merged range gives the value in its top-left cell and "" in the others.',
    (t) => {
      const sheet = t.scratchSheet();
      sheet.getRange(1, 1).setValue("Jane");
      sheet.getRange(1, 1, 1, 2).merge();
      t.equal(sheet.getRange(1, 1, 1, 2).getValues(), [["Jane", ""]], "the merged cells");
    },
    { sandboxDifference: "The sandbox has no merged cells: Range.merge does not exist there." },
  ),
];
