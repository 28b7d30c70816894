import { parseA1 } from "./a1";
import { areaOfA1 } from "./coordinates";
import { MESSAGES } from "./messages";
import { protectionTypeOf } from "./protectionState";
import type { SheetsScope } from "./scope";
import { isKnownTimeZone } from "../timeZones";
import type { SpreadsheetModel } from "./spreadsheetModel";

type SpreadsheetMethod =
  | "deleteSheet"
  | "getActiveRange"
  | "getActiveSheet"
  | "getId"
  | "getName"
  | "getProtections"
  | "getRange"
  | "getSheetById"
  | "getSheetByName"
  | "getSheets"
  | "getSpreadsheetLocale"
  | "getSpreadsheetTimeZone"
  | "getUrl"
  | "insertSheet"
  | "rename"
  | "setActiveRange"
  | "setActiveSheet"
  | "setSpreadsheetTimeZone"
  | "toast";
export type ScriptSpreadsheet = Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethod>;

/** The Spreadsheet object a script gets for a spreadsheet file. */
export function createSpreadsheet(
  scope: SheetsScope,
  spreadsheet: SpreadsheetModel,
): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const { execution } = scope;
  const begin = (method: SpreadsheetMethod, kind: "read" | "write" | "other") =>
    execution.call("Spreadsheet", method, kind);

  /** insertSheet's overloads: (), (index), (name), (name, index); template options are not supported. */
  function newSheetPlace(args: unknown[]): { name: string; position: number } {
    const [first, second] = args;
    const named = typeof first === "string";
    const index = named ? second : first;
    const valid =
      args.length <= 2 &&
      (index === undefined || (typeof index === "number" && Number.isInteger(index) && index >= 0)) &&
      (named || args.length <= 1);
    if (!valid) throw scope.signatureMismatch("Spreadsheet", "insertSheet", args);
    const afterActive = spreadsheet.sheets.indexOf(spreadsheet.activeSheet()) + 1;
    return {
      name: named ? first : spreadsheet.defaultSheetName(),
      position: typeof index === "number" ? index : afterActive,
    };
  }

  const script: ScriptSpreadsheet = {
    deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
      begin("deleteSheet", "write");
      const model = scope.sheetModel(sheet);
      if (model === null || model.spreadsheet !== spreadsheet) {
        throw scope.signatureMismatch("Spreadsheet", "deleteSheet", [sheet]);
      }
      scope.requireLive(model);
      if (spreadsheet.sheets.length === 1) throw execution.exception(MESSAGES.deleteLastSheet);
      scope.guardEdit(model);
      spreadsheet.removeSheet(model);
    },
    getActiveRange() {
      begin("getActiveRange", "read");
      return scope.range(spreadsheet.activeSheet(), spreadsheet.activeArea());
    },
    getActiveSheet() {
      begin("getActiveSheet", "read");
      return scope.sheet(spreadsheet.activeSheet());
    },
    getId() {
      begin("getId", "read");
      return spreadsheet.id;
    },
    getName() {
      begin("getName", "read");
      return spreadsheet.name;
    },
    getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType) {
      begin("getProtections", "read");
      const wanted = protectionTypeOf(type);
      if (wanted === null) throw scope.signatureMismatch("Spreadsheet", "getProtections", [type]);
      return scope.scriptArray(
        spreadsheet.sheets.flatMap((sheet) =>
          sheet.protections.filter((p) => p.type === wanted).map((p) => scope.protection(sheet, p)),
        ),
      );
    },
    getRange(a1Notation: string) {
      begin("getRange", "other");
      if (typeof a1Notation !== "string") throw scope.signatureMismatch("Spreadsheet", "getRange", [a1Notation]);
      const sheetName = parseA1(a1Notation)?.sheetName ?? null;
      const sheet = sheetName === null ? spreadsheet.activeSheet() : spreadsheet.sheetByName(sheetName);
      const area = sheet && areaOfA1(sheet, a1Notation);
      if (!sheet || !area) throw execution.exception(MESSAGES.rangeNotFound);
      return scope.range(sheet, area);
    },
    getSheetById(id: number) {
      begin("getSheetById", "read");
      const sheet = spreadsheet.sheetById(id);
      return sheet && scope.sheet(sheet);
    },
    getSheetByName(name: string) {
      begin("getSheetByName", "read");
      const sheet = typeof name === "string" ? spreadsheet.sheetByName(name) : null;
      return sheet && scope.sheet(sheet);
    },
    getSheets() {
      begin("getSheets", "read");
      return scope.scriptArray(spreadsheet.sheets.map((sheet) => scope.sheet(sheet)));
    },
    getSpreadsheetLocale() {
      begin("getSpreadsheetLocale", "read");
      return spreadsheet.locale;
    },
    getSpreadsheetTimeZone() {
      begin("getSpreadsheetTimeZone", "read");
      return spreadsheet.timeZone;
    },
    getUrl() {
      begin("getUrl", "read");
      return spreadsheet.url;
    },
    insertSheet(...args: unknown[]) {
      begin("insertSheet", "write");
      const { name, position } = newSheetPlace(args);
      if (spreadsheet.isNameTaken(name)) throw execution.exception(MESSAGES.sheetNameTaken(name));
      const sheet = spreadsheet.addSheet(name, position);
      // The new sheet becomes the active one, as in Apps Script.
      spreadsheet.select(sheet, null);
      return scope.sheet(sheet);
    },
    rename(newName: string) {
      begin("rename", "write");
      if (typeof newName !== "string") throw scope.signatureMismatch("Spreadsheet", "rename", [newName]);
      spreadsheet.name = newName;
    },
    setActiveRange(range: GoogleAppsScript.Spreadsheet.Range) {
      begin("setActiveRange", "other");
      const target = scope.rangeTarget(range);
      if (target === null || target.sheet.spreadsheet !== spreadsheet) {
        throw scope.signatureMismatch("Spreadsheet", "setActiveRange", [range]);
      }
      spreadsheet.select(target.sheet, target.area);
      return range;
    },
    setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
      begin("setActiveSheet", "other");
      const model = scope.sheetModel(sheet);
      if (model === null || model.spreadsheet !== spreadsheet) {
        throw scope.signatureMismatch("Spreadsheet", "setActiveSheet", [sheet]);
      }
      scope.requireLive(model);
      spreadsheet.select(model, null);
      return sheet;
    },
    setSpreadsheetTimeZone(timeZone: string) {
      begin("setSpreadsheetTimeZone", "write");
      if (typeof timeZone !== "string" || !isKnownTimeZone(timeZone)) {
        throw execution.exception(MESSAGES.invalidTimeZone(String(timeZone)));
      }
      // Cells keep their serials: dates keep their wall-clock reading, as in Sheets.
      spreadsheet.timeZone = timeZone;
    },
    toast(message: string, title?: string, timeoutSeconds?: number | null) {
      begin("toast", "other");
      // A time-driven trigger has no one watching: the toast goes nowhere.
      if (execution.kind === "trigger") return;
      scope.ui.toast({
        spreadsheetId: spreadsheet.id,
        message: String(message),
        title: title === undefined ? "" : String(title),
        timeoutSeconds: timeoutSeconds === undefined ? 5 : timeoutSeconds,
      });
    },
  };
  // The object has only the methods above; calling any other fails as "is not a function".
  return script as GoogleAppsScript.Spreadsheet.Spreadsheet;
}
