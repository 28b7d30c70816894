import { sheetsWorld } from "./sheetsWorld";

const exception = (message: string) => expect.objectContaining({ name: "Exception", message });

describe("conditional format rules", () => {
  function invalidRule(world: ReturnType<typeof sheetsWorld>, formula = '=$K2="Invalid"') {
    return world.app
      .newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground("#F4CCCC")
      .setFontColor("#990000")
      .setRanges([world.sheet.getRange("A2:J1000")])
      .build();
  }

  it("reports what a rule was built with", () => {
    const world = sheetsWorld();
    const rule = invalidRule(world);
    const condition = rule.getBooleanCondition()!;
    expect(condition.getCriteriaType()).toBe(world.app.BooleanCriteria.CUSTOM_FORMULA);
    expect(condition.getCriteriaValues()).toEqual(['=$K2="Invalid"']);
    expect([condition.getBackground(), condition.getFontColor(), condition.getBold()]).toEqual([
      "#f4cccc",
      "#990000",
      null,
    ]);
    expect(rule.getRanges().map((range) => range.getA1Notation())).toEqual(["A2:J1000"]);
    expect(rule.getGradientCondition()).toBeNull();
  });

  it("setConditionalFormatRules replaces every rule: a script keeps the user's rules by passing them back", () => {
    const world = sheetsWorld();
    const { sheet, app } = world;
    const users = app
      .newConditionalFormatRule()
      .whenTextEqualTo("VIP")
      .setBold(true)
      .setRanges([sheet.getRange("B:B")])
      .build();
    sheet.setConditionalFormatRules([users]);

    sheet.setConditionalFormatRules([invalidRule(world)]);
    expect(sheet.getConditionalFormatRules()).toHaveLength(1);

    sheet.setConditionalFormatRules([users]);
    const kept = sheet.getConditionalFormatRules();
    sheet.setConditionalFormatRules([...kept, invalidRule(world)]);
    const criteria = sheet
      .getConditionalFormatRules()
      .map((rule) => rule.getBooleanCondition()!.getCriteriaValues()[0]);
    expect(criteria).toEqual(["VIP", '=$K2="Invalid"']);
  });

  it("copies a rule into a builder that changes only the copy", () => {
    const world = sheetsWorld();
    const rule = invalidRule(world);
    const changed = rule.copy().whenFormulaSatisfied('=$K2="Failed"').build();
    expect(changed.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$K2="Failed"']);
    expect(changed.getBooleanCondition()!.getBackground()).toBe("#f4cccc");
    expect(rule.getBooleanCondition()!.getCriteriaValues()).toEqual(['=$K2="Invalid"']);
  });

  it("moves rule ranges with inserted and deleted rows, and drops a rule whose cells are all gone", () => {
    const world = sheetsWorld();
    const { sheet, app } = world;
    const top = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange("A2:A3")])
      .build();
    sheet.setConditionalFormatRules([invalidRule(world), top]);
    sheet.insertRowsBefore(1, 2);
    const ranges = () => sheet.getConditionalFormatRules().map((rule) => rule.getRanges()[0]!.getA1Notation());
    expect(ranges()).toEqual(["A4:J1002", "A4:A5"]);
    sheet.deleteRows(4, 2);
    expect(ranges()).toEqual(["A4:J1000"]);
  });

  it("refuses a rule without a condition, one on another sheet, and anything that is not a rule", () => {
    const world = sheetsWorld();
    const { app, sheet } = world;
    expect(() => app.newConditionalFormatRule().setBackground("#ff0000").build()).toThrow(
      expect.objectContaining({ name: "Exception" }),
    );
    const elsewhere = app.getActiveSpreadsheet()!.insertSheet("Elsewhere");
    const rule = app
      .newConditionalFormatRule()
      .whenCellNotEmpty()
      .setRanges([elsewhere.getRange("A1")])
      .build();
    expect(() => sheet.setConditionalFormatRules([rule])).toThrow(expect.objectContaining({ name: "Exception" }));
    expect(() => sheet.setConditionalFormatRules([{} as GoogleAppsScript.Spreadsheet.ConditionalFormatRule])).toThrow(
      exception(
        "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      ),
    );
    expect(sheet.getConditionalFormatRules()).toHaveLength(0);
  });
});
