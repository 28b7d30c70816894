import { settingEntry } from "../../core/log/logEntry";
import type { AddonContext } from "../context";
import { appendToLog } from "../sync/outcomeLog";

/**
 * Adds a row to the log tab saying who changed a safeguard or a shared key, and how: everyone
 * who edits the spreadsheet can change them, so the log keeps the trace. `detail` names no
 * member and no part of a key.
 */
export function logSettingChange(context: AddonContext, detail: string, where = { tab: "", group: "" }): void {
  appendToLog(context, [
    settingEntry({ at: new Date(context.now()).toISOString(), ...where, by: context.user, detail }),
  ]);
}
