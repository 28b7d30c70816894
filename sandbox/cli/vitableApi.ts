import { DEFAULT_API_KEY } from "../emulator/state";

/**
 * What the command line and the Vitable it opens (vitable.ts) share, kept apart so that neither
 * of them imports the other.
 */

/** An emulator already running, named with --api-url and --api-key. */
export interface ExternalApi {
  url: string;
  key: string;
}

/** The emulator's built-in key (organization `org_sandbox`): the embedded emulator's, and --api-key's default. */
export const SANDBOX_API_KEY = DEFAULT_API_KEY;
