import { OWNER, nextExecution, sheetsWorld } from "./sheetsWorld";

const PROTECTED =
  "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.";
const exception = (message: string) => expect.objectContaining({ name: "Exception", message });
const COLLEAGUE = { email: "colleague@example.com", locale: "en_US", timeZone: "America/New_York" };

/** The same spreadsheet opened by another editor of the file. */
function asColleague(world: ReturnType<typeof sheetsWorld>) {
  return nextExecution(world, { user: COLLEAGUE, activeSpreadsheetId: world.spreadsheet.id }).app;
}

describe("sheet protection", () => {
  it("is one per sheet, describes itself, and lists the owner and the user who protected it as editors", () => {
    const { sheet, app } = sheetsWorld({ user: { ...COLLEAGUE, email: "admin@example.com" } });
    const protection = sheet.protect().setDescription("Vitable Sync Log: written by the add-on");
    expect(sheet.protect().getDescription()).toBe("Vitable Sync Log: written by the add-on");
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
    expect(protection.getProtectionType()).toBe(app.ProtectionType.SHEET);
    expect(protection.getEditors().map((user) => user.getEmail())).toEqual([OWNER, "admin@example.com"]);
    expect([protection.canEdit(), protection.isWarningOnly(), protection.canDomainEdit()]).toEqual([
      true,
      false,
      false,
    ]);
    expect(protection.getRange().getA1Notation()).toBe("A1:Z1000");
  });

  it("stops other users' scripts from editing, but not the owner's or an added editor's", () => {
    const world = sheetsWorld();
    world.sheet.protect();
    const colleague = asColleague(world);
    const theirSheet = colleague.getActiveSheet()!;
    expect(() => theirSheet.getRange("A1").setValue("x")).toThrow(exception(PROTECTED));
    expect(() => theirSheet.appendRow(["x"])).toThrow(exception(PROTECTED));
    expect(() => theirSheet.deleteRow(1)).toThrow(exception(PROTECTED));
    expect(() => theirSheet.setName("Mine")).toThrow(exception(PROTECTED));
    expect(theirSheet.getProtections(colleague.ProtectionType.SHEET)[0]!.canEdit()).toBe(false);
    world.sheet.getRange("A1").setValue("owner writes");

    world.sheet.protect().addEditor(COLLEAGUE.email);
    theirSheet.getRange("A1").setValue("editor writes");
    expect(world.sheet.getRange("A1").getValue()).toBe("editor writes");
  });

  it("lets everyone edit when it only warns", () => {
    const world = sheetsWorld();
    world.sheet.protect().setWarningOnly(true);
    asColleague(world).getActiveSheet()!.getRange("A1").setValue("after a warning");
    expect(world.sheet.getRange("A1").getValue()).toBe("after a warning");
  });

  it("never removes the owner or the user running the script from its editors", () => {
    const world = sheetsWorld({ user: { ...COLLEAGUE, email: "admin@example.com" } });
    const protection = world.sheet.protect().addEditors(["a@example.com", "b@example.com"]);
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map((user) => user.getEmail())).toEqual([OWNER, "admin@example.com"]);
    protection.addEditor("a@example.com").removeEditor("A@example.com");
    expect(protection.getEditors()).toHaveLength(2);
  });

  it("is lifted by remove()", () => {
    const world = sheetsWorld();
    world.sheet.protect().remove();
    expect(world.sheet.getProtections(world.app.ProtectionType.SHEET)).toHaveLength(0);
    asColleague(world).getActiveSheet()!.getRange("A1").setValue("free");
  });
});

describe("range protection", () => {
  it("guards only its own cells, moves with inserted rows, and is listed by the spreadsheet", () => {
    const world = sheetsWorld();
    const { sheet, app } = world;
    const protection = sheet.getRange("A1:C1").protect().setDescription("Header row");
    expect(protection.getProtectionType()).toBe(app.ProtectionType.RANGE);
    const theirs = asColleague(world).getActiveSheet()!;
    theirs.getRange("A2:C2").setValues([["1001", "Ana", "Lee"]]);
    expect(() => theirs.getRange("C1:D1").setValues([["x", "y"]])).toThrow(exception(PROTECTED));
    sheet.insertRowBefore(1);
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0]!.getRange().getA1Notation()).toBe("A2:C2");
    const all = app.getActiveSpreadsheet()!.getProtections(app.ProtectionType.RANGE);
    expect(all.map((p) => p.getDescription())).toEqual(["Header row"]);
  });

  it("refuses a protection type that is not SpreadsheetApp.ProtectionType's", () => {
    const { sheet } = sheetsWorld();
    const getProtections = sheet.getProtections.bind(sheet) as (type: unknown) => unknown;
    expect(() => getProtections("SHEET")).toThrow(expect.objectContaining({ name: "Exception" }));
  });
});
