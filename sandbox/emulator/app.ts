import { Hono, type MiddlewareHandler } from "hono";
import { flatError } from "./apiErrors";
import { apiRoutes } from "./apiRoutes";
import { readClockHeader, requestTime, SANDBOX_CLOCK_HEADER } from "./clock";
import { processingDelayBodySchema, type ApiKeySpec } from "./controlSchemas";
import { controlRoutes } from "./controlRoutes";
import type { EmulatorEnv } from "./env";
import { faultMiddleware, type DelayWait } from "./faultResponses";
import { DEFAULT_PROCESSING_DELAY_MS, seedState, type EmulatorSeed } from "./state";
import { openStore, type EmulatorStore } from "./store";
import { settleDueSyncs } from "./syncProcessing";
import { loopbackOnly } from "../http/loopbackOnly";

const CONTROL_PREFIX = "/_sandbox";

export interface EmulatorAppOptions {
  /** Loaded at start when it exists; the state is saved there after every change. In memory only without one. */
  dataFile?: string;
  /** How long after acceptance a member sync completes; 1000 ms by default. */
  processingDelayMs?: number;
  /** Keys besides the default `vit_apk_sandbox`, each acting as its own organization. */
  apiKeys?: ApiKeySpec[];
  /** How delay faults wait: real time unless a test holds them (see faultResponses.ts). */
  delayWait?: DelayWait;
}

/**
 * The emulated Vitable Connect API as a hono app: the API under `/v1`, the control API under
 * `/_sandbox`. Serve it with server.ts, or call `app.request(…)` in-process.
 */
export function createEmulatorApp(options: EmulatorAppOptions = {}): Hono<EmulatorEnv> {
  const processingDelayMs = options.processingDelayMs ?? DEFAULT_PROCESSING_DELAY_MS;
  if (!processingDelayBodySchema.safeParse({ processingDelayMs }).success) {
    throw new RangeError(
      `processingDelayMs must be a whole number of milliseconds, 0 or more, not ${processingDelayMs}`,
    );
  }
  const seed: EmulatorSeed = { processingDelayMs, apiKeys: options.apiKeys ?? [] };
  // The clock starts at the epoch: the first request sets it, to its X-Sandbox-Clock or the real time.
  const store = openStore(options.dataFile, () => seedState(seed, 0));
  const app = new Hono<EmulatorEnv>();

  app.use("*", loopbackOnly());
  app.use("*", requestClock(store));

  app.route(CONTROL_PREFIX, controlRoutes(store, seed));
  app.use("/v1/*", faultMiddleware(store, options.delayWait));
  app.route("/v1", apiRoutes(store));

  app.notFound((c) => flatError(c, 404, `There is no endpoint ${c.req.method} ${c.req.path}`, "not_found"));
  app.onError((error, c) => flatError(c, 500, `The emulator failed: ${error.message}`, "server_error"));
  return app;
}

/** Every request: fix its time, complete the syncs due by then, and save what changed. */
function requestClock(store: EmulatorStore): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const clock = readClockHeader(c.req.header(SANDBOX_CLOCK_HEADER));
    if (!clock.ok) return flatError(c, 400, clock.message, "invalid_sandbox_clock");
    // Looking at or steering the sandbox must not move a clock that tests control, so control
    // requests without X-Sandbox-Clock happen at the emulator's current time, not the real one.
    const fallbackMs = c.req.path.startsWith(`${CONTROL_PREFIX}/`) ? store.state.clockMs : Date.now();
    const nowMs = requestTime(store.state.clockMs, clock.requestedMs, fallbackMs);
    if (nowMs !== store.state.clockMs) {
      store.state.clockMs = nowMs;
      // Real time needs no saving; a clock moved ahead by a test must stay ahead after a restart.
      if (clock.requestedMs !== undefined) store.markChanged();
    }
    c.set("nowMs", nowMs);
    if (settleDueSyncs(store.state, nowMs)) store.markChanged();
    try {
      await next();
    } finally {
      store.saveIfChanged();
    }
  };
}
