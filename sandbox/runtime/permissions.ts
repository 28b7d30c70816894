/**
 * What each Apps Script call needs: a scope granted by the manifest's `oauthScopes`, and an
 * authorization mode. Editor add-ons run `onOpen` in AuthMode.NONE (menu only) or LIMITED
 * (the open document, no network), and everything else in FULL (apps-script-notes.md A12).
 */
export type AuthModeName = "NONE" | "LIMITED" | "FULL";

export const SCOPES = {
  currentSpreadsheet: "https://www.googleapis.com/auth/spreadsheets.currentonly",
  allSpreadsheets: "https://www.googleapis.com/auth/spreadsheets",
  containerUi: "https://www.googleapis.com/auth/script.container.ui",
  externalRequest: "https://www.googleapis.com/auth/script.external_request",
  scriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  sendMail: "https://www.googleapis.com/auth/script.send_mail",
  userEmail: "https://www.googleapis.com/auth/userinfo.email",
} as const;

export interface Requirement {
  /** Any one of these scopes grants the call; none listed means no scope is needed. */
  scopes: readonly string[];
  /** The least authorization mode the call works in. */
  mode: AuthModeName;
}

const MODE_RANK: Record<AuthModeName, number> = { NONE: 0, LIMITED: 1, FULL: 2 };

const ANY_MODE: Requirement = { scopes: [], mode: "NONE" };
const DOCUMENT_DATA: Requirement = {
  scopes: [SCOPES.currentSpreadsheet, SCOPES.allSpreadsheets],
  mode: "LIMITED",
};
const LOCAL_STATE: Requirement = { scopes: [], mode: "LIMITED" };

/**
 * Requirements by `Service.method` or by service. Building menus needs no scope at all, which is
 * why `onOpen` works in AuthMode.NONE; opening another spreadsheet by ID needs the full
 * `spreadsheets` scope (a report quoted in apps-script-notes.md A6 found `currentonly` was not
 * enough for triggers that do it).
 */
const BY_METHOD: Record<string, Requirement> = {
  "SpreadsheetApp.getUi": ANY_MODE,
  "Ui.createAddonMenu": ANY_MODE,
  "Ui.createMenu": ANY_MODE,
  "Menu.addItem": ANY_MODE,
  "Menu.addSeparator": ANY_MODE,
  "Menu.addSubMenu": ANY_MODE,
  "Menu.addToUi": ANY_MODE,
  "Ui.alert": { scopes: [SCOPES.containerUi], mode: "LIMITED" },
  "Ui.prompt": { scopes: [SCOPES.containerUi], mode: "LIMITED" },
  "Ui.showSidebar": { scopes: [SCOPES.containerUi], mode: "LIMITED" },
  "Ui.showModalDialog": { scopes: [SCOPES.containerUi], mode: "LIMITED" },
  "Ui.showModelessDialog": { scopes: [SCOPES.containerUi], mode: "LIMITED" },
  "SpreadsheetApp.openById": { scopes: [SCOPES.allSpreadsheets], mode: "FULL" },
  "SpreadsheetApp.openByUrl": { scopes: [SCOPES.allSpreadsheets], mode: "FULL" },
  "Session.getActiveUser": { scopes: [], mode: "LIMITED" },
  "Session.getEffectiveUser": { scopes: [], mode: "LIMITED" },
  "User.getEmail": { scopes: [SCOPES.userEmail], mode: "FULL" },
};

const BY_SERVICE: Record<string, Requirement> = {
  SpreadsheetApp: DOCUMENT_DATA,
  Spreadsheet: DOCUMENT_DATA,
  Sheet: DOCUMENT_DATA,
  Range: DOCUMENT_DATA,
  UrlFetchApp: { scopes: [SCOPES.externalRequest], mode: "FULL" },
  ScriptApp: { scopes: [SCOPES.scriptApp], mode: "FULL" },
  MailApp: { scopes: [SCOPES.sendMail], mode: "FULL" },
  PropertiesService: LOCAL_STATE,
  CacheService: LOCAL_STATE,
  LockService: LOCAL_STATE,
  Session: LOCAL_STATE,
  HtmlService: ANY_MODE,
  Utilities: ANY_MODE,
  Logger: ANY_MODE,
  console: ANY_MODE,
};

/** Calls that need nothing, such as enum reads and builders, are not listed and need nothing. */
export function requirementOf(service: string, method: string): Requirement {
  return BY_METHOD[`${service}.${method}`] ?? BY_SERVICE[service] ?? ANY_MODE;
}

/** Apps Script's sentence when a call lacks authorization, or null when the call may go ahead. */
export function permissionProblem(
  service: string,
  method: string,
  mode: AuthModeName,
  grantedScopes: ReadonlySet<string>,
): string | null {
  const requirement = requirementOf(service, method);
  const scopeMissing = requirement.scopes.length > 0 && !requirement.scopes.some((scope) => grantedScopes.has(scope));
  if (MODE_RANK[mode] >= MODE_RANK[requirement.mode] && !scopeMissing) return null;
  const needed = requirement.scopes.length > 0 ? ` Required permissions: ${requirement.scopes.join(" || ")}` : "";
  return `You do not have permission to call ${service}.${method}.${needed}`;
}
