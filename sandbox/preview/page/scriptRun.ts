import { decodeWire, encodeWire, type WireValue } from "../shared/wireValues";

/** What the server answers a `google.script.run` call: the returned value, or the script's error. */
export type ScriptRunAnswer = { ok: true; value?: WireValue } | { ok: false; message: string };

/** Sends one call to the server (the preview's `POST /api/script-run`). */
export type ScriptRunTransport = (functionName: string, args: WireValue[]) => Promise<ScriptRunAnswer>;

type Handler = (value: unknown, userObject: unknown) => void;

interface Handlers {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

/** Apps Script's message when the sidebar cannot reach Google at all. */
export const NETWORK_FAILURE = "NetworkError: Connection failure due to HTTP 0";

/**
 * `google.script.run`: `withSuccessHandler`, `withFailureHandler` and `withUserObject` return a
 * runner carrying them, and any other property is a server function to call with the arguments
 * given. The call is sent without waiting; the success handler gets the returned value, the
 * failure handler an Error whose message is the script's error. Arguments travel as they are
 * (wireValues.ts), so a Date among them fails the call as it does in Apps Script.
 */
export function createScriptRun(send: ScriptRunTransport, handlers: Handlers = {}): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get(_target, property) {
        // Not thenable: awaiting the runner must not look like calling a server function "then".
        if (typeof property !== "string" || property === "then") return undefined;
        switch (property) {
          case "withSuccessHandler":
            return (handler: Handler) => createScriptRun(send, { ...handlers, success: handler });
          case "withFailureHandler":
            return (handler: Handler) => createScriptRun(send, { ...handlers, failure: handler });
          case "withUserObject":
            return (userObject: unknown) => createScriptRun(send, { ...handlers, userObject });
          default:
            return (...args: unknown[]) => call(send, handlers, property, args);
        }
      },
    },
  );
}

function call(send: ScriptRunTransport, handlers: Handlers, functionName: string, args: unknown[]): void {
  const { success, failure, userObject } = handlers;
  const fail = (message: string) => failure?.(new Error(message), userObject);
  // Fire and forget, like google.script.run: only the handlers hear of the answer, and a send
  // that fails reaches them as a failure.
  void send(functionName, args.map(encodeWire))
    .catch((): ScriptRunAnswer => ({ ok: false, message: NETWORK_FAILURE }))
    .then((answer) => {
      if (!answer.ok) return fail(answer.message);
      let value: unknown;
      try {
        value = answer.value === undefined ? undefined : decodeWire(answer.value);
      } catch {
        return fail(`google.script.run.${functionName}: the answer could not be read.`);
      }
      success?.(value, userObject);
    });
}
