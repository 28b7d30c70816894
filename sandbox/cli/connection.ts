import type { SidebarState } from "../../src/shared/bridge";
import type { AddonClient } from "./addon";

/**
 * Connects the add-on to the emulated Vitable's UAT environment with `apiKey`, saved for this
 * user, unless the spreadsheet is already connected there with that key (a session's later runs).
 * Answers the sidebar's state from before any new connection.
 */
export function ensureConnected(addon: AddonClient, apiKey: string): SidebarState {
  const state = addon.call("getSidebarState", {});
  const { connection } = state;
  // The sidebar only ever sees the key's last 4 characters.
  const sameKey = connection !== null && connection.maskedKey.endsWith(apiKey.slice(-4));
  if (!sameKey || connection.environment !== "uat") {
    addon.call("connect", { apiKey, environment: "uat", scope: "user" });
  }
  return state;
}
