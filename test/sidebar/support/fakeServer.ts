import {
  BRIDGE,
  type BridgeFailureCode,
  type BridgeName,
  type BridgeRequest,
  type BridgeResponse,
} from "../../../src/shared/bridge";
import type { ScriptRun } from "../../../src/sidebar/bridge";

/**
 * Thrown by a handler to answer `{ok: false, message}`, as the server does for a user's problem,
 * with its code when it has one (e.g. "tabNotOnScreen").
 */
export class ServerSentence extends Error {
  constructor(
    message: string,
    readonly code?: BridgeFailureCode,
  ) {
    super(message);
  }
}

export type Handler<N extends BridgeName> = (
  request: BridgeRequest<N>,
) => BridgeResponse<N> | Promise<BridgeResponse<N>>;
export type Handlers = { [N in BridgeName]?: Handler<N> };

export interface FakeServer {
  readonly run: ScriptRun;
  readonly handlers: Handlers;
  /** Every call, in order, with the request as the server received it. */
  readonly calls: Array<{ name: BridgeName; request: unknown }>;
  /** What makes a test fail: a request outside its schema, a call nobody expected, a fixture outside its schema. */
  readonly problems: string[];
  requestsOf<N extends BridgeName>(name: N): Array<BridgeRequest<N>>;
}

/**
 * A stand-in for `google.script.run` backed by handlers. Like Apps Script, it answers
 * asynchronously with copies of plain JSON; unlike it, it checks every request against BRIDGE's
 * schema and every answer the test wrote, so a fixture or a request that the real server
 * would not accept fails the test.
 */
export function fakeServer(handlers: Handlers = {}): FakeServer {
  const calls: FakeServer["calls"] = [];
  const problems: string[] = [];

  function dispatch(
    name: BridgeName,
    request: unknown,
    success: ((answer: unknown) => void) | undefined,
    failure: ((error: unknown) => void) | undefined,
  ): void {
    const received: unknown = JSON.parse(JSON.stringify(request));
    calls.push({ name, request: received });
    void Promise.resolve().then(async () => {
      const checked = BRIDGE[name].request.safeParse(request);
      if (!checked.success) {
        problems.push(`${name} was called with a request outside its schema: ${JSON.stringify(checked.error.issues)}`);
        return failure?.(new Error("Invalid request"));
      }
      const handler: Handler<BridgeName> | undefined = handlers[name];
      if (!handler) {
        problems.push(`${name} was called, but the test did not expect it`);
        return failure?.(new Error(`No handler for ${name}`));
      }
      try {
        const value = await handler(received as BridgeRequest<BridgeName>);
        const answer = BRIDGE[name].response.safeParse(value);
        if (!answer.success)
          problems.push(`The test's answer to ${name} is outside its schema: ${JSON.stringify(answer.error.issues)}`);
        success?.(JSON.parse(JSON.stringify({ ok: true, value })));
      } catch (error) {
        if (error instanceof ServerSentence) success?.({ ok: false, message: error.message, code: error.code });
        else failure?.(error);
      }
    });
  }

  function runner(success?: (answer: unknown) => void, failure?: (error: unknown) => void): ScriptRun {
    const methods: Record<string, unknown> = {
      withSuccessHandler: (handler: (answer: unknown) => void) => runner(handler, failure),
      withFailureHandler: (handler: (error: unknown) => void) => runner(success, handler),
    };
    for (const name of Object.keys(BRIDGE) as BridgeName[]) {
      methods[name] = (request: unknown) => dispatch(name, request, success, failure);
    }
    return methods as ScriptRun;
  }

  return {
    run: runner(),
    handlers,
    calls,
    problems,
    requestsOf: <N extends BridgeName>(name: N) =>
      calls.filter((c) => c.name === name).map((c) => c.request as BridgeRequest<N>),
  };
}

/** Makes `server` the page's `google.script.run`. */
export function installServer(server: FakeServer): void {
  (globalThis as { google?: unknown }).google = { script: { run: server.run } };
}

/** A promise the test resolves later: an answer that takes a while. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
