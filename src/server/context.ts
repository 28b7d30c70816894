import { appendLogEntries, nextLogRow, writeLogEntryAt } from "../appsscript/logTab";
import { openRecords } from "../appsscript/recordsSheet";
import { applyStatusWrite, markInvalidCells, readTabValues } from "../appsscript/rosterTab";
import { urlFetchTransport } from "../appsscript/urlFetchTransport";
import { loadConnection, loadScheduleConnection } from "../appsscript/connectionStore";
import type { Connection } from "../core/state/connection";
import { createVitableClient, type VitableClient } from "../vitable/client";
import { VITABLE_BASE_URLS } from "../vitable/environments";
import { NOT_CONNECTED, TAB_GONE, UNNAMED_USER } from "../messages/sync";
import { AddonError } from "./addonError";
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

/** A tab as the sync pipeline sees it. */
export function rosterTabOf(sheet: Sheet): RosterTab {
  return {
    sheetId: sheet.getSheetId(),
    name: () => sheet.getName(),
    values: () => readTabValues(sheet),
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

function contextFor(
  spreadsheet: Spreadsheet,
  user: string,
  connection: Connection | null,
  startedAt: number,
): AddonContext {
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  let client: VitableClient | null = null;
  return {
    spreadsheet,
    spreadsheetId: spreadsheet.getId(),
    timeZone,
    records: openRecords(spreadsheet),
    user,
    startedAt,
    connection,
    now: () => Date.now(),
    sleep: (ms) => Utilities.sleep(ms),
    today: () => Utilities.formatDate(new Date(Date.now()), timeZone, "yyyy-MM-dd"),
    vitable() {
      if (connection === null) throw new AddonError(NOT_CONNECTED);
      client ??= clientFor(connection);
      return client;
    },
    tab(sheetId) {
      const sheet = spreadsheet.getSheetById(sheetId);
      return sheet === null ? null : rosterTabOf(sheet);
    },
    activeSheet: () => spreadsheet.getActiveSheet(),
    log: {
      append: (entries, reservedUpTo) => appendLogEntries(spreadsheet, entries, reservedUpTo),
      nextRow: (reservedUpTo) => nextLogRow(spreadsheet, reservedUpTo),
      writeAt: (row, entry) => writeLogEntryAt(spreadsheet, row, entry),
    },
    lock: documentLock(),
  };
}

/** The context of a menu click or sidebar call: the spreadsheet the user has open. */
export function interactiveContext(): AddonContext {
  const startedAt = Date.now();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return contextFor(spreadsheet, activeUserEmail(), loadConnection(spreadsheet.getId()), startedAt);
}

/** The context of a scheduled run, which opens the spreadsheet it was set up for. */
export function scheduledContext(spreadsheetId: string, owner: string): AddonContext {
  const startedAt = Date.now();
  const spreadsheet = SpreadsheetApp.openById(spreadsheetId);
  return contextFor(spreadsheet, owner, loadScheduleConnection(spreadsheetId), startedAt);
}

/** The tab with this sheet ID, or a sentence saying it is gone. */
export function tabById(context: AddonContext, sheetId: number): Sheet {
  const sheet = context.spreadsheet.getSheetById(sheetId);
  if (sheet === null) throw new AddonError(TAB_GONE);
  return sheet;
}
