import { PROTECTION_TYPE } from "./enums";
import { mayEdit, sameEmail, type ProtectionState } from "./protectionState";
import type { SheetModel } from "./sheetModel";
import type { SheetsScope } from "./scope";

export type ScriptProtection = Pick<
  GoogleAppsScript.Spreadsheet.Protection,
  | "addEditor"
  | "addEditors"
  | "canDomainEdit"
  | "canEdit"
  | "getDescription"
  | "getEditors"
  | "getProtectionType"
  | "getRange"
  | "isWarningOnly"
  | "remove"
  | "removeEditor"
  | "removeEditors"
  | "setDescription"
  | "setDomainEdit"
  | "setWarningOnly"
>;

/** The Protection object a script gets for a protection of `sheet`. */
export function createProtection(
  scope: SheetsScope,
  sheet: SheetModel,
  state: ProtectionState,
): GoogleAppsScript.Spreadsheet.Protection {
  const { execution } = scope;
  const owner = sheet.spreadsheet.owner;
  const call = (method: string, kind: "read" | "write") => execution.call("Protection", method, kind);

  function add(emails: readonly string[]): void {
    for (const email of emails) {
      if (!state.editors.some((editor) => sameEmail(editor, email))) state.editors.push(email);
    }
  }
  /** Neither the owner nor the user running the script can be removed, as in Apps Script. */
  function remove(emails: readonly string[]): void {
    const keep = (editor: string) =>
      sameEmail(editor, owner) ||
      sameEmail(editor, execution.user.email) ||
      !emails.some((email) => sameEmail(email, editor));
    state.editors = state.editors.filter(keep);
  }
  function emailsOf(method: string, value: unknown): string[] {
    const list = Array.isArray(value) ? (value as unknown[]) : [value];
    return list.map((item) => {
      const email = scope.emailOf(item);
      if (email === null) throw scope.signatureMismatch("Protection", method, [value]);
      return email;
    });
  }

  const protection: ScriptProtection = {
    addEditor(user: string | GoogleAppsScript.Base.User) {
      call("addEditor", "write");
      add(emailsOf("addEditor", user));
      return self;
    },
    addEditors(emails: string[]) {
      call("addEditors", "write");
      add(emailsOf("addEditors", emails));
      return self;
    },
    canDomainEdit() {
      call("canDomainEdit", "read");
      return state.domainEdit;
    },
    canEdit() {
      call("canEdit", "read");
      return mayEdit(state, owner, execution.user.email);
    },
    getDescription() {
      call("getDescription", "read");
      return state.description;
    },
    getEditors() {
      call("getEditors", "read");
      return scope.scriptArray(state.editors.map((email) => scope.user(email)));
    },
    getProtectionType() {
      call("getProtectionType", "read");
      return PROTECTION_TYPE[state.type] as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
    },
    getRange() {
      call("getRange", "read");
      const area = state.area ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
      return scope.range(sheet, area);
    },
    isWarningOnly() {
      call("isWarningOnly", "read");
      return state.warningOnly;
    },
    remove() {
      call("remove", "write");
      sheet.protections = sheet.protections.filter((p) => p !== state);
    },
    removeEditor(user: string | GoogleAppsScript.Base.User) {
      call("removeEditor", "write");
      remove(emailsOf("removeEditor", user));
      return self;
    },
    removeEditors(users: string[] | GoogleAppsScript.Base.User[]) {
      call("removeEditors", "write");
      remove(emailsOf("removeEditors", users));
      return self;
    },
    setDescription(description: string) {
      call("setDescription", "write");
      state.description = String(description);
      return self;
    },
    setDomainEdit(editable: boolean) {
      call("setDomainEdit", "write");
      state.domainEdit = editable === true;
      return self;
    },
    setWarningOnly(warningOnly: boolean) {
      call("setWarningOnly", "write");
      state.warningOnly = warningOnly === true;
      return self;
    },
  };
  // The object has only the methods above; calling any other fails as "is not a function".
  const self = protection as GoogleAppsScript.Spreadsheet.Protection;
  return self;
}
