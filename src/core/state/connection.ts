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
});
export type Connection = z.infer<typeof storedConnectionSchema>;
