/** The add-on's name and its menu, Extensions ▸ Vitable Roster Sync. */

/** As the Extensions menu, the title of every dialog and toast, and the sidebar's title show it. */
export const ADDON_NAME = "Vitable Roster Sync";

export const MENU_LABELS = {
  openSidebar: "Open sidebar",
  sync: "Sync to Vitable",
  validate: "Validate this tab",
  schedule: "Schedule syncs…",
  help: "Help",
} as const;
