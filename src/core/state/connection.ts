import * as z from "zod/mini";
import { vitableEnvironmentSchema } from "../../vitable/environments";

/** Where the API key is saved: for this user in every spreadsheet, or for everyone who edits this one. */
export const keyScopeSchema = z.enum(["user", "document"]);
export type KeyScope = z.infer<typeof keyScopeSchema>;

/** A saved Vitable API key, as stored in the user's or the document's properties. */
export const storedConnectionSchema = z.object({
  apiKey: z.string(),
  environment: vitableEnvironmentSchema,
  scope: keyScopeSchema,
  connectedAt: z.string(),
  /** For a shared key: which connecting it was (sharedKey.ts), who did it, and for which spreadsheet. */
  keyId: z.optional(z.string()),
  connectedBy: z.optional(z.string()),
  spreadsheetId: z.optional(z.string()),
});
export type Connection = z.infer<typeof storedConnectionSchema>;

/**
 * Whether a key found in the document's properties was connected to this spreadsheet: a copy of
 * the file (File ▸ Make a copy) may carry its properties along, and the copy's editors must not
 * get the original's Vitable access without anyone connecting it.
 */
export function connectedHere(connection: Connection, spreadsheetId: string): boolean {
  return connection.spreadsheetId === undefined || connection.spreadsheetId === spreadsheetId;
}
