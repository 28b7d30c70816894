import { documentDataOf } from "../appsscript/documentData";
import { insertRosterHeaders as writeRosterHeaders, readTabValues } from "../appsscript/rosterTab";
import { canInsertHeaders } from "../core/sheet/rosterHeaders";
import { SIDEBAR_POLL_BUDGET_MS } from "../core/sync/pollSchedule";
import { headersInserted } from "../messages/sheet";
import { AddonError } from "./addonError";
import { bridgeFunction } from "./bridgeFunction";
import { tabById } from "./context";
import { connect as connectKey, disconnect as disconnectKey } from "./flows/connection";
import { activeTab } from "./flows/activeTab";
import { previewSync as previewTab } from "./flows/preview";
import { removeAddonData as removeData } from "./flows/removeData";
import { clearSchedule as removeTabSchedule, setSchedule as saveSchedule } from "./flows/schedule";
import { sidebarState } from "./flows/sidebarState";
import * as tabLinks from "./flows/tabLinks";
import * as columnMapping from "./flows/columnMapping";
import { validateTab as validate } from "./flows/validate";
import { rosterTabOnScreen, tabOnScreen } from "./ownTabs";
import { checkSync as checkTabSync } from "./sync/checkSync";
import { runSync } from "./sync/syncRun";
import { plansFor } from "./sync/tabReading";
import { syncResultView } from "./views";

/**
 * The functions the sidebar calls (src/shared/bridge.ts), one per BRIDGE entry. Those acting on
 * the tab the sidebar shows act only if it is still the tab on screen (tabOnScreen); checkSync
 * follows a sync wherever the user looks meanwhile.
 */

export const getColumnMapping = bridgeFunction("getColumnMapping", (context, request) =>
  columnMapping.columnMappingView(context, rosterTabOnScreen(context, request.sheetId)),
);

export const saveColumnMapping = bridgeFunction("saveColumnMapping", (context, request) =>
  columnMapping.saveColumnMapping(context, rosterTabOnScreen(context, request.sheetId), request),
);

export const clearColumnMapping = bridgeFunction("clearColumnMapping", (context, request) =>
  columnMapping.clearColumnMapping(context, rosterTabOnScreen(context, request.sheetId)),
);

export const getSidebarState = bridgeFunction("getSidebarState", (context) => sidebarState(context));

export const getActiveTab = bridgeFunction("getActiveTab", (context) => activeTab(context));

export const connect = bridgeFunction("connect", (context, request) => connectKey(context, request));

export const disconnect = bridgeFunction("disconnect", (context) => {
  disconnectKey(context);
  return {};
});

export const listGroups = bridgeFunction("listGroups", (context) => ({ groups: tabLinks.listGroups(context) }));

export const createGroup = bridgeFunction("createGroup", (context, request) =>
  tabLinks.createGroup(context, request.name, request.externalReferenceId),
);

export const renameGroup = bridgeFunction("renameGroup", (context, request) =>
  tabLinks.renameGroup(context, request.groupId, request.name),
);

export const linkTab = bridgeFunction("linkTab", (context, request) =>
  tabLinks.linkTab(context, rosterTabOnScreen(context, request.sheetId), request.groupId),
);

export const unlinkTab = bridgeFunction("unlinkTab", (context, request) =>
  tabLinks.unlinkTab(context, tabOnScreen(context, request.sheetId)),
);

export const setBrake = bridgeFunction("setBrake", (context, request) =>
  tabLinks.setBrake(context, tabOnScreen(context, request.sheetId), request.brake),
);

export const insertRosterHeaders = bridgeFunction("insertRosterHeaders", (context, request) => {
  const sheet = rosterTabOnScreen(context, request.sheetId);
  const check = canInsertHeaders(readTabValues(sheet), sheet.getName());
  if (!check.ok) throw new AddonError(check.message);
  writeRosterHeaders(
    sheet,
    plansFor(context).map((plan) => plan.name),
  );
  return { message: headersInserted(sheet.getName()) };
});

export const selectCell = bridgeFunction("selectCell", (context, request) => {
  const sheet = tabById(context, request.sheetId);
  sheet.activate();
  sheet.getRange(request.row, request.column).activate();
  return {};
});

export const validateTab = bridgeFunction("validateTab", (context, request) =>
  validate(context, rosterTabOnScreen(context, request.sheetId), request.detail ?? false),
);

export const previewSync = bridgeFunction("previewSync", (context, request) =>
  previewTab(context, rosterTabOnScreen(context, request.sheetId)),
);

export const startSync = bridgeFunction("startSync", (context, request) => {
  // Refuses a tab out of sight or of the add-on's own; runSync then finds the tab by its ID.
  rosterTabOnScreen(context, request.sheetId);
  return syncResultView(
    runSync(context, request.sheetId, {
      mode: "interactive",
      startedBy: context.user,
      confirmation: request.confirmation,
      pollBudgetMs: SIDEBAR_POLL_BUDGET_MS,
      onStep: () => undefined,
    }),
    request.detail ?? false,
  );
});

export const checkSync = bridgeFunction("checkSync", (context, request) =>
  syncResultView(checkTabSync(context, request.sheetId), request.detail ?? false),
);

export const setSchedule = bridgeFunction("setSchedule", (context, request) =>
  saveSchedule(context, request.frequency, request.emailOnProblem),
);

export const clearSchedule = bridgeFunction("clearSchedule", (context) => removeTabSchedule(context));

export const removeAddonData = bridgeFunction("removeAddonData", (context) =>
  removeData(context, documentDataOf(context.spreadsheet)),
);
