import { sheetsWorld } from "./sheetsWorld";

describe("data validation", () => {
  it("puts a dropdown from a list on a whole column in one call, and reports how it was built", () => {
    const { sheet, app, execution } = sheetsWorld();
    const rule = app
      .newDataValidation()
      .requireValueInList(["Gold", "Silver", "Bronze"], true)
      .setAllowInvalid(false)
      .setHelpText("Choose a plan Vitable offers.")
      .build();
    sheet.getRange("F2:F1000").setDataValidation(rule);
    expect(execution.counts.byMethod["Range.setDataValidation"]).toBe(1);
    const read = sheet.getRange("F500").getDataValidation()!;
    expect(read.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read.getCriteriaValues()).toEqual([["Gold", "Silver", "Bronze"], true]);
    expect([read.getAllowInvalid(), read.getHelpText()]).toEqual([false, "Choose a plan Vitable offers."]);
    expect(sheet.getRange("F1").getDataValidation()).toBeNull();
    const column = sheet.getRange("E1:F2").getDataValidations();
    expect(column.map((row) => row.map((cell) => cell !== null))).toEqual([
      [false, false],
      [false, true],
    ]);
  });

  it("takes a dropdown's values from a range, which it gives back as a Range", () => {
    const { sheet, app } = sheetsWorld();
    const lists = app.getActiveSpreadsheet()!.insertSheet("Lists");
    const rule = app.newDataValidation().requireValueInRange(lists.getRange("A1:A60")).build();
    sheet.getRange("I2:I10").setDataValidation(rule);
    const [range, showDropdown] = sheet.getRange("I2").getDataValidation()!.getCriteriaValues() as [
      GoogleAppsScript.Spreadsheet.Range,
      boolean,
    ];
    expect([range.getSheet().getName(), range.getA1Notation(), showDropdown]).toEqual(["Lists", "A1:A60", true]);
    expect(sheet.getRange("I2").getDataValidation()!.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_RANGE);
  });

  it("warns rather than rejects by default, copies into a new builder, and is removed by null", () => {
    const { sheet, app } = sheetsWorld();
    const checkbox = app.newDataValidation().requireCheckbox().build();
    expect(checkbox.getAllowInvalid()).toBe(true);
    expect(checkbox.getCriteriaType()).toBe(app.DataValidationCriteria.CHECKBOX);
    const strict = checkbox.copy().setAllowInvalid(false).build();
    expect([checkbox.getAllowInvalid(), strict.getAllowInvalid()]).toEqual([true, false]);
    const cells = sheet.getRange("A1:B1").setDataValidations([[checkbox, strict]]);
    expect(cells.getDataValidations()[0]!.map((rule) => rule!.getAllowInvalid())).toEqual([true, false]);
    cells.setDataValidation(null);
    expect(cells.getDataValidations()).toEqual([[null, null]]);
  });

  it("refuses to build without criteria and refuses anything that is not a rule", () => {
    const { sheet, app } = sheetsWorld();
    expect(() => app.newDataValidation().setHelpText("no criteria").build()).toThrow(
      expect.objectContaining({ name: "Exception" }),
    );
    expect(() => sheet.getRange("A1").setDataValidation({} as GoogleAppsScript.Spreadsheet.DataValidation)).toThrow(
      expect.objectContaining({
        name: "Exception",
        message: "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
      }),
    );
  });
});
