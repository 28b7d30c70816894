import { randomBytes } from "node:crypto";
import { isKnownTimeZone } from "../timeZones";
import { SpreadsheetModel, type SpreadsheetSnapshot } from "./spreadsheetModel";

/** Google's spreadsheet IDs: 44 characters of letters, digits, `-` and `_`. */
const SPREADSHEET_ID = /^[A-Za-z0-9_-]{44}$/;

export interface NewSpreadsheet {
  name: string;
  /** An IANA zone such as "America/New_York": where the spreadsheet's dates are wall-clock dates. */
  timeZone: string;
  /** The owner's email. */
  owner: string;
  /** A fixed ID (44 characters, letters, digits, `-`, `_`); a random one by default. */
  id?: string;
}

export interface StoreSnapshot {
  spreadsheets: SpreadsheetSnapshot[];
}

/** The sandbox's Drive: every spreadsheet, kept across executions. */
export class SpreadsheetStore {
  private readonly byId = new Map<string, SpreadsheetModel>();

  create({ name, timeZone, owner, id = newSpreadsheetId() }: NewSpreadsheet): SpreadsheetModel {
    if (!SPREADSHEET_ID.test(id))
      throw new Error(`"${id}" is not a spreadsheet ID: it needs 44 letters, digits, - or _.`);
    if (this.byId.has(id)) throw new Error(`A spreadsheet with the ID ${id} already exists.`);
    if (!isKnownTimeZone(timeZone))
      throw new Error(`"${timeZone}" is not a time zone; use an IANA name such as America/New_York.`);
    const spreadsheet = SpreadsheetModel.create({ id, name, timeZone, owner });
    this.byId.set(id, spreadsheet);
    return spreadsheet;
  }

  get(id: string): SpreadsheetModel | undefined {
    return this.byId.get(id);
  }

  all(): SpreadsheetModel[] {
    return [...this.byId.values()];
  }

  snapshot(): StoreSnapshot {
    return { spreadsheets: this.all().map((spreadsheet) => spreadsheet.snapshot()) };
  }

  static fromSnapshot(snapshot: StoreSnapshot): SpreadsheetStore {
    const store = new SpreadsheetStore();
    for (const saved of snapshot.spreadsheets) store.byId.set(saved.id, SpreadsheetModel.fromSnapshot(saved));
    return store;
  }
}

function newSpreadsheetId(): string {
  // Drive's spreadsheet IDs start with "1".
  return `1${randomBytes(33).toString("base64url").slice(1)}`;
}
