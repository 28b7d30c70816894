import type { IncomingMessage } from "node:http";

/** What handlers of the emulator's hono app can read from the request context. */
export type EmulatorEnv = {
  /** Set by @hono/node-server; absent when the app is called in-process with `app.request`. */
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    /** The time the request happens at (epoch ms), see clock.ts. */
    nowMs: number;
    /** The organization of the request's API key (routes under `/v1`). */
    organizationId: string;
  };
};
