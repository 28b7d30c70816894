import { rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serve } from "@hono/node-server";
import { sessionPaths } from "../cli/session";
import { ControlClient } from "../emulator/controlClient";
import { startEmulator, type RunningEmulator } from "../emulator/server";
import { DEFAULT_API_KEY } from "../emulator/state";
import { previewRoutes, type PreviewServices } from "./httpApi";
import { buildPageAssets } from "./pageAssets";
import { RuntimeHost } from "./runtimeHost";
import { VitablePanel } from "./vitablePanel";
import type { SeedKind } from "./worker/protocol";

const REPO_ROOT = path.resolve(__dirname, "../..");
/** Where `npm run build` (which `npm start` runs first) writes the add-on. */
const DIST_DIR = path.join(REPO_ROOT, "dist");
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, ".sandbox/preview");
export const DEFAULT_PORT = 5050;
const DEFAULT_HOST = "127.0.0.1";
/** Short, so a sync goes from Pending to Added while the user watches. */
export const DEFAULT_PROCESSING_DELAY_MS = 2_000;
/** How often the preview checks whether a scheduled sync is due, as Google's trigger service would. */
const TRIGGER_CHECK_MS = 15_000;

export interface PreviewOptions {
  /** 0 picks a free port; 5050 by default. */
  port?: number;
  host?: string;
  /** Where the spreadsheet and the emulated Vitable are kept between runs; `.sandbox/preview` by default. */
  dataDir?: string;
  /** Starts from the sample again, forgetting what `dataDir` holds. */
  reset?: boolean;
  /**
   * The workbook a new preview starts with. "sample" (the default): the sample roster, the add-on
   * connected with the emulator's key and the Roster tab linked to "Sample Company Staff".
   * "workbook-only": the sample roster alone, to connect and link from the sidebar.
   */
  seed?: SeedKind;
  /** The built add-on: dist/ by default, as `npm run build` writes it. */
  projectDir?: string;
  /** How long the emulated Vitable takes to process a sync when "Slow processing" is off. */
  processingDelayMs?: number;
}

export interface RunningPreview {
  /** The page, e.g. `http://127.0.0.1:5050`. */
  url: string;
  /** Stops the server, the add-on's runtime and the emulator (once, however often called); the data stays in `dataDir`. */
  close(): Promise<void>;
}

/** The port is taken, most likely by a preview already running. */
export class PortInUseError extends Error {}

function listen(app: ReturnType<typeof previewRoutes>, host: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
      server.off("error", onError);
      resolve(server);
    }) as Server;
    const onError = (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new PortInUseError(
              `Port ${port} is already in use, perhaps by a preview that is still running. ` +
                `Stop that one (Ctrl-C in its terminal), or choose another port: npm start -- --port ${port + 1}`,
            )
          : error,
      );
    };
    server.once("error", onError);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Long polls and a sidebar waiting on a script must not hold the server open.
    server.closeAllConnections();
  });
}

/**
 * The local preview: the emulated spreadsheet with the add-on's menu, sidebar and dialogs, the
 * add-on's built bundle running in the Apps Script runtime (in a worker thread), and the Vitable
 * emulator, all kept in `dataDir` between runs. Listens first, so a taken port fails at once.
 */
export async function startPreview(options: PreviewOptions): Promise<RunningPreview> {
  const host = options.host ?? DEFAULT_HOST;
  const dataDir = path.resolve(options.dataDir ?? DEFAULT_DATA_DIR);
  const processingDelayMs = options.processingDelayMs ?? DEFAULT_PROCESSING_DELAY_MS;
  let markReady: (services: PreviewServices) => void = () => undefined;
  let markFailed: (error: unknown) => void = () => undefined;
  const ready = new Promise<PreviewServices>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  // Requests that arrive before everything has started wait for it.
  ready.catch(() => undefined);
  const server = await listen(
    previewRoutes(() => ready),
    host,
    options.port ?? DEFAULT_PORT,
  );
  const { port } = server.address() as AddressInfo;

  let emulator: RunningEmulator | undefined;
  let runtimeHost: RuntimeHost | undefined;
  let dueCheck: ReturnType<typeof setInterval> | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      clearInterval(dueCheck);
      await closeServer(server);
      await runtimeHost?.close();
      await emulator?.close();
    })();
    return closing;
  };

  try {
    const paths = sessionPaths(dataDir);
    if (options.reset === true) {
      rmSync(paths.spreadsheetFile, { force: true });
      rmSync(paths.vitableDataFile, { force: true });
    }
    const assets = await buildPageAssets();
    emulator = await startEmulator({ port: 0, dataFile: paths.vitableDataFile, processingDelayMs });
    runtimeHost = await RuntimeHost.start({
      projectDir: path.resolve(options.projectDir ?? DIST_DIR),
      dataDir,
      emulatorUrl: emulator.url,
      apiKey: DEFAULT_API_KEY,
      seed: options.seed ?? "sample",
    });
    const control = new ControlClient(emulator.url, { clock: () => Date.now() });
    const services: PreviewServices = {
      host: runtimeHost,
      vitable: new VitablePanel(control, processingDelayMs),
      assets,
    };
    dueCheck = setInterval(dueTriggerFiring(runtimeHost), TRIGGER_CHECK_MS);
    dueCheck.unref();
    markReady(services);
  } catch (error) {
    markFailed(error);
    await close();
    throw error;
  }
  return { url: `http://${host}:${port}`, close };
}

/** A check that runs the scheduled syncs whose time has come, one round at a time. */
function dueTriggerFiring(host: RuntimeHost): () => void {
  let firing = false;
  return () => {
    const { nextRunAt } = host.view.schedule;
    if (firing || nextRunAt === null || nextRunAt > Date.now()) return;
    firing = true;
    void host.perform({ op: "fireDueTriggers" }).finally(() => (firing = false));
  };
}
