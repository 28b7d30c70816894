import { removeConnection, saveScheduleConnection } from "./connectionStore";
import { LOG_SHEET_NAME } from "./logTab";
import { RECORDS_SHEET_NAME } from "./recordsSheet";
import { forgetRecordsKeyCopy } from "./recordsKey";
import { removeSchedule } from "./scheduleTrigger";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Where the add-on keeps things about one spreadsheet, as "Remove the add-on's data" and a
 * schedule left behind by it delete them. What belongs to another user (their key, their
 * trigger) is out of reach here: Apps Script lets nobody else touch it.
 */
export interface DocumentData {
  /** The current user's schedule trigger for the spreadsheet, its registry entry, and their copies of a shared key and of the records' secret. */
  forgetOwnSchedule(): void;
  /** The key the current user saved for themselves in this spreadsheet. */
  forgetOwnKey(): void;
  /** Every document property: a shared key and the secret that signs the records. */
  deleteDocumentProperties(): void;
  /** The records tab and the log tab. */
  deleteOwnTabs(): void;
}

export function documentDataOf(spreadsheet: Spreadsheet): DocumentData {
  const spreadsheetId = () => spreadsheet.getId();
  return {
    forgetOwnSchedule() {
      removeSchedule(spreadsheet);
      saveScheduleConnection(spreadsheetId(), null);
      forgetRecordsKeyCopy(spreadsheetId());
    },
    forgetOwnKey: () => removeConnection(spreadsheetId(), "user"),
    // A time-driven run may have no document properties.
    deleteDocumentProperties: () => PropertiesService.getDocumentProperties()?.deleteAllProperties(),
    deleteOwnTabs() {
      for (const name of [RECORDS_SHEET_NAME, LOG_SHEET_NAME]) {
        const sheet = spreadsheet.getSheetByName(name);
        if (sheet !== null) spreadsheet.deleteSheet(sheet);
      }
    },
  };
}
