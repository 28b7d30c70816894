/**
 * The functions Apps Script calls by name: simple triggers, menu items, trigger handlers and
 * sidebar calls. The build turns every export of this module into a top-level function of
 * dist/Code.js, so export functions only, and nothing that should not be callable.
 */
export { onInstall, onOpen } from "./menu";
export { showHelp } from "./help";
