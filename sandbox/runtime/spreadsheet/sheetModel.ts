import { areaAfterDelete, areaAfterInsert, areasIntersect, type Axis, type GridArea } from "./area";
import {
  MAX_CELL_CHARACTERS,
  displayValue,
  isFormula,
  readValue,
  textLength,
  writeOfScriptValue,
  type CellWrite,
  type StoredValue,
} from "./cells";
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from "./colors";
import type { ConditionalFormatRuleState } from "./conditionalFormatState";
import type { DataValidationState } from "./dataValidationState";
import { Grid } from "./grid";
import { MESSAGES } from "./messages";
import { AUTOMATIC_FORMAT } from "./numberFormats";
import { mayEdit, type ProtectionState } from "./protectionState";

/** Sheets' size for a new sheet. */
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;

export type FontWeightName = "bold" | "normal";

/** Everything about one cell, for tests and tools (Dates are Node's own). */
export interface HostCell {
  /** What `getValues()` gives: `''` when empty, a Date for a date cell, `#NAME?` for a formula. */
  value: string | number | boolean | Date;
  /** The formula, or `''`. */
  formula: string;
  displayValue: string;
  numberFormat: string;
  note: string;
  background: string;
  fontColor: string;
  fontWeight: FontWeightName;
  dataValidation: DataValidationState | null;
}

export interface SheetSnapshot {
  id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  values: (StoredValue | null)[][];
  numberFormats: (string | null)[][];
  notes: (string | null)[][];
  backgrounds: (string | null)[][];
  fontColors: (string | null)[][];
  fontWeights: ("bold" | null)[][];
  /** Each distinct rule once, and per cell the index of its rule. */
  dataValidations: { rules: DataValidationState[]; cells: (number | null)[][] };
  conditionalFormatRules: ConditionalFormatRuleState[];
  protections: ProtectionState[];
}

export interface NewSheet {
  id: number;
  name: string;
  maxRows?: number;
  maxColumns?: number;
}

/**
 * The spreadsheet holding a sheet, as a sheet and the objects made for it see it:
 * spreadsheetModel.ts's SpreadsheetModel, named here by what they use of it so that the two
 * models do not import each other.
 */
export interface SheetHost {
  readonly id: string;
  /** The owner's email: always an editor of every protection. */
  readonly owner: string;
  readonly timeZone: string;
  /** Whether the sheet is still one of the spreadsheet's, not deleted. */
  isLive(sheet: SheetModel): boolean;
  select(sheet: SheetModel, area: GridArea | null): void;
}

/** One tab of a spreadsheet: its grid, its cells' layers, rules and protections. */
export class SheetModel {
  readonly id: number;
  name: string;
  maxRows: number;
  maxColumns: number;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  values = new Grid<StoredValue>();
  /** Unset means the automatic format. */
  numberFormats = new Grid<string>();
  notes = new Grid<string>();
  backgrounds = new Grid<string>();
  fontColors = new Grid<string>();
  fontWeights = new Grid<"bold">();
  dataValidations = new Grid<DataValidationState>();
  conditionalFormatRules: ConditionalFormatRuleState[] = [];
  protections: ProtectionState[] = [];

  constructor(
    readonly spreadsheet: SheetHost,
    { id, name, maxRows = DEFAULT_MAX_ROWS, maxColumns = DEFAULT_MAX_COLUMNS }: NewSheet,
  ) {
    this.id = id;
    this.name = name;
    this.maxRows = maxRows;
    this.maxColumns = maxColumns;
  }

  /** The layers that are formatting: what `clearFormat()` resets and inserted rows inherit. */
  private formatLayers(): Grid<unknown>[] {
    return [this.numberFormats, this.backgrounds, this.fontColors, this.fontWeights];
  }

  private layers(): Grid<unknown>[] {
    return [this.values, this.notes, this.dataValidations, ...this.formatLayers()];
  }

  /** The last row with a value or formula, or 0 (formats and notes do not count, as in Sheets). */
  lastRow(): number {
    return this.values.lastRow();
  }

  lastColumn(): number {
    return this.values.lastColumn();
  }

  /** The area from A1 to the last row and column with content; A1 alone on an empty sheet. */
  dataArea(): GridArea {
    return { row: 1, column: 1, numRows: Math.max(1, this.lastRow()), numColumns: Math.max(1, this.lastColumn()) };
  }

  contains(area: GridArea): boolean {
    return (
      area.row >= 1 &&
      area.column >= 1 &&
      area.row + area.numRows - 1 <= this.maxRows &&
      area.column + area.numColumns - 1 <= this.maxColumns
    );
  }

  write(row: number, column: number, write: CellWrite): void {
    this.values.set(row, column, write.value);
    if (write.numberFormat !== undefined) this.numberFormats.set(row, column, write.numberFormat);
  }

  /** Clears what is asked of the cells of `area`. */
  clear(area: GridArea, what: { contents: boolean; formats: boolean; notes: boolean; validations: boolean }): void {
    if (what.contents) this.values.clear(area);
    if (what.formats) for (const layer of this.formatLayers()) layer.clear(area);
    if (what.notes) this.notes.clear(area);
    if (what.validations) this.dataValidations.clear(area);
  }

  /**
   * The protection that stops `email` from editing, or undefined. Without an area only sheet
   * protections count (renaming, inserting rows); with one, range protections over it count too.
   */
  blockingProtection(email: string, area?: GridArea): ProtectionState | undefined {
    const owner = this.spreadsheet.owner;
    return this.protections.find(
      (protection) =>
        !mayEdit(protection, owner, email) &&
        (protection.area === null || (area !== undefined && areasIntersect(protection.area, area))),
    );
  }

  /**
   * Inserts `count` rows before row `before`. The new rows take the formatting and data
   * validation of row `inheritFrom` (counted before the insertion), as Sheets' new rows take
   * their neighbour's.
   */
  insertRows(before: number, count: number, inheritFrom: number | null): void {
    for (const layer of this.layers()) layer.insertRows(before, count);
    const source = inheritFrom === null ? null : inheritFrom >= before ? inheritFrom + count : inheritFrom;
    if (source !== null) {
      for (const layer of [...this.formatLayers(), this.dataValidations]) {
        for (let row = before; row < before + count; row++) layer.copyRow(source, row);
      }
    }
    this.maxRows += count;
    if (before <= this.frozenRows) this.frozenRows += count;
    this.moveAreas((area) => areaAfterInsert(area, "rows", before, count));
  }

  /** Deletes `count` rows from row `first`; the caller has checked the bounds. */
  deleteRows(first: number, count: number): void {
    for (const layer of this.layers()) layer.deleteRows(first, count);
    this.maxRows -= count;
    this.frozenRows -= Math.max(0, Math.min(this.frozenRows, first + count - 1) - first + 1);
    this.moveAreas((area) => areaAfterDelete(area, "rows", first, count));
  }

  insertColumns(before: number, count: number, inheritFrom: number | null): void {
    for (const layer of this.layers()) layer.insertColumns(before, count);
    const source = inheritFrom === null ? null : inheritFrom >= before ? inheritFrom + count : inheritFrom;
    if (source !== null) {
      for (const layer of [...this.formatLayers(), this.dataValidations]) {
        for (let column = before; column < before + count; column++) layer.copyColumn(source, column);
      }
    }
    this.maxColumns += count;
    if (before <= this.frozenColumns) this.frozenColumns += count;
    this.moveAreas((area) => areaAfterInsert(area, "columns", before, count));
  }

  deleteColumns(first: number, count: number): void {
    for (const layer of this.layers()) layer.deleteColumns(first, count);
    this.maxColumns -= count;
    this.frozenColumns -= Math.max(0, Math.min(this.frozenColumns, first + count - 1) - first + 1);
    this.moveAreas((area) => areaAfterDelete(area, "columns", first, count));
  }

  /**
   * Why deleting these lines is refused, or null. Sheets keeps at least one line that is not frozen.
   */
  deletionProblem(axis: Axis, first: number, count: number): string | null {
    const max = axis === "rows" ? this.maxRows : this.maxColumns;
    const frozen = axis === "rows" ? this.frozenRows : this.frozenColumns;
    if (first < 1 || count < 1 || first + count - 1 > max) {
      return axis === "rows" ? MESSAGES.rowsOutOfBounds : MESSAGES.columnsOutOfBounds;
    }
    const deletedUnfrozen = Math.max(0, first + count - Math.max(first, frozen + 1));
    if (deletedUnfrozen >= max - frozen) return axis === "rows" ? MESSAGES.deleteAllRows : MESSAGES.deleteAllColumns;
    return null;
  }

  /** Moves rule ranges and range protections with the grid; what lost all its cells goes. */
  private moveAreas(move: (area: GridArea) => GridArea | null): void {
    this.conditionalFormatRules = this.conditionalFormatRules.flatMap((rule) => {
      const ranges = rule.ranges.map(move).filter((area): area is GridArea => area !== null);
      return ranges.length > 0 ? [{ ...rule, ranges }] : [];
    });
    this.protections = this.protections.filter((protection) => {
      if (protection.area === null) return true;
      const area = move(protection.area);
      if (area !== null) protection.area = area;
      return area !== null;
    });
  }

  // ---- Host side: for tests and tools, never seen by the script --------------------------------

  /** One cell with everything about it. */
  cellAt(row: number, column: number): HostCell {
    const value = this.values.get(row, column);
    const numberFormat = this.numberFormats.get(row, column);
    return {
      value: readValue(value, numberFormat, this.spreadsheet.timeZone, (instant) => new Date(instant)),
      formula: isFormula(value) ? value.formula : "",
      displayValue: displayValue(value, numberFormat),
      numberFormat: numberFormat ?? AUTOMATIC_FORMAT,
      note: this.notes.get(row, column) ?? "",
      background: this.backgrounds.get(row, column) ?? DEFAULT_BACKGROUND,
      fontColor: this.fontColors.get(row, column) ?? DEFAULT_FONT_COLOR,
      fontWeight: this.fontWeights.get(row, column) ?? "normal",
      dataValidation: this.dataValidations.get(row, column) ?? null,
    };
  }

  /** What `getDataRange().getValues()` gives, with Node's own Dates. */
  valuesForHost(): (string | number | boolean | Date)[][] {
    const { numRows, numColumns } = this.dataArea();
    const timeZone = this.spreadsheet.timeZone;
    return rowsOf(numRows, numColumns, (row, column) =>
      readValue(this.values.get(row, column), this.numberFormats.get(row, column), timeZone, (ms) => new Date(ms)),
    );
  }

  /** What `getDataRange().getDisplayValues()` gives. */
  displayValuesForHost(): string[][] {
    const { numRows, numColumns } = this.dataArea();
    return rowsOf(numRows, numColumns, (row, column) =>
      displayValue(this.values.get(row, column), this.numberFormats.get(row, column)),
    );
  }

  /** Enters text into a cell as a person typing it would (see parseTypedInput); the cell must exist. */
  typeInto(row: number, column: number, text: string): void {
    if (!this.contains({ row, column, numRows: 1, numColumns: 1 })) {
      throw new Error(
        `Cell (${row}, ${column}) is outside "${this.name}", which has ${this.maxRows} rows and ${this.maxColumns} columns.`,
      );
    }
    const write = writeOfScriptValue(text, this.numberFormats.get(row, column), this.spreadsheet.timeZone);
    if (textLength(write.value) > MAX_CELL_CHARACTERS) throw new Error(MESSAGES.cellTooLong);
    this.write(row, column, write);
  }

  /** Pastes rows of text from (row, column) on, as typed input; the grid grows to fit, as a paste makes it. */
  typeRows(row: number, column: number, rows: readonly (readonly string[])[]): void {
    const width = Math.max(0, ...rows.map((cells) => cells.length));
    const lastRow = row + rows.length - 1;
    const lastColumn = column + width - 1;
    if (lastRow > this.maxRows) this.insertRows(this.maxRows + 1, lastRow - this.maxRows, this.maxRows);
    if (lastColumn > this.maxColumns) {
      this.insertColumns(this.maxColumns + 1, lastColumn - this.maxColumns, this.maxColumns);
    }
    rows.forEach((cells, i) => cells.forEach((text, j) => this.typeInto(row + i, column + j, text)));
  }

  snapshot(): SheetSnapshot {
    const ruleIndex = new Map<DataValidationState, number>();
    const validationCells = this.dataValidations.toJSON().map((cells) =>
      cells.map((rule) => {
        if (rule === null) return null;
        if (!ruleIndex.has(rule)) ruleIndex.set(rule, ruleIndex.size);
        return ruleIndex.get(rule)!;
      }),
    );
    return structuredClone({
      id: this.id,
      name: this.name,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      frozenRows: this.frozenRows,
      frozenColumns: this.frozenColumns,
      hidden: this.hidden,
      values: this.values.toJSON(),
      numberFormats: this.numberFormats.toJSON(),
      notes: this.notes.toJSON(),
      backgrounds: this.backgrounds.toJSON(),
      fontColors: this.fontColors.toJSON(),
      fontWeights: this.fontWeights.toJSON(),
      dataValidations: { rules: [...ruleIndex.keys()], cells: validationCells },
      conditionalFormatRules: this.conditionalFormatRules,
      protections: this.protections,
    });
  }

  static fromSnapshot(spreadsheet: SheetHost, snapshot: SheetSnapshot): SheetModel {
    const copy = structuredClone(snapshot);
    const sheet = new SheetModel(spreadsheet, copy);
    sheet.frozenRows = copy.frozenRows;
    sheet.frozenColumns = copy.frozenColumns;
    sheet.hidden = copy.hidden;
    sheet.values = Grid.fromJSON(copy.values);
    sheet.numberFormats = Grid.fromJSON(copy.numberFormats);
    sheet.notes = Grid.fromJSON(copy.notes);
    sheet.backgrounds = Grid.fromJSON(copy.backgrounds);
    sheet.fontColors = Grid.fromJSON(copy.fontColors);
    sheet.fontWeights = Grid.fromJSON(copy.fontWeights);
    const { rules, cells } = copy.dataValidations;
    sheet.dataValidations = Grid.fromJSON(
      cells.map((row) => row.map((index) => (index === null ? null : rules[index]!))),
    );
    sheet.conditionalFormatRules = copy.conditionalFormatRules;
    sheet.protections = copy.protections;
    return sheet;
  }
}

function rowsOf<T>(numRows: number, numColumns: number, cell: (row: number, column: number) => T): T[][] {
  const rows: T[][] = [];
  for (let row = 1; row <= numRows; row++) {
    const cells: T[] = [];
    for (let column = 1; column <= numColumns; column++) cells.push(cell(row, column));
    rows.push(cells);
  }
  return rows;
}
