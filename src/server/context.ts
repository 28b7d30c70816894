import { openRecordStore } from "../appsscript/recordsSheet";
import { urlFetchTransport } from "../appsscript/urlFetchTransport";
import { loadConnection, loadScheduleConnection, type Connection } from "../appsscript/connectionStore";
import type { Records } from "../core/state/records";
import { createVitableClient, type VitableClient } from "../vitable/client";
import { VITABLE_BASE_URLS } from "../vitable/environments";
import { AddonError } from "./addonError";

/** Everything one execution of the add-on works with, for one spreadsheet. */
export interface AddonContext {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  spreadsheetId: string;
  timeZone: string;
  records: Records;
  /** Who is acting: the user's email, or the schedule's owner. */
  user: string;
  /** When this execution started, epoch ms: every time budget counts from it. */
  startedAt: number;
  connection: Connection | null;
  /** The Vitable client for the saved key; throws a sentence when there is none. */
  client(): VitableClient;
  /** Today in the spreadsheet's time zone, YYYY-MM-DD. */
  today(): string;
}

export const NOT_CONNECTED =
  "The add-on is not connected to Vitable yet. Open the sidebar (Extensions ▸ Vitable Roster Sync ▸ Open sidebar) and paste your Vitable API key.";

function activeUserEmail(): string {
  return Session.getActiveUser().getEmail() || "a user of this spreadsheet";
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

function contextFor(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
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
    records: openRecordStore(spreadsheet),
    user,
    startedAt,
    connection,
    client() {
      if (connection === null) throw new AddonError(NOT_CONNECTED);
      client ??= clientFor(connection);
      return client;
    },
    today: () => Utilities.formatDate(new Date(), timeZone, "yyyy-MM-dd"),
  };
}

/** The context of a menu click or sidebar call: the spreadsheet the user has open. */
export function interactiveContext(): AddonContext {
  const startedAt = Date.now();
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return contextFor(spreadsheet, activeUserEmail(), loadConnection(spreadsheet.getId()), startedAt);
}

/** The context of a scheduled run, which opens the spreadsheet it was set up for. */
export function scheduledContext(spreadsheetId: string, owner: string, startedAt: number): AddonContext {
  const spreadsheet = SpreadsheetApp.openById(spreadsheetId);
  return contextFor(spreadsheet, owner, loadScheduleConnection(spreadsheetId), startedAt);
}

/** The tab with this sheet ID, or a sentence saying it is gone. */
export function tabById(context: AddonContext, sheetId: number): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = context.spreadsheet.getSheetById(sheetId);
  if (sheet === null)
    throw new AddonError("That tab no longer exists in this spreadsheet. Pick the tab to work on and try again.");
  return sheet;
}
