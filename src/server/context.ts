import { openLog } from "../appsscript/logTab";
import { openRecords } from "../appsscript/recordsSheet";
import { documentRecordsSecret, scheduledRecordsSecret, type RecordsSecret } from "../appsscript/recordsKey";
import { applyStatusWrite, markInvalidCells, readTabColumns, readTabValues } from "../appsscript/rosterTab";
import { urlFetchTransport } from "../appsscript/urlFetchTransport";
import { loadConnection, loadScheduleCopy } from "../appsscript/connectionStore";
import type { CellValue } from "../core/roster/model";
import type { Connection } from "../core/state/connection";
import { logHeaderZoneOf, saveLogHeaderZone } from "../core/state/logHeaderZone";
import type { Records } from "../core/state/records";
import { signedRecords } from "../core/state/signedRecords";
import { sharedKeyOf, usableScheduleKey } from "../core/state/sharedKey";
import { createVitableClient, type VitableClient } from "../vitable/client";
import { VITABLE_BASE_URLS } from "../vitable/environments";
import { NOT_CONNECTED, RECORDS_SECRET_MISSING, TAB_GONE, UNNAMED_USER } from "../messages/sync";
import { AddonError } from "./addonError";
import { tabCache } from "./tabCache";
import type { DocumentLock, RosterTab, SyncContext } from "./syncContext";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Everything one execution of the add-on works with, for one spreadsheet: the sync's context
 * over Apps Script services, plus the spreadsheet for the flows outside the sync pipeline
 * (links, headers, the sidebar's state). This file is the only place in src/server that reads
 * the clock or sleeps.
 */
export interface AddonContext extends SyncContext {
  spreadsheet: Spreadsheet;
  /** The tab the user has open. */
  activeSheet(): Sheet;
  /** A tab as the sync pipeline sees it, its ID and name asked once. */
  tabOf(sheet: Sheet): RosterTab;
  /** The tab with this sheet ID, or null once it has been deleted. */
  sheetById(sheetId: number): Sheet | null;
}

function activeUserEmail(): string {
  return Session.getActiveUser().getEmail() || UNNAMED_USER;
}

export function clientFor(connection: Connection): VitableClient {
  return createVitableClient({
    transport: urlFetchTransport,
    apiKey: connection.apiKey,
    baseUrl: VITABLE_BASE_URLS[connection.environment],
    sleep: (ms) => Utilities.sleep(ms),
    now: () => Date.now(),
    random: Math.random,
  });
}

/**
 * Rows of a tab read kept for the rest of the execution: a header row further down is read again
 * at write-back. The rest of the grid, tens of thousands of rows, is let go once the roster is read.
 */
const KEPT_HEADER_ROWS = 50;

/**
 * A tab as the sync pipeline sees it; its sheet ID is asked unless known. With `reads`, the top
 * rows it read (KEPT_HEADER_ROWS) are kept by sheet ID for the rest of the execution, so that a
 * write-back reads the header row only with the columns it needs.
 */
export function rosterTabOf(
  sheet: Sheet,
  sheetId = sheet.getSheetId(),
  reads: Map<number, CellValue[][]> = new Map(),
): RosterTab {
  return {
    sheetId,
    name: () => sheet.getName(),
    values() {
      const values = readTabValues(sheet);
      reads.set(sheetId, values.slice(0, KEPT_HEADER_ROWS));
      return values;
    },
    columnValues: (headerRow, pick, freshHeader) =>
      readTabColumns(sheet, headerRow, pick, freshHeader === true ? undefined : reads.get(sheetId)?.[headerRow - 1]),
    writeStatuses: (write) => applyStatusWrite(sheet, write),
    markInvalid: (cells, statusColumn) => markInvalidCells(sheet, cells, statusColumn),
  };
}

function documentLock(): DocumentLock {
  // A time-driven trigger may run without a document, and so without its lock.
  const lock = LockService.getDocumentLock();
  return {
    tryLock: (waitMs) => lock === null || lock.tryLock(waitMs),
    release: () => lock?.releaseLock(),
    flush: () => SpreadsheetApp.flush(),
  };
}

/** `read`'s value, read on first use only. */
function once<T>(read: () => T): () => T {
  let value: { read: T } | null = null;
  return () => (value ??= { read: read() }).read;
}

/**
 * Nothing is read before it is used: a call the sidebar makes every few seconds (getActiveTab)
 * must not pay for the time zone, the key or the records it does not need.
 */
function contextFor(
  spreadsheet: Spreadsheet,
  user: string,
  loadKey: (spreadsheetId: string, records: Records) => Connection | null,
  loadSecret: () => RecordsSecret | null,
  startedAt: number,
): AddonContext {
  const spreadsheetId = once(() => spreadsheet.getId());
  const timeZone = once(() => spreadsheet.getSpreadsheetTimeZone());
  const secret = once(loadSecret);
  const records = signedRecords(
    openRecords(spreadsheet),
    () => secret()?.signer ?? null,
    () => new AddonError(RECORDS_SECRET_MISSING),
  );
  const connection = once(() => loadKey(spreadsheetId(), records));
  const tabs = tabCache(spreadsheet, rosterTabOf);
  let client: VitableClient | null = null;
  return {
    spreadsheet,
    get spreadsheetId() {
      return spreadsheetId();
    },
    get timeZone() {
      return timeZone();
    },
    records,
    user,
    startedAt,
    get connection() {
      return connection();
    },
    get fingerprintKey() {
      const key = secret()?.fingerprintKey;
      if (key === undefined) throw new AddonError(RECORDS_SECRET_MISSING);
      return key;
    },
    now: () => Date.now(),
    sleep(ms) {
      Utilities.sleep(ms);
      tabs.forget();
    },
    today: () => Utilities.formatDate(new Date(Date.now()), timeZone(), "yyyy-MM-dd"),
    vitable() {
      const key = connection();
      if (key === null) throw new AddonError(NOT_CONNECTED);
      client ??= clientFor(key);
      return client;
    },
    tab(sheetId) {
      const sheet = tabs.sheetById(sheetId);
      return sheet === null ? null : tabs.tabOf(sheet, sheetId);
    },
    activeSheet: () => tabs.activeSheet(),
    tabOf: (sheet) => tabs.tabOf(sheet),
    sheetById: (sheetId) => tabs.sheetById(sheetId),
    log: openLog(
      spreadsheet,
      timeZone,
      { writtenFor: () => logHeaderZoneOf(records), remember: (zone) => saveLogHeaderZone(records, zone) },
      () => tabs.activeSheet(),
    ),
    lock: documentLock(),
  };
}

/** The context of a menu click or sidebar call: the spreadsheet the user has open. */
export function interactiveContext(): AddonContext {
  const startedAt = Date.now();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return contextFor(spreadsheet, activeUserEmail(), loadConnection, documentRecordsSecret, startedAt);
}

/** The context of a scheduled run, which opens the spreadsheet it was set up for. */
export function scheduledContext(spreadsheetId: string, owner: string): AddonContext {
  const startedAt = Date.now();
  const spreadsheet = SpreadsheetApp.openById(spreadsheetId);
  return contextFor(
    spreadsheet,
    owner,
    // The owner's key or the shared one when the trigger can read it, else the schedule's copy.
    (id, records) => loadConnection(id) ?? usableScheduleKey(loadScheduleCopy(id), sharedKeyOf(records)),
    () => scheduledRecordsSecret(spreadsheetId),
    startedAt,
  );
}

/** The tab with this sheet ID, or a sentence saying it is gone. */
export function tabById(context: AddonContext, sheetId: number): Sheet {
  const sheet = context.sheetById(sheetId);
  if (sheet === null) throw new AddonError(TAB_GONE);
  return sheet;
}
