import type { Axis } from "./area";
import { MAX_CELL_CHARACTERS, writeOfScriptValue } from "./cells";
import type { ConditionalFormatRuleState } from "./conditionalFormatState";
import { areaOfA1, checkedArea } from "./coordinates";
import { MESSAGES } from "./messages";
import { newProtection, protectionTypeOf } from "./protectionState";
import { createRangeList } from "./rangeList";
import type { BuiltRule, SheetsScope } from "./scope";
import type { SheetModel } from "./sheetModel";

type SheetMethod =
  | "activate"
  | "appendRow"
  | "autoResizeColumn"
  | "autoResizeColumns"
  | "clear"
  | "deleteColumn"
  | "deleteColumns"
  | "deleteRow"
  | "deleteRows"
  | "getConditionalFormatRules"
  | "getDataRange"
  | "getFrozenColumns"
  | "getFrozenRows"
  | "getIndex"
  | "getLastColumn"
  | "getLastRow"
  | "getMaxColumns"
  | "getMaxRows"
  | "getName"
  | "getParent"
  | "getProtections"
  | "getRange"
  | "getRangeList"
  | "getSheetId"
  | "hideSheet"
  | "insertColumnAfter"
  | "insertColumnBefore"
  | "insertColumnsAfter"
  | "insertColumnsBefore"
  | "insertRowAfter"
  | "insertRowBefore"
  | "insertRowsAfter"
  | "insertRowsBefore"
  | "isSheetHidden"
  | "protect"
  | "setActiveRange"
  | "setConditionalFormatRules"
  | "setFrozenColumns"
  | "setFrozenRows"
  | "setName"
  | "showSheet";
export type ScriptSheet = Pick<GoogleAppsScript.Spreadsheet.Sheet, SheetMethod>;

/** The Sheet object a script gets for a tab. */
export function createSheet(scope: SheetsScope, sheet: SheetModel): GoogleAppsScript.Spreadsheet.Sheet {
  const { execution } = scope;
  const spreadsheet = scope.parentOf(sheet);

  /** Counts the call, then checks the sheet was not deleted meanwhile. */
  function begin(method: SheetMethod, kind: "read" | "write" | "other"): void {
    execution.call("Sheet", method, kind, sheet.name);
    scope.requireLive(sheet);
  }

  /** Integer arguments, cut as Apps Script cuts a number passed as an Integer. */
  function integers(method: SheetMethod, ...values: unknown[]): number[] {
    if (values.some((value) => typeof value !== "number" || !Number.isFinite(value))) {
      throw scope.signatureMismatch("Sheet", method, values);
    }
    return (values as number[]).map(Math.trunc);
  }

  function insert(method: SheetMethod, axis: Axis, position: unknown, howMany: unknown, after: boolean): void {
    const [at, n] = integers(method, position, howMany) as [number, number];
    const max = axis === "rows" ? sheet.maxRows : sheet.maxColumns;
    if (at < 1 || at > max || n < 1) {
      throw execution.exception(axis === "rows" ? MESSAGES.rowsOutOfBounds : MESSAGES.columnsOutOfBounds);
    }
    scope.guardEdit(sheet);
    const before = after ? at + 1 : at;
    if (axis === "rows") sheet.insertRows(before, n, at);
    else sheet.insertColumns(before, n, at);
  }

  function remove(method: SheetMethod, axis: Axis, position: unknown, howMany: unknown): void {
    const [first, n] = integers(method, position, howMany) as [number, number];
    const problem = sheet.deletionProblem(axis, first, n);
    if (problem !== null) throw execution.exception(problem);
    scope.guardEdit(
      sheet,
      axis === "rows"
        ? { row: first, column: 1, numRows: n, numColumns: sheet.maxColumns }
        : { row: 1, column: first, numRows: sheet.maxRows, numColumns: n },
    );
    if (axis === "rows") sheet.deleteRows(first, n);
    else sheet.deleteColumns(first, n);
  }

  function frozen(method: SheetMethod, value: unknown): number {
    const [n] = integers(method, value) as [number];
    if (n < 0) throw scope.signatureMismatch("Sheet", method, [value]);
    scope.guardEdit(sheet);
    return n;
  }

  function ruleState(rule: BuiltRule): ConditionalFormatRuleState {
    if (rule.targets.some((target) => target.sheet !== sheet)) throw execution.exception(MESSAGES.rangeOnAnotherSheet);
    const { background, fontColor, bold, condition } = rule;
    return { ranges: rule.targets.map((target) => ({ ...target.area })), condition, background, fontColor, bold };
  }

  const script: ScriptSheet = {
    activate() {
      begin("activate", "other");
      spreadsheet.select(sheet, null);
      return self;
    },
    appendRow(rowContents: unknown[]) {
      begin("appendRow", "write");
      if (!Array.isArray(rowContents)) throw scope.signatureMismatch("Sheet", "appendRow", [rowContents]);
      if (rowContents.some((value) => typeof value === "string" && value.length > MAX_CELL_CHARACTERS)) {
        throw execution.exception(MESSAGES.cellTooLong);
      }
      const row = sheet.lastRow() + 1;
      scope.guardEdit(sheet, { row, column: 1, numRows: 1, numColumns: Math.max(1, rowContents.length) });
      // appendRow grows the grid when the sheet is full, unlike setValues.
      if (row > sheet.maxRows) sheet.insertRows(sheet.maxRows + 1, row - sheet.maxRows, sheet.maxRows);
      if (rowContents.length > sheet.maxColumns) {
        sheet.insertColumns(sheet.maxColumns + 1, rowContents.length - sheet.maxColumns, sheet.maxColumns);
      }
      rowContents.forEach((value, i) => {
        const write = writeOfScriptValue(value, sheet.numberFormats.get(row, i + 1), spreadsheet.timeZone);
        sheet.write(row, i + 1, write);
      });
      return self;
    },
    autoResizeColumn(column: number) {
      begin("autoResizeColumn", "write");
      integers("autoResizeColumn", column);
      return self;
    },
    autoResizeColumns(startColumn: number, numColumns: number) {
      begin("autoResizeColumns", "write");
      integers("autoResizeColumns", startColumn, numColumns);
      return self;
    },
    clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }) {
      begin("clear", "write");
      const whole = { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
      scope.guardEdit(sheet, whole);
      const some = options?.formatOnly === true || options?.contentsOnly === true;
      sheet.clear(whole, {
        contents: !some || options?.contentsOnly === true,
        formats: !some || options?.formatOnly === true,
        notes: false,
        validations: false,
      });
      return self;
    },
    deleteColumn(column: number) {
      begin("deleteColumn", "write");
      remove("deleteColumn", "columns", column, 1);
      return self;
    },
    deleteColumns(column: number, howMany: number) {
      begin("deleteColumns", "write");
      remove("deleteColumns", "columns", column, howMany);
    },
    deleteRow(row: number) {
      begin("deleteRow", "write");
      remove("deleteRow", "rows", row, 1);
      return self;
    },
    deleteRows(row: number, howMany: number) {
      begin("deleteRows", "write");
      remove("deleteRows", "rows", row, howMany);
    },
    getConditionalFormatRules() {
      begin("getConditionalFormatRules", "read");
      return scope.scriptArray(
        sheet.conditionalFormatRules.map((rule) =>
          scope.conditionalFormatRule({
            targets: rule.ranges.map((area) => ({ sheet, area: { ...area } })),
            condition: rule.condition,
            background: rule.background,
            fontColor: rule.fontColor,
            bold: rule.bold,
          }),
        ),
      );
    },
    getDataRange() {
      begin("getDataRange", "read");
      return scope.range(sheet, sheet.dataArea());
    },
    getFrozenColumns() {
      begin("getFrozenColumns", "read");
      return sheet.frozenColumns;
    },
    getFrozenRows() {
      begin("getFrozenRows", "read");
      return sheet.frozenRows;
    },
    getIndex() {
      begin("getIndex", "read");
      return spreadsheet.sheets.indexOf(sheet) + 1;
    },
    getLastColumn() {
      begin("getLastColumn", "read");
      return sheet.lastColumn();
    },
    getLastRow() {
      begin("getLastRow", "read");
      return sheet.lastRow();
    },
    getMaxColumns() {
      begin("getMaxColumns", "read");
      return sheet.maxColumns;
    },
    getMaxRows() {
      begin("getMaxRows", "read");
      return sheet.maxRows;
    },
    getName() {
      begin("getName", "read");
      return sheet.name;
    },
    getParent() {
      begin("getParent", "other");
      return scope.spreadsheet(spreadsheet);
    },
    getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType) {
      begin("getProtections", "read");
      const wanted = protectionTypeOf(type);
      if (wanted === null) throw scope.signatureMismatch("Sheet", "getProtections", [type]);
      const found = sheet.protections.filter((protection) => protection.type === wanted);
      return scope.scriptArray(found.map((protection) => scope.protection(sheet, protection)));
    },
    getRange(...args: unknown[]) {
      begin("getRange", "other");
      if (typeof args[0] === "string" && args.length === 1) {
        const area = areaOfA1(sheet, args[0]);
        if (area === null) throw execution.exception(MESSAGES.rangeNotFound);
        return scope.range(sheet, area);
      }
      return scope.range(sheet, checkedArea(scope, sheet, "Sheet", "getRange", args));
    },
    getRangeList(a1Notations: string[]) {
      begin("getRangeList", "other");
      if (!Array.isArray(a1Notations) || a1Notations.some((a1) => typeof a1 !== "string")) {
        throw scope.signatureMismatch("Sheet", "getRangeList", [a1Notations]);
      }
      if (a1Notations.length === 0) throw execution.exception(MESSAGES.emptyRangeList);
      const areas = a1Notations.map((a1) => {
        const area = areaOfA1(sheet, a1);
        if (area === null) throw execution.exception(MESSAGES.rangeNotFound);
        return area;
      });
      return createRangeList(scope, sheet, areas);
    },
    getSheetId() {
      begin("getSheetId", "read");
      return sheet.id;
    },
    hideSheet() {
      begin("hideSheet", "write");
      scope.guardEdit(sheet);
      if (!sheet.hidden && spreadsheet.sheets.filter((s) => !s.hidden).length === 1) {
        throw execution.exception(MESSAGES.hideLastSheet);
      }
      sheet.hidden = true;
      return self;
    },
    insertColumnAfter(afterPosition: number) {
      begin("insertColumnAfter", "write");
      insert("insertColumnAfter", "columns", afterPosition, 1, true);
      return self;
    },
    insertColumnBefore(beforePosition: number) {
      begin("insertColumnBefore", "write");
      insert("insertColumnBefore", "columns", beforePosition, 1, false);
      return self;
    },
    insertColumnsAfter(afterPosition: number, howMany: number) {
      begin("insertColumnsAfter", "write");
      insert("insertColumnsAfter", "columns", afterPosition, howMany, true);
      return self;
    },
    insertColumnsBefore(beforePosition: number, howMany: number) {
      begin("insertColumnsBefore", "write");
      insert("insertColumnsBefore", "columns", beforePosition, howMany, false);
      return self;
    },
    insertRowAfter(afterPosition: number) {
      begin("insertRowAfter", "write");
      insert("insertRowAfter", "rows", afterPosition, 1, true);
      return self;
    },
    insertRowBefore(beforePosition: number) {
      begin("insertRowBefore", "write");
      insert("insertRowBefore", "rows", beforePosition, 1, false);
      return self;
    },
    insertRowsAfter(afterPosition: number, howMany: number) {
      begin("insertRowsAfter", "write");
      insert("insertRowsAfter", "rows", afterPosition, howMany, true);
      return self;
    },
    insertRowsBefore(beforePosition: number, howMany: number) {
      begin("insertRowsBefore", "write");
      insert("insertRowsBefore", "rows", beforePosition, howMany, false);
      return self;
    },
    isSheetHidden() {
      begin("isSheetHidden", "read");
      return sheet.hidden;
    },
    protect() {
      begin("protect", "write");
      // A sheet has at most one sheet protection: protecting it again gives that one.
      let state = sheet.protections.find((protection) => protection.type === "SHEET");
      if (state === undefined) {
        state = newProtection("SHEET", null, spreadsheet.owner, execution.user.email);
        sheet.protections.push(state);
      }
      return scope.protection(sheet, state);
    },
    setActiveRange(range: GoogleAppsScript.Spreadsheet.Range) {
      begin("setActiveRange", "other");
      const target = scope.rangeTarget(range);
      if (target === null || target.sheet !== sheet) throw scope.signatureMismatch("Sheet", "setActiveRange", [range]);
      spreadsheet.select(sheet, target.area);
      return range;
    },
    setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]) {
      begin("setConditionalFormatRules", "write");
      const built = Array.isArray(rules) ? rules.map((rule) => scope.builtRule(rule)) : [null];
      if (built.some((rule) => rule === null))
        throw scope.signatureMismatch("Sheet", "setConditionalFormatRules", [rules]);
      const states = (built as BuiltRule[]).map(ruleState);
      scope.guardEdit(sheet);
      // Replaces every rule of the sheet: a script keeps others' rules by passing them back.
      sheet.conditionalFormatRules = states;
    },
    setFrozenColumns(columns: number) {
      begin("setFrozenColumns", "write");
      sheet.frozenColumns = frozen("setFrozenColumns", columns);
    },
    setFrozenRows(rows: number) {
      begin("setFrozenRows", "write");
      sheet.frozenRows = frozen("setFrozenRows", rows);
    },
    setName(name: string) {
      begin("setName", "write");
      if (typeof name !== "string") throw scope.signatureMismatch("Sheet", "setName", [name]);
      if (spreadsheet.isNameTaken(name, sheet)) throw execution.exception(MESSAGES.sheetNameTaken(name));
      scope.guardEdit(sheet);
      sheet.name = name;
      return self;
    },
    showSheet() {
      begin("showSheet", "write");
      scope.guardEdit(sheet);
      sheet.hidden = false;
      return self;
    },
  };
  // The object has only the methods above; calling any other fails as "is not a function".
  const self = script as GoogleAppsScript.Spreadsheet.Sheet;
  return self;
}
