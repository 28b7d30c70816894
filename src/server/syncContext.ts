import type { LogEntry } from "../core/log/logEntry";
import type { CellValue } from "../core/roster/model";
import type { StatusWrite } from "../core/sheet/statusColumns";
import type { Connection } from "../core/state/connection";
import type { Records } from "../core/state/records";
import type { FingerprintKey } from "../core/sync/fingerprint";
import type { VitableClient } from "../vitable/client";

/**
 * What one execution of a sync works with. The sync pipeline (src/server/sync/) reaches the
 * tab, the records, the log, Vitable, the clock, sleep and the lock only through this object, so
 * its steps run with in-memory fakes in unit tests and over Apps Script services in the add-on
 * (context.ts builds that one).
 */
export interface SyncContext {
  spreadsheetId: string;
  timeZone: string;
  /** Who is acting: the user's email, or the schedule's owner. */
  user: string;
  /** When this execution started, epoch ms: every time budget counts from it. */
  startedAt: number;
  records: Records;
  connection: Connection | null;
  /** The key of member fingerprints in this spreadsheet's records (recordsKey.ts). */
  fingerprintKey: FingerprintKey;
  /** Epoch ms. */
  now(): number;
  /** Waits, blocking the execution, as Utilities.sleep does. */
  sleep(ms: number): void;
  /** Today in the spreadsheet's time zone, YYYY-MM-DD. */
  today(): string;
  /** The Vitable client for the saved key; throws a sentence when there is none. */
  vitable(): VitableClient;
  /** The tab with this sheet ID; null once it has been deleted. */
  tab(sheetId: number): RosterTab | null;
  log: SyncLog;
  lock: DocumentLock;
}

/** One tab of the spreadsheet, as a sync reads and writes it. */
export interface RosterTab {
  readonly sheetId: number;
  name(): string;
  /** Every value of the tab, in one read. */
  values(): CellValue[][];
  /**
   * The header row (1-based `headerRow`) and, below it, only the columns `pick` chooses from it
   * (0-based; null: every column), blank elsewhere. Without it, the tab is read whole. With
   * `freshHeader`, the whole header row is read again, never taken from an earlier read.
   */
  columnValues?(
    headerRow: number,
    pick: (header: readonly CellValue[]) => number[] | null,
    freshHeader?: boolean,
  ): CellValue[][];
  writeStatuses(write: StatusWrite): void;
  /** Marks invalid cells (1-based) light red while their row's status (in `statusColumn`) is Invalid. */
  markInvalid(cells: readonly { row: number; column: number }[], statusColumn: number): void;
}

/**
 * The Vitable Sync Log tab: written, never read back as data (users can edit it). Rows up to
 * `reservedUpTo` may be promised to outcomes a stopped run has yet to write: entries go below
 * them, and old rows are trimmed (which moves rows) only while nothing is reserved (0).
 */
export interface SyncLog {
  append(entries: readonly LogEntry[], reservedUpTo: number): void;
  /** The row the next appended entry would take. */
  nextRow(reservedUpTo: number): number;
  /** Writes `entry` at `row`, replacing what is there, so writing it again leaves one row. */
  writeAt(row: number, entry: LogEntry): void;
}

/** The spreadsheet's document lock; a scheduled run may have none, and then always gets it. */
export interface DocumentLock {
  tryLock(waitMs: number): boolean;
  release(): void;
  /** Applies pending spreadsheet writes before the lock is let go. */
  flush(): void;
}
