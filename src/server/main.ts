/**
 * The functions Apps Script calls by name: simple triggers, menu items, the trigger handler,
 * sidebar calls and the menu's confirmation dialog's answer. The build turns every export of this module into a top-level function of
 * dist/Code.js, so export functions only, and nothing that should not be callable.
 */
export { onInstall, onOpen } from "./menu";
export { showHelp } from "./help";
export {
  showSidebar,
  showSidebar as showScheduleSidebar,
  syncActiveTab,
  confirmMenuSync,
  validateActiveTab,
  showRemoveDataDialog,
} from "./menuActions";
export { runScheduledSync } from "./flows/scheduledRun";
export {
  getSidebarState,
  getActiveTab,
  connect,
  disconnect,
  listGroups,
  createGroup,
  renameGroup,
  linkTab,
  unlinkTab,
  setBrake,
  insertRosterHeaders,
  getColumnMapping,
  saveColumnMapping,
  clearColumnMapping,
  selectCell,
  validateTab,
  previewSync,
  startSync,
  checkSync,
  setSchedule,
  clearSchedule,
  removeAddonData,
} from "./sidebarCalls";
