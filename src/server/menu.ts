import type * as EntryPoints from "./main";

export const ADDON_NAME = "Vitable Roster Sync";

interface MenuItem {
  label: string;
  /** An entry point exported by main.ts: the type stops a menu item naming a missing function. */
  handler: keyof typeof EntryPoints;
}

export const MENU_ITEMS: readonly MenuItem[] = [
  { label: "Open sidebar", handler: "showSidebar" },
  { label: "Sync to Vitable", handler: "syncActiveTab" },
  { label: "Validate this tab", handler: "validateActiveTab" },
  { label: "Schedule syncs…", handler: "showScheduleSidebar" },
  { label: "Help", handler: "showHelp" },
];

/** Builds Extensions ▸ Vitable Roster Sync. Uses the Ui only, so it works in AuthMode.NONE. */
export function buildAddonMenu(ui: Pick<GoogleAppsScript.Base.Ui, "createAddonMenu">): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS) menu.addItem(item.label, item.handler);
  menu.addToUi();
}

/**
 * Simple trigger. In AuthMode.NONE (installed but not yet used in this document) an add-on may
 * only build its menu: no properties, no sheet data, no network.
 */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(SpreadsheetApp.getUi());
}

/** Runs once when the add-on is installed from inside a document: show the menu without a reload. */
export function onInstall(_event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen();
}
