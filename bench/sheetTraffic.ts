import type { ServiceCall } from "../sandbox/runtime/execution";
import { Grid } from "../sandbox/runtime/spreadsheet/grid";
import { SheetModel } from "../sandbox/runtime/spreadsheet/sheetModel";
import type { SpreadsheetStore } from "../sandbox/runtime/spreadsheet/store";
import type { CellWrite, StoredValue } from "../sandbox/runtime/spreadsheet/cells";
import { RECORDS_SHEET_NAME } from "../src/appsscript/recordsSheet";

/**
 * What the runtime's cell counts leave out, measured in one execution: `appendRow` writes its
 * row's cells (the runtime counts none), and a cell's cost grows with its text, so the characters
 * read from and written to the records sheet (whose cells hold up to 50,000 characters each) and
 * the characters read from any sheet are counted too. Counted where the emulated spreadsheet
 * stores and hands over values, without changing the runtime.
 */
export interface SheetTraffic {
  /** Cells written by Sheet.appendRow. */
  appendRowCells: number;
  /** Characters of the values the records sheet handed over, and was given. */
  recordsCharsRead: number;
  recordsCharsWritten: number;
  /** Characters of the values every sheet handed over (numbers as their digits). */
  charsRead: number;
}

export function emptyTraffic(): SheetTraffic {
  return { appendRowCells: 0, recordsCharsRead: 0, recordsCharsWritten: 0, charsRead: 0 };
}

/** Characters of a stored value as text (a formula's value is read as its error, `#NAME?`). */
export function valueChars(value: StoredValue | undefined): number {
  if (value === undefined) return 0;
  if (typeof value === "string") return value.length;
  if (typeof value === "object") return "#NAME?".length;
  return String(value).length;
}

interface CallInProgress {
  call: ServiceCall;
  /** The values layer of each sheet of the spreadsheet, with whether it is the records sheet. */
  grids: Map<Grid<unknown>, boolean>;
}

type GridGet = (this: Grid<unknown>, row: number, column: number) => unknown;
type SheetWrite = (this: SheetModel, row: number, column: number, cell: CellWrite) => void;
/** The two methods the meter wraps, as properties it can swap. */
const gridMethods = Grid.prototype as unknown as { get: GridGet };
const sheetMethods = SheetModel.prototype as unknown as { write: SheetWrite };

/**
 * Counts SheetTraffic per execution. `beforeCall` goes to the runtime's option of that name; the
 * counting hooks are installed by `start` and removed by `stop`, so only measured executions
 * pay for them.
 */
export class SheetTrafficMeter {
  traffic: SheetTraffic = emptyTraffic();
  private current: CallInProgress | null = null;
  private restore: (() => void) | null = null;

  constructor(
    private readonly store: SpreadsheetStore,
    private readonly spreadsheetId: string,
  ) {}

  readonly beforeCall = (call: ServiceCall): void => {
    if (this.restore === null) return;
    const spreadsheet = this.store.get(this.spreadsheetId);
    const grids = new Map<Grid<unknown>, boolean>();
    for (const sheet of spreadsheet?.sheets ?? []) grids.set(sheet.values, sheet.name === RECORDS_SHEET_NAME);
    this.current = { call, grids };
  };

  start(): void {
    this.traffic = emptyTraffic();
    this.current = null;
    const originalGet = gridMethods.get;
    const originalWrite = sheetMethods.write;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the wrapped methods need both their own `this` and the meter.
    const meter = this;
    gridMethods.get = function get(row, column) {
      const value = originalGet.call(this, row, column);
      const current = meter.current;
      if (current !== null && current.call.kind === "read") {
        const records = current.grids.get(this);
        if (records !== undefined) {
          const chars = valueChars(value as StoredValue | undefined);
          meter.traffic.charsRead += chars;
          if (records) meter.traffic.recordsCharsRead += chars;
        }
      }
      return value;
    };
    sheetMethods.write = function write(row, column, cell) {
      const current = meter.current;
      if (current !== null) {
        if (current.call.service === "Sheet" && current.call.method === "appendRow") meter.traffic.appendRowCells += 1;
        if (this.name === RECORDS_SHEET_NAME) meter.traffic.recordsCharsWritten += valueChars(cell.value);
      }
      originalWrite.call(this, row, column, cell);
    };
    this.restore = () => {
      gridMethods.get = originalGet;
      sheetMethods.write = originalWrite;
    };
  }

  stop(): SheetTraffic {
    this.restore?.();
    this.restore = null;
    this.current = null;
    return this.traffic;
  }
}
