import { MENU_LABELS } from "../messages/menu";
import { REMOVE_DATA } from "../messages/removeData";

interface MenuItem {
  label: string;
  /** The entry point of main.ts it calls by name (test/bundle/contract.test.ts checks it is one). */
  handler: string;
  /** A line above it, setting a destructive item apart from the everyday ones. */
  separatorBefore?: true;
}

/**
 * Extensions ▸ Vitable Roster Sync. The handlers are names rather than imports: main.ts exports
 * them and imports this module for onOpen, so importing main here would make a cycle.
 */
export const MENU_ITEMS = [
  { label: MENU_LABELS.openSidebar, handler: "showSidebar" },
  { label: MENU_LABELS.sync, handler: "syncActiveTab" },
  { label: MENU_LABELS.validate, handler: "validateActiveTab" },
  { label: MENU_LABELS.schedule, handler: "showScheduleSidebar" },
  { label: MENU_LABELS.help, handler: "showHelp" },
  { label: REMOVE_DATA.action, handler: "showRemoveDataDialog", separatorBefore: true },
] as const satisfies readonly MenuItem[];

/** Builds Extensions ▸ Vitable Roster Sync. Uses the Ui only, so it works in AuthMode.NONE. */
export function buildAddonMenu(ui: Pick<GoogleAppsScript.Base.Ui, "createAddonMenu">): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU_ITEMS as readonly MenuItem[]) {
    if (item.separatorBefore) menu.addSeparator();
    menu.addItem(item.label, item.handler);
  }
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
