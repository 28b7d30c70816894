import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createEmulatorApp, type EmulatorAppOptions } from "./app";
import { ControlClient } from "./controlClient";

export { createEmulatorApp, type EmulatorAppOptions } from "./app";

export interface EmulatorOptions extends EmulatorAppOptions {
  /** 0 picks a free port; 8787 by default. */
  port?: number;
  host?: string;
}

export interface RunningEmulator {
  /** The base URL, e.g. `http://127.0.0.1:8787`; the API is under `/v1`. */
  url: string;
  port: number;
  control: ControlClient;
  /** Stops listening and closes every open connection. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8787;
const DEFAULT_HOST = "127.0.0.1";

/** Serves the emulator over HTTP until `close()`. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST, ...appOptions } = options;
  const app = createEmulatorApp(appOptions);
  return new Promise((resolve, reject) => {
    // The default adapter creates a node:http server.
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info: AddressInfo) => {
      server.off("error", reject);
      const url = `http://${host.includes(":") ? `[${host}]` : host}:${info.port}`;
      resolve({
        url,
        port: info.port,
        control: new ControlClient(url),
        close: () =>
          new Promise<void>((closed, failed) => {
            server.close((error) => (error === undefined ? closed() : failed(error)));
            server.closeAllConnections();
          }),
      });
    }) as Server;
    server.once("error", reject);
  });
}
