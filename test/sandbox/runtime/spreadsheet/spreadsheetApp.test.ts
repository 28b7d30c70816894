import { SCOPES } from "../../../../sandbox/runtime/permissions";
import { nextExecution, sheetsWorld } from "./sheetsWorld";

const exception = (message: string) => expect.objectContaining({ name: "Exception", message });

describe("SpreadsheetApp", () => {
  it("gives the spreadsheet open in the editor", () => {
    const { app, spreadsheet } = sheetsWorld();
    expect(app.getActiveSpreadsheet()!.getId()).toBe(spreadsheet.id);
    expect(app.getActive()!.getId()).toBe(spreadsheet.id);
    expect(app.getActiveSheet()!.getName()).toBe("Sheet1");
  });

  it("gives no active spreadsheet to a time-driven trigger, which opens its spreadsheet by ID", () => {
    const world = sheetsWorld();
    const { app } = nextExecution(world, { kind: "trigger", activeSpreadsheetId: null });
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(app.getActiveSheet()).toBeNull();
    expect(app.openById(world.spreadsheet.id).getName()).toBe("Roster");
  });

  it("fails openById for an unknown ID with Apps Script's sentence", () => {
    const { app } = sheetsWorld();
    expect(() => app.openById("1NoSuchSpreadsheetxxxxxxxxxxxxxxxxxxxxxxxxxx")).toThrow(
      exception("Unexpected error while getting the method or property openById on object SpreadsheetApp."),
    );
  });

  it("refuses getUi in a time-driven trigger", () => {
    const world = sheetsWorld();
    const { app } = nextExecution(world, { kind: "trigger" });
    expect(() => app.getUi()).toThrow(exception("Cannot call SpreadsheetApp.getUi() from this context."));
  });

  it("needs the full spreadsheets scope for openById, and checks scopes through the execution", () => {
    const world = sheetsWorld();
    const { app } = nextExecution(world, {
      activeSpreadsheetId: world.spreadsheet.id,
      grantedScopes: new Set([SCOPES.currentSpreadsheet, SCOPES.containerUi]),
    });
    expect(app.getActiveSpreadsheet()!.getName()).toBe("Roster");
    expect(() => app.openById(world.spreadsheet.id)).toThrow(
      exception(
        `You do not have permission to call SpreadsheetApp.openById. Required permissions: ${SCOPES.allSpreadsheets}`,
      ),
    );
  });

  it("lets onOpen in AuthMode.NONE build a menu but not read the sheet", () => {
    const world = sheetsWorld();
    const { app } = nextExecution(world, {
      kind: "simpleTrigger",
      authMode: "NONE",
      activeSpreadsheetId: world.spreadsheet.id,
    });
    app.getUi().createAddonMenu().addItem("Help", "showHelp").addToUi();
    expect(world.ui.menuFunction("Help")).toBe("showHelp");
    expect(() => app.getActiveSpreadsheet()).toThrow(expect.objectContaining({ name: "Exception" }));
  });

  it("offers its enums as stable objects that read as their names", () => {
    const { app } = sheetsWorld();
    const { ProtectionType, DataValidationCriteria, BooleanCriteria } = app;
    expect([String(ProtectionType.SHEET), String(ProtectionType.RANGE)]).toEqual(["SHEET", "RANGE"]);
    expect(String(DataValidationCriteria.VALUE_IN_LIST)).toBe("VALUE_IN_LIST");
    expect(String(BooleanCriteria.CUSTOM_FORMULA)).toBe("CUSTOM_FORMULA");
    expect(nextExecution(sheetsWorld()).app.ProtectionType.SHEET).toBe(ProtectionType.SHEET);
  });

  it("counts every call and stops at the execution's time limit", () => {
    const { app, execution } = sheetsWorld();
    app.flush();
    expect(execution.counts.byMethod["SpreadsheetApp.flush"]).toBe(1);
    execution.clock.advance(6 * 60_000 + 1);
    expect(() => app.getActiveSheet()).toThrow(exception("Exceeded maximum execution time"));
  });
});
