import { keepRecordsKeyCopy } from "./recordsKey";
import { connectedHere, storedConnectionSchema, type Connection } from "../core/state/connection";

/**
 * The saved API key of a spreadsheet (product.md §5 "Connect"). "Only me" lives in the user's
 * properties under the spreadsheet's ID; "everyone who edits" in the document's properties.
 * A schedule set up on a shared key keeps its own copy in its owner's properties, because a
 * time-driven trigger may run without the document's properties.
 */

const DOCUMENT_KEY = "vitable.connection";
const userKey = (spreadsheetId: string) => `vitable.connection.${spreadsheetId}`;
const scheduleKey = (spreadsheetId: string) => `vitable.scheduleConnection.${spreadsheetId}`;

function parse(text: string | null): Connection | null {
  if (text === null) return null;
  try {
    const parsed = storedConnectionSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The document's store; null where Apps Script gives none (a trigger without a document). */
function documentProperties(): GoogleAppsScript.Properties.Properties | null {
  return PropertiesService.getDocumentProperties();
}

/** The key this user works with in the spreadsheet: their own first, then the shared one if it was connected here. */
export function loadConnection(spreadsheetId: string): Connection | null {
  const shared = parse(documentProperties()?.getProperty(DOCUMENT_KEY) ?? null);
  return (
    parse(PropertiesService.getUserProperties().getProperty(userKey(spreadsheetId))) ??
    (shared !== null && connectedHere(shared, spreadsheetId) ? shared : null)
  );
}

/** The copy of a shared key kept for the schedule's owner (usableScheduleKey says whether it may be used). */
export function loadScheduleCopy(spreadsheetId: string): Connection | null {
  return parse(PropertiesService.getUserProperties().getProperty(scheduleKey(spreadsheetId)));
}

export function saveConnection(spreadsheetId: string, connection: Connection): void {
  const text = JSON.stringify(connection);
  if (connection.scope === "user") PropertiesService.getUserProperties().setProperty(userKey(spreadsheetId), text);
  else documentProperties()?.setProperty(DOCUMENT_KEY, text);
}

/**
 * Keeps what the schedule's owner needs when the run cannot read the document's properties: a
 * copy of a shared key, and of the secret of the records (recordsKey.ts), or drops the key's
 * copy (null). The secret's copy stays until the schedule is removed (forgetRecordsKeyCopy), so
 * a run whose key was disconnected can still read its records and say so in the log.
 */
export function saveScheduleConnection(spreadsheetId: string, connection: Connection | null): void {
  const user = PropertiesService.getUserProperties();
  if (connection === null || connection.scope === "user") user.deleteProperty(scheduleKey(spreadsheetId));
  else user.setProperty(scheduleKey(spreadsheetId), JSON.stringify(connection));
  if (connection !== null) keepRecordsKeyCopy(spreadsheetId);
}

/** Forgets the key saved in `scope`, and the schedule's copy of it. */
export function removeConnection(spreadsheetId: string, scope: Connection["scope"]): void {
  const user = PropertiesService.getUserProperties();
  user.deleteProperty(scheduleKey(spreadsheetId));
  if (scope === "user") user.deleteProperty(userKey(spreadsheetId));
  else documentProperties()?.deleteProperty(DOCUMENT_KEY);
}
