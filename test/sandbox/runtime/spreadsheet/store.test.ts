import { SpreadsheetStore } from "../../../../sandbox/runtime/spreadsheet/store";
import { OWNER, nextExecution, sheetsWorld } from "./sheetsWorld";

describe("SpreadsheetStore", () => {
  it("refuses a malformed or taken ID and an unknown time zone", () => {
    const store = new SpreadsheetStore();
    const id = "1abcdefghijklmnopqrstuvwxyzABCDEFGHIJ-_12345";
    store.create({ id, name: "A", timeZone: "UTC", owner: OWNER });
    expect(() => store.create({ id, name: "B", timeZone: "UTC", owner: OWNER })).toThrow(
      `A spreadsheet with the ID ${id} already exists.`,
    );
    expect(() => store.create({ id: "short", name: "B", timeZone: "UTC", owner: OWNER })).toThrow(
      '"short" is not a spreadsheet ID',
    );
    expect(() => store.create({ name: "B", timeZone: "Mars/Olympus", owner: OWNER })).toThrow(
      '"Mars/Olympus" is not a time zone',
    );
    expect(store.get(id)?.name).toBe("A");
    expect(store.all()).toHaveLength(1);
  });

  it("survives a snapshot written to disk and read back, exactly", () => {
    const world = sheetsWorld({ timeZone: "Pacific/Auckland" });
    const { app, sheet } = world;
    const file = app.getActiveSpreadsheet()!;
    sheet.getRange("A1:E2").setValues([
      ["Reference ID", "Date of Birth", "Plan", "Vitable Status", "Formula"],
      ["'02134", "3/14/1990", "Gold", "Invalid", "=A1"],
    ]);
    sheet.getRange("D2").setNote("Plan: not a plan Vitable offers.").setBackground("#f4cccc").setFontWeight("bold");
    sheet.getRange("A2:A9").setNumberFormat("@");
    sheet.setFrozenRows(1);
    const plans = app.newDataValidation().requireValueInList(["Gold", "Silver"]).setAllowInvalid(false).build();
    sheet.getRange("C2:C50").setDataValidation(plans);
    const rule = app.newConditionalFormatRule().whenFormulaSatisfied('=$D2="Invalid"').setBackground("#f4cccc");
    sheet.setConditionalFormatRules([rule.setRanges([sheet.getRange("A2:C1000")]).build()]);
    const data = file.insertSheet("Vitable Data").hideSheet();
    data.protect().setDescription("Add-on data").removeEditors(["someone@example.com"]);
    sheet.getRange("B2").activate();

    const saved = JSON.parse(JSON.stringify(world.store.snapshot()));
    const restored = SpreadsheetStore.fromSnapshot(saved);
    expect(restored.snapshot()).toEqual(world.store.snapshot());

    const later = nextExecution({ store: restored, ui: world.ui }, { activeSpreadsheetId: world.spreadsheet.id }).app;
    const again = later.getActiveSpreadsheet()!;
    const roster = again.getSheetByName("Sheet1")!;
    expect(roster.getDataRange().getValues()).toEqual(sheet.getDataRange().getValues());
    expect(roster.getDataRange().getDisplayValues()).toEqual(sheet.getDataRange().getDisplayValues());
    expect(roster.getRange("D2").getNote()).toBe("Plan: not a plan Vitable offers.");
    expect(roster.getRange("C50").getDataValidation()!.getCriteriaValues()).toEqual([["Gold", "Silver"], true]);
    expect(roster.getConditionalFormatRules()[0]!.getRanges()[0]!.getA1Notation()).toBe("A2:C1000");
    expect(roster.getFrozenRows()).toBe(1);
    expect(again.getSheetByName("Vitable Data")!.isSheetHidden()).toBe(true);
    expect(again.getSheetByName("Vitable Data")!.getSheetId()).toBe(data.getSheetId());
    expect(again.getProtections(later.ProtectionType.SHEET)[0]!.getDescription()).toBe("Add-on data");
    expect(later.getActiveRange()!.getA1Notation()).toBe("B2");
    // One rule shared by 49 cells is saved once.
    expect(saved.spreadsheets[0].sheets[0].dataValidations.rules).toHaveLength(1);
  });

  it("keeps restored state apart from the snapshot it came from", () => {
    const world = sheetsWorld();
    world.sheet.getRange("A1").setValue("before");
    const snapshot = world.store.snapshot();
    const restored = SpreadsheetStore.fromSnapshot(snapshot);
    restored.get(world.spreadsheet.id)!.sheets[0]!.typeInto(1, 1, "after");
    expect(snapshot.spreadsheets[0]!.sheets[0]!.values).toEqual([["before"]]);
  });
});
