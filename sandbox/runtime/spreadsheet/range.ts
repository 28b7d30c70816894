import { a1Notation } from "./a1";
import type { GridArea } from "./area";
import { MAX_CELL_CHARACTERS, displayValue, isFormula, readValue, writeOfScriptValue } from "./cells";
import { DEFAULT_BACKGROUND, normalizedColor } from "./colors";
import { checkedArea } from "./coordinates";
import type { DataValidationState } from "./dataValidationState";
import type { Grid } from "./grid";
import { MESSAGES } from "./messages";
import { AUTOMATIC_FORMAT } from "./numberFormats";
import { newProtection } from "./protectionState";
import type { SheetsScope } from "./scope";
import type { SheetModel } from "./sheetModel";

type RangeMethod =
  | "activate"
  | "clear"
  | "clearContent"
  | "clearFormat"
  | "clearNote"
  | "getA1Notation"
  | "getBackground"
  | "getBackgrounds"
  | "getColumn"
  | "getDataValidation"
  | "getDataValidations"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFormula"
  | "getFormulas"
  | "getLastColumn"
  | "getLastRow"
  | "getNote"
  | "getNotes"
  | "getNumColumns"
  | "getNumRows"
  | "getNumberFormat"
  | "getNumberFormats"
  | "getRow"
  | "getSheet"
  | "getValue"
  | "getValues"
  | "offset"
  | "protect"
  | "setBackground"
  | "setBackgrounds"
  | "setDataValidation"
  | "setDataValidations"
  | "setFontColor"
  | "setFontColors"
  | "setFontWeight"
  | "setFontWeights"
  | "setNote"
  | "setNotes"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setValue"
  | "setValues";
export type ScriptRange = Pick<GoogleAppsScript.Spreadsheet.Range, RangeMethod>;

interface ClearOptions {
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  commentsOnly?: boolean;
}

/** Getters that read only the top-left cell of their range. */
const SINGLE_CELL_READS: ReadonlySet<RangeMethod> = new Set<RangeMethod>([
  "getBackground",
  "getDataValidation",
  "getDisplayValue",
  "getFormula",
  "getNote",
  "getNumberFormat",
  "getValue",
]);

/** Writes that change no cell (a protection is a property of the sheet). */
const MOVES_NO_CELLS: ReadonlySet<RangeMethod> = new Set<RangeMethod>(["protect"]);

/** Setting the automatic format, under either of its names, unsets the format. */
function storedFormat(format: string): string | undefined {
  return format === "" || format === AUTOMATIC_FORMAT ? undefined : format;
}

/** The Range object a script gets for `area` of `sheet`. */
export function createRange(scope: SheetsScope, sheet: SheetModel, area: GridArea): GoogleAppsScript.Spreadsheet.Range {
  const { execution } = scope;
  const { row: top, column: left, numRows, numColumns } = area;
  const timeZone = () => sheet.spreadsheet.timeZone;

  /** Counts the call, checks the sheet still exists and still holds the range, then counts the cells it moves. */
  function begin(method: RangeMethod, kind: "read" | "write" | "other"): void {
    execution.call("Range", method, kind, sheet.name);
    scope.requireLive(sheet);
    if (!sheet.contains(area)) throw execution.exception(MESSAGES.outsideSheet);
    if (kind !== "other" && !MOVES_NO_CELLS.has(method)) {
      execution.countCells(kind, SINGLE_CELL_READS.has(method) ? 1 : numRows * numColumns);
    }
  }

  /** A grid of the script's realm, one entry per cell of the range. */
  function cells<T>(cell: (row: number, column: number) => T): T[][] {
    return scope.scriptGrid(numRows, numColumns, (r, c) => cell(top + r, left + c));
  }

  /** Checks that `data` is a 2-D array the size of the range, with Apps Script's errors. */
  function checkShape(method: RangeMethod, data: unknown): asserts data is unknown[][] {
    if (!Array.isArray(data) || !data.every(Array.isArray)) throw scope.signatureMismatch("Range", method, [data]);
    if (data.length !== numRows) throw execution.exception(MESSAGES.rowsMismatch(data.length, numRows));
    for (const row of data as unknown[][]) {
      if (row.length !== numColumns) throw execution.exception(MESSAGES.columnsMismatch(row.length, numColumns));
    }
  }

  function fill<T>(layer: Grid<T>, value: (row: number, column: number) => T | undefined): void {
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) layer.set(top + r, left + c, value(r, c));
    }
  }

  function writeValues(value: (r: number, c: number) => unknown): void {
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) {
        const input = value(r, c);
        if (typeof input === "string" && input.length > MAX_CELL_CHARACTERS) {
          throw execution.exception(MESSAGES.cellTooLong);
        }
      }
    }
    for (let r = 0; r < numRows; r++) {
      for (let c = 0; c < numColumns; c++) {
        const format = sheet.numberFormats.get(top + r, left + c);
        sheet.write(top + r, left + c, writeOfScriptValue(value(r, c), format, timeZone()));
      }
    }
  }

  function text(method: RangeMethod, value: unknown): string {
    if (typeof value !== "string") throw scope.signatureMismatch("Range", method, [value]);
    return value;
  }

  function color(method: RangeMethod, value: unknown): string | undefined {
    if (value !== null && value !== undefined && typeof value !== "string") {
      throw scope.signatureMismatch("Range", method, [value]);
    }
    return normalizedColor(value);
  }

  function validationState(method: RangeMethod, rule: unknown): DataValidationState | undefined {
    if (rule === null) return undefined;
    const state = scope.dataValidationState(rule);
    if (state === null) throw scope.signatureMismatch("Range", method, [rule]);
    return state;
  }

  function note(value: unknown): string | undefined {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Apps Script stringifies any value, an object as "[object Object]"; so does the stand-in.
    return value === null || value === undefined || value === "" ? undefined : String(value);
  }

  const range: ScriptRange = {
    activate() {
      begin("activate", "other");
      sheet.spreadsheet.select(sheet, area);
      return self;
    },
    clear(options?: ClearOptions) {
      begin("clear", "write");
      scope.guardEdit(sheet, area);
      const only = options ?? {};
      const some = only.contentsOnly || only.formatOnly || only.validationsOnly || only.commentsOnly;
      sheet.clear(area, {
        contents: some ? only.contentsOnly === true : true,
        formats: some ? only.formatOnly === true : true,
        notes: only.commentsOnly === true,
        validations: only.validationsOnly === true,
      });
      return self;
    },
    clearContent() {
      begin("clearContent", "write");
      scope.guardEdit(sheet, area);
      sheet.clear(area, { contents: true, formats: false, notes: false, validations: false });
      return self;
    },
    clearFormat() {
      begin("clearFormat", "write");
      scope.guardEdit(sheet, area);
      sheet.clear(area, { contents: false, formats: true, notes: false, validations: false });
      return self;
    },
    clearNote() {
      begin("clearNote", "write");
      scope.guardEdit(sheet, area);
      sheet.clear(area, { contents: false, formats: false, notes: true, validations: false });
      return self;
    },
    getA1Notation() {
      begin("getA1Notation", "other");
      return a1Notation(area);
    },
    getBackground() {
      begin("getBackground", "read");
      return sheet.backgrounds.get(top, left) ?? DEFAULT_BACKGROUND;
    },
    getBackgrounds() {
      begin("getBackgrounds", "read");
      return cells((row, column) => sheet.backgrounds.get(row, column) ?? DEFAULT_BACKGROUND);
    },
    getColumn() {
      begin("getColumn", "other");
      return left;
    },
    getDataValidation() {
      begin("getDataValidation", "read");
      const state = sheet.dataValidations.get(top, left);
      return state === undefined ? null : scope.dataValidation(state);
    },
    getDataValidations() {
      begin("getDataValidations", "read");
      // One script object per distinct rule, as a column of dropdowns shares one rule.
      const objects = new Map<DataValidationState, GoogleAppsScript.Spreadsheet.DataValidation>();
      return cells((row, column) => {
        const state = sheet.dataValidations.get(row, column);
        if (state === undefined) return null;
        let rule = objects.get(state);
        if (rule === undefined) objects.set(state, (rule = scope.dataValidation(state)));
        return rule;
      });
    },
    getDisplayValue() {
      begin("getDisplayValue", "read");
      return displayValue(sheet.values.get(top, left), sheet.numberFormats.get(top, left));
    },
    getDisplayValues() {
      begin("getDisplayValues", "read");
      return cells((row, column) => displayValue(sheet.values.get(row, column), sheet.numberFormats.get(row, column)));
    },
    getFormula() {
      begin("getFormula", "read");
      const value = sheet.values.get(top, left);
      return isFormula(value) ? value.formula : "";
    },
    getFormulas() {
      begin("getFormulas", "read");
      return cells((row, column) => {
        const value = sheet.values.get(row, column);
        return isFormula(value) ? value.formula : "";
      });
    },
    getLastColumn() {
      begin("getLastColumn", "other");
      return left + numColumns - 1;
    },
    getLastRow() {
      begin("getLastRow", "other");
      return top + numRows - 1;
    },
    getNote() {
      begin("getNote", "read");
      return sheet.notes.get(top, left) ?? "";
    },
    getNotes() {
      begin("getNotes", "read");
      return cells((row, column) => sheet.notes.get(row, column) ?? "");
    },
    getNumColumns() {
      begin("getNumColumns", "other");
      return numColumns;
    },
    getNumRows() {
      begin("getNumRows", "other");
      return numRows;
    },
    getNumberFormat() {
      begin("getNumberFormat", "read");
      return sheet.numberFormats.get(top, left) ?? AUTOMATIC_FORMAT;
    },
    getNumberFormats() {
      begin("getNumberFormats", "read");
      return cells((row, column) => sheet.numberFormats.get(row, column) ?? AUTOMATIC_FORMAT);
    },
    getRow() {
      begin("getRow", "other");
      return top;
    },
    getSheet() {
      begin("getSheet", "other");
      return scope.sheet(sheet);
    },
    getValue() {
      begin("getValue", "read");
      const makeDate = (instant: number) => execution.realm.date(instant);
      return readValue(sheet.values.get(top, left), sheet.numberFormats.get(top, left), timeZone(), makeDate);
    },
    getValues() {
      begin("getValues", "read");
      const zone = timeZone();
      const makeDate = (instant: number) => execution.realm.date(instant);
      return cells((row, column) =>
        readValue(sheet.values.get(row, column), sheet.numberFormats.get(row, column), zone, makeDate),
      );
    },
    offset(rowOffset: number, columnOffset: number, ...size: number[]) {
      begin("offset", "other");
      const args = [rowOffset, columnOffset, ...size];
      if (typeof rowOffset !== "number" || typeof columnOffset !== "number") {
        throw scope.signatureMismatch("Range", "offset", args);
      }
      const [height = numRows, width = numColumns] = size;
      return scope.range(
        sheet,
        checkedArea(scope, sheet, "Range", "offset", [top + rowOffset, left + columnOffset, height, width]),
      );
    },
    protect() {
      begin("protect", "write");
      const state = newProtection("RANGE", { ...area }, sheet.spreadsheet.owner, execution.user.email);
      sheet.protections.push(state);
      return scope.protection(sheet, state);
    },
    setBackground(value: string | null) {
      begin("setBackground", "write");
      const background = color("setBackground", value);
      scope.guardEdit(sheet, area);
      fill(sheet.backgrounds, () => background);
      return self;
    },
    setBackgrounds(values: (string | null)[][]) {
      begin("setBackgrounds", "write");
      checkShape("setBackgrounds", values);
      const colors = values.map((row) => row.map((value) => color("setBackgrounds", value)));
      scope.guardEdit(sheet, area);
      fill(sheet.backgrounds, (r, c) => colors[r]![c]);
      return self;
    },
    setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null) {
      begin("setDataValidation", "write");
      const state = validationState("setDataValidation", rule);
      scope.guardEdit(sheet, area);
      fill(sheet.dataValidations, () => state);
      return self;
    },
    setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]) {
      begin("setDataValidations", "write");
      checkShape("setDataValidations", rules);
      const states = rules.map((row) => row.map((rule) => validationState("setDataValidations", rule)));
      scope.guardEdit(sheet, area);
      fill(sheet.dataValidations, (r, c) => states[r]![c]);
      return self;
    },
    setFontColor(value: string | null) {
      begin("setFontColor", "write");
      const fontColor = color("setFontColor", value);
      scope.guardEdit(sheet, area);
      fill(sheet.fontColors, () => fontColor);
      return self;
    },
    setFontColors(values: unknown[][]) {
      begin("setFontColors", "write");
      checkShape("setFontColors", values);
      const colors = values.map((row) => row.map((value) => color("setFontColors", value)));
      scope.guardEdit(sheet, area);
      fill(sheet.fontColors, (r, c) => colors[r]![c]);
      return self;
    },
    setFontWeight(weight: GoogleAppsScript.Spreadsheet.FontWeight | null) {
      begin("setFontWeight", "write");
      if (weight !== null && weight !== "bold" && weight !== "normal") {
        throw scope.signatureMismatch("Range", "setFontWeight", [weight]);
      }
      scope.guardEdit(sheet, area);
      fill(sheet.fontWeights, () => (weight === "bold" ? "bold" : undefined));
      return self;
    },
    setFontWeights(weights: (string | null)[][]) {
      begin("setFontWeights", "write");
      checkShape("setFontWeights", weights);
      for (const weight of weights.flat()) {
        if (weight !== null && weight !== "bold" && weight !== "normal") {
          throw scope.signatureMismatch("Range", "setFontWeights", [weights]);
        }
      }
      scope.guardEdit(sheet, area);
      fill(sheet.fontWeights, (r, c) => (weights[r]![c] === "bold" ? "bold" : undefined));
      return self;
    },
    setNote(value: string | null) {
      begin("setNote", "write");
      scope.guardEdit(sheet, area);
      fill(sheet.notes, () => note(value));
      return self;
    },
    setNotes(values: (string | null)[][]) {
      begin("setNotes", "write");
      checkShape("setNotes", values);
      scope.guardEdit(sheet, area);
      fill(sheet.notes, (r, c) => note(values[r]![c]));
      return self;
    },
    setNumberFormat(format: string) {
      begin("setNumberFormat", "write");
      const stored = storedFormat(text("setNumberFormat", format));
      scope.guardEdit(sheet, area);
      fill(sheet.numberFormats, () => stored);
      return self;
    },
    setNumberFormats(formats: string[][]) {
      begin("setNumberFormats", "write");
      checkShape("setNumberFormats", formats);
      const stored = formats.map((row) => row.map((format) => storedFormat(text("setNumberFormats", format))));
      scope.guardEdit(sheet, area);
      fill(sheet.numberFormats, (r, c) => stored[r]![c]);
      return self;
    },
    setValue(value: unknown) {
      begin("setValue", "write");
      scope.guardEdit(sheet, area);
      writeValues(() => value);
      return self;
    },
    setValues(values: unknown[][]) {
      begin("setValues", "write");
      checkShape("setValues", values);
      scope.guardEdit(sheet, area);
      writeValues((r, c) => values[r]![c]);
      return self;
    },
  };
  // The object has only the methods above; calling any other fails as "is not a function".
  const self = range as GoogleAppsScript.Spreadsheet.Range;
  return self;
}
