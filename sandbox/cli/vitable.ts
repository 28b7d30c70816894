import { spawnEmulator } from "../emulator/process";
import { SANDBOX_API_KEY, type ExternalApi } from "./vitableApi";

/** Where the add-on's Vitable requests go, with the key to connect with. */
export interface VitableEndpoint {
  url: string;
  apiKey: string;
  close(): Promise<void>;
}

/**
 * The given emulator, or an embedded one in a child process: the runtime's UrlFetchApp blocks
 * this process while it waits for an answer, so the server cannot run here. With `dataFile`, the
 * emulator loads its state from there and saves every change back.
 */
export async function openVitable(
  api: ExternalApi | undefined,
  dataFile: string | undefined,
): Promise<VitableEndpoint> {
  if (api !== undefined) return { url: api.url, apiKey: api.key, close: async () => {} };
  const emulator = await spawnEmulator(dataFile === undefined ? {} : { dataFile });
  return { url: emulator.url, apiKey: SANDBOX_API_KEY, close: () => emulator.close() };
}
