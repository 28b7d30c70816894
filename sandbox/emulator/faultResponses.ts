import { STATUS_CODES } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { Context, MiddlewareHandler } from "hono";
import { flatErrorBody } from "./apiErrors";
import type { FaultAnswer } from "./controlSchemas";
import type { EmulatorEnv } from "./env";
import { takeRequestFault } from "./faults";
import type { EmulatorStore } from "./store";

/** How injected faults answer (see faults.ts for which request they apply to). */

/** JSON cut off in the middle, as when a proxy truncates an answer. */
export const MALFORMED_JSON = '{"data": [{"id": "grp_';

/** A flat error body naming the status, for a fault given without a body. */
function defaultBody(status: number, nowMs: number) {
  const code = status === 429 ? "rate_limited" : status >= 500 ? "server_error" : "request_failed";
  return flatErrorBody(STATUS_CODES[status] ?? `Status ${status}`, code, nowMs);
}

function answer(c: Context<EmulatorEnv>, { status, retryAfter, body }: FaultAnswer): Response {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (retryAfter !== undefined) headers.set("Retry-After", String(retryAfter));
  const json = body === undefined ? defaultBody(status, c.get("nowMs")) : body;
  return new Response(JSON.stringify(json), { status, headers });
}

/** Destroys the request's socket; only a Node server has one. */
function dropConnection(c: Context<EmulatorEnv>): Response {
  const socket = c.env?.incoming?.socket;
  if (socket === undefined) throw new Error("A connection can only be dropped when the emulator runs as a server");
  socket.destroy();
  // Never delivered: the socket is gone.
  return new Response(null, { status: 500 });
}

/**
 * How a delay fault waits: `ms` of real time, or less when `signal` aborts (the client went away,
 * or the emulator is closing). Tests give their own, to hold a request for as long as they need
 * instead of depending on how fast the machine is.
 */
export type DelayWait = (ms: number, signal: AbortSignal) => Promise<void>;

export const realTimeWait: DelayWait = (ms, signal) => sleep(ms, undefined, { signal }).catch(() => undefined);

export function faultMiddleware(store: EmulatorStore, wait: DelayWait = realTimeWait): MiddlewareHandler<EmulatorEnv> {
  return async (c, next) => {
    const fault = takeRequestFault(store.state, c.req.method, c.req.path);
    if (fault === undefined) return next();
    store.markChanged();
    switch (fault.kind) {
      case "status":
        return answer(c, fault);
      case "delay": {
        const signal = c.req.raw.signal;
        await wait(fault.delayMs, signal);
        // A client that went away (or a closing emulator) is not answered, and its request not handled.
        if (signal.aborted) return new Response(null, { status: 500 });
        const { status } = fault;
        if (status === undefined) return next();
        return answer(c, { ...fault, status });
      }
      case "malformedBody":
        return new Response(MALFORMED_JSON, { status: 200, headers: { "Content-Type": "application/json" } });
      case "dropConnection":
        if (fault.afterHandling) await next();
        return dropConnection(c);
    }
  };
}
