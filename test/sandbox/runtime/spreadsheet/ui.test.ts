import { createHtmlService } from "../../../../sandbox/runtime/services/html";
import { UiRecorder, UnexpectedDialogError } from "../../../../sandbox/runtime/spreadsheet/uiRecorder";
import { testExecution } from "../support/testExecution";
import { ADDON_NAME, nextExecution, sheetsWorld } from "./sheetsWorld";

/** An HtmlOutput made by the HtmlService fake, as the script hands it to the Ui. */
const html = (title: string, content: string) =>
  // The script sees it as Apps Script's HtmlOutput; the sandbox implements the part add-ons use.
  createHtmlService(new Map(), testExecution())
    .createHtmlOutput(content)
    .setTitle(title) as unknown as GoogleAppsScript.HTML.HtmlOutput;

describe("menus", () => {
  it("records the add-on's menu under its name, with items, separators and submenus", () => {
    const { app, ui } = sheetsWorld();
    const appUi = app.getUi();
    const advanced = appUi.createMenu("Advanced").addItem("Insert roster headers", "insertHeaders");
    appUi
      .createAddonMenu()
      .addItem("Open sidebar", "openSidebar")
      .addItem("Sync to Vitable", "syncNow")
      .addSeparator()
      .addSubMenu(advanced)
      .addToUi();
    expect(ui.addonMenu()).toEqual({
      title: ADDON_NAME,
      addon: true,
      entries: [
        { type: "item", caption: "Open sidebar", functionName: "openSidebar" },
        { type: "item", caption: "Sync to Vitable", functionName: "syncNow" },
        { type: "separator" },
        {
          type: "submenu",
          menu: {
            title: "Advanced",
            addon: false,
            entries: [{ type: "item", caption: "Insert roster headers", functionName: "insertHeaders" }],
          },
        },
      ],
    });
    expect(ui.menuFunction("Sync to Vitable")).toBe("syncNow");
    expect(ui.menuFunction("Advanced", "Insert roster headers")).toBe("insertHeaders");
    expect(() => ui.menuFunction("Delete everything")).toThrow('No menu item "Delete everything" was added to the UI.');
  });

  it("replaces the add-on's menu each time onOpen adds it again, and keeps menus of the menu bar apart", () => {
    const world = sheetsWorld();
    world.app.getUi().createAddonMenu().addItem("Help", "showHelp").addToUi();
    world.app.getUi().createMenu("Tools").addItem("Tidy", "tidy").addToUi();
    nextExecution(world).app.getUi().createAddonMenu().addItem("Sync to Vitable", "syncNow").addToUi();
    expect(world.ui.menus.map((menu) => [menu.title, menu.entries.length])).toEqual([
      ["Tools", 1],
      [ADDON_NAME, 1],
    ]);
    expect(world.ui.menuFunction("Tools", "Tidy")).toBe("tidy");
    expect(() => world.ui.menuFunction("Help")).toThrow();
  });
});

describe("alerts and prompts", () => {
  it("answers an alert with only OK by OK, recording title, prompt and buttons", () => {
    const { app, ui } = sheetsWorld();
    const appUi = app.getUi();
    expect(appUi.alert("Sync finished: 12 added.")).toBe(appUi.Button.OK);
    expect(appUi.alert("Vitable Roster Sync: help", "Keep one tab per group.", appUi.ButtonSet.OK)).toBe(
      appUi.Button.OK,
    );
    expect(ui.shown).toEqual([
      { type: "alert", title: "", prompt: "Sync finished: 12 added.", buttons: "OK", answer: "OK" },
      {
        type: "alert",
        title: "Vitable Roster Sync: help",
        prompt: "Keep one tab per group.",
        buttons: "OK",
        answer: "OK",
      },
    ]);
  });

  it("takes queued answers for questions in order, leaving OK-only alerts alone", () => {
    const { app, ui } = sheetsWorld();
    const appUi = app.getUi();
    ui.answerNext("YES", { button: "OK", text: "REMOVE 4" });
    appUi.alert("Starting sync.");
    expect(appUi.alert("Remove 4 people?", "They lose coverage.", appUi.ButtonSet.YES_NO)).toBe(appUi.Button.YES);
    const typed = appUi.prompt("Confirm", "Type REMOVE 4 to continue.", appUi.ButtonSet.OK_CANCEL);
    expect([typed.getSelectedButton(), typed.getResponseText()]).toEqual([appUi.Button.OK, "REMOVE 4"]);
    expect(String(typed.getSelectedButton())).toBe("OK");
    expect(ui.pendingAnswers()).toBe(0);
  });

  it("asks a responder first, for any dialog", () => {
    const { app, ui } = sheetsWorld();
    const appUi = app.getUi();
    ui.respondWith((question) => (question.prompt.startsWith("Remove") ? "NO" : undefined));
    expect(appUi.alert("Remove 2 people?", appUi.ButtonSet.YES_NO_CANCEL)).toBe(appUi.Button.NO);
    ui.respondWith(() => "CLOSE");
    expect(appUi.alert("Done.")).toBe(appUi.Button.CLOSE);
  });

  it("fails the script with a host-side error at a question nobody scripted, and keeps it on record", () => {
    const { app, ui } = sheetsWorld();
    const appUi = app.getUi();
    let thrown: unknown;
    try {
      appUi.alert("Remove 40 people?", appUi.ButtonSet.YES_NO);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnexpectedDialogError);
    expect((thrown as Error).message).toContain('"Remove 40 people?"');
    expect(ui.unanswered).toEqual([{ type: "alert", title: "", prompt: "Remove 40 people?", buttons: "YES_NO" }]);
    expect(() => appUi.prompt("Name the group")).toThrow(UnexpectedDialogError);
  });

  it("refuses a scripted answer the dialog has no button for", () => {
    const { app, ui } = sheetsWorld();
    const appUi = app.getUi();
    ui.answerNext("YES");
    expect(() => appUi.alert("Continue?", appUi.ButtonSet.OK_CANCEL)).toThrow(
      'The scripted answer YES is not a button of the alert "Continue?", which shows OK, CANCEL, CLOSE.',
    );
  });

  it("refuses a button set that is not the Ui's", () => {
    const { app } = sheetsWorld();
    const ui = app.getUi();
    const alert = ui.alert.bind(ui) as (...args: unknown[]) => unknown;
    expect(() => alert("Continue?", "YES_NO")).toThrow(expect.objectContaining({ name: "Exception" }));
  });
});

describe("sidebar and dialogs", () => {
  it("records what was shown, and what is open now", () => {
    const { app, ui } = sheetsWorld();
    const appUi = app.getUi();
    appUi.showSidebar(html("Vitable Roster Sync", "<p>sidebar</p>"));
    appUi.showModalDialog(html("", "<p>schedule</p>"), "Schedule syncs");
    appUi.showModelessDialog(html("", "<p>log</p>"), "Log");
    expect(ui.shown.map((event) => [event.type, "title" in event ? event.title : ""])).toEqual([
      ["sidebar", "Vitable Roster Sync"],
      ["modalDialog", "Schedule syncs"],
      ["modelessDialog", "Log"],
    ]);
    expect(ui.sidebar?.content).toBe("<p>sidebar</p>");
    expect(ui.dialog?.title).toBe("Log");
    ui.closeSidebar();
    expect(ui.sidebar).toBeNull();
    ui.closeDialog();
    expect(ui.dialog).toBeNull();
  });

  it("keeps a dialog's size as the script set it, or 600 × 400", () => {
    const { app, ui } = sheetsWorld();
    const appUi = app.getUi();
    appUi.showModalDialog(html("", "<p>confirm</p>").setWidth(520).setHeight(360), "Confirm");
    expect(ui.dialog).toMatchObject({ type: "modalDialog", width: 520, height: 360 });
    appUi.showModelessDialog(html("", "<p>log</p>"), "Log");
    expect(ui.dialog).toMatchObject({ width: 600, height: 400 });
  });

  it("needs the container UI scope to show anything, though menus need none", () => {
    const world = sheetsWorld();
    const { app } = nextExecution(world, { activeSpreadsheetId: world.spreadsheet.id, grantedScopes: new Set() });
    app.getUi().createAddonMenu().addItem("Help", "showHelp").addToUi();
    expect(() => app.getUi().alert("Hello")).toThrow(expect.objectContaining({ name: "Exception" }));
  });
});

describe("UiRecorder snapshot", () => {
  it("restores menus, what was shown and what is open", () => {
    const { app, ui } = sheetsWorld();
    app.getUi().createAddonMenu().addItem("Help", "showHelp").addToUi();
    app.getUi().showSidebar(html("Vitable", "<p>x</p>"));
    app.getActiveSpreadsheet()!.toast("Synced");
    const restored = UiRecorder.fromSnapshot(JSON.parse(JSON.stringify(ui.snapshot())));
    expect(restored.snapshot()).toEqual(ui.snapshot());
    expect(restored.menuFunction("Help")).toBe("showHelp");
    expect(restored.addonName).toBe(ADDON_NAME);
  });
});
