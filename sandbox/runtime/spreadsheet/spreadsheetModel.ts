import { randomInt } from "node:crypto";
import type { GridArea } from "./area";
import { SheetModel, type SheetHost, type SheetSnapshot } from "./sheetModel";

/** The only locale the sandbox formats for. */
export const SPREADSHEET_LOCALE = "en_US";

export interface SpreadsheetSnapshot {
  id: string;
  name: string;
  timeZone: string;
  owner: string;
  activeSheetId: number;
  /** The selection on the active sheet; null is its cell A1. */
  activeRange: GridArea | null;
  sheets: SheetSnapshot[];
}

interface SpreadsheetFields {
  id: string;
  name: string;
  timeZone: string;
  owner: string;
}

/** One spreadsheet file: its tabs in order, its time zone, and what its user has selected. */
export class SpreadsheetModel implements SheetHost {
  readonly id: string;
  name: string;
  timeZone: string;
  readonly locale = SPREADSHEET_LOCALE;
  /** The owner's email: always an editor of every protection. */
  readonly owner: string;
  sheets: SheetModel[] = [];
  activeSheetId = 0;
  activeRange: GridArea | null = null;

  private constructor({ id, name, timeZone, owner }: SpreadsheetFields) {
    this.id = id;
    this.name = name;
    this.timeZone = timeZone;
    this.owner = owner;
  }

  /** A new spreadsheet: one sheet, "Sheet1", whose ID is 0 as in Sheets. */
  static create(fields: SpreadsheetFields): SpreadsheetModel {
    const spreadsheet = new SpreadsheetModel(fields);
    spreadsheet.sheets.push(new SheetModel(spreadsheet, { id: 0, name: "Sheet1" }));
    return spreadsheet;
  }

  static fromSnapshot(snapshot: SpreadsheetSnapshot): SpreadsheetModel {
    const spreadsheet = new SpreadsheetModel(snapshot);
    spreadsheet.sheets = snapshot.sheets.map((sheet) => SheetModel.fromSnapshot(spreadsheet, sheet));
    spreadsheet.activeSheetId = snapshot.activeSheetId;
    spreadsheet.activeRange = snapshot.activeRange && { ...snapshot.activeRange };
    return spreadsheet;
  }

  get url(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }

  sheetById(id: number): SheetModel | null {
    return this.sheets.find((sheet) => sheet.id === id) ?? null;
  }

  /** Sheet names are unique regardless of case, and found regardless of case. */
  sheetByName(name: string): SheetModel | null {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted) ?? null;
  }

  isNameTaken(name: string, by?: SheetModel): boolean {
    const holder = this.sheetByName(name);
    return holder !== null && holder !== by;
  }

  /** "Sheet2", "Sheet3" …: the first such name not in use. */
  defaultSheetName(): string {
    let n = 1;
    while (this.isNameTaken(`Sheet${n}`)) n++;
    return `Sheet${n}`;
  }

  /** Adds a sheet at a 0-based position, with a new random ID as Sheets gives. */
  addSheet(name: string, position: number): SheetModel {
    let id = randomInt(1, 2 ** 31 - 1);
    while (this.sheetById(id) !== null) id = randomInt(1, 2 ** 31 - 1);
    const sheet = new SheetModel(this, { id, name });
    this.sheets.splice(Math.max(0, Math.min(position, this.sheets.length)), 0, sheet);
    return sheet;
  }

  /** Removes a sheet; the selection moves to the first sheet if it was there. */
  removeSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheetId === sheet.id) this.select(this.sheets[0]!, null);
  }

  isLive(sheet: SheetModel): boolean {
    return this.sheets.includes(sheet);
  }

  /** The sheet the user is on: the selected one, else the first. */
  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets[0]!;
  }

  /** The selection on the active sheet, A1 when there is none or the grid shrank under it. */
  activeArea(): GridArea {
    const area = this.activeRange;
    return area !== null && this.activeSheet().contains(area) ? area : { row: 1, column: 1, numRows: 1, numColumns: 1 };
  }

  select(sheet: SheetModel, area: GridArea | null): void {
    this.activeSheetId = sheet.id;
    this.activeRange = area && { ...area };
  }

  snapshot(): SpreadsheetSnapshot {
    return {
      id: this.id,
      name: this.name,
      timeZone: this.timeZone,
      owner: this.owner,
      activeSheetId: this.activeSheetId,
      activeRange: this.activeRange && { ...this.activeRange },
      sheets: this.sheets.map((sheet) => sheet.snapshot()),
    };
  }
}
