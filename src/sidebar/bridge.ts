import * as z from "zod/mini";
import { BRIDGE, type BridgeName, type BridgeRequest, type BridgeResponse } from "../shared/bridge";

/**
 * `google.script.run` as the sidebar uses it: handlers are attached first, then the server
 * function is called by name with one plain-JSON argument.
 */
export type ScriptRun = {
  withSuccessHandler(handler: (answer: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
} & { [N in BridgeName]: (request: BridgeRequest<N>) => void };

const UNREACHABLE =
  "The sidebar could not reach the add-on. Check your internet connection, then close and reopen the sidebar.";
const UNEXPECTED_ANSWER =
  "The add-on answered in a way this sidebar does not understand. Close and reopen the sidebar; if it keeps happening, reinstall or update the add-on.";

/**
 * Calls a server function and resolves with its answer. The request is checked against its
 * schema before it leaves (a `Date` or a wrong shape would make Apps Script drop the call), the
 * answer after it arrives. An `{ok: false}` answer or a failed call rejects with a sentence for
 * the user.
 */
export function call<N extends BridgeName>(name: N, request: BridgeRequest<N>): Promise<BridgeResponse<N>> {
  const schemas = BRIDGE[name] as unknown as {
    request: z.ZodMiniType<BridgeRequest<N>>;
    response: z.ZodMiniType<BridgeResponse<N>>;
  };
  const checked = schemas.request.safeParse(request);
  if (!checked.success) return Promise.reject(new Error(describeBadRequest(name, request, checked.error.issues)));
  const run = scriptRun();
  if (!run) return Promise.reject(new Error(UNREACHABLE));

  const answerSchema = z.union([
    z.object({ ok: z.literal(true), value: schemas.response }),
    z.object({ ok: z.literal(false), message: z.string() }),
  ]);
  return new Promise((resolve, reject) => {
    const onAnswer = (answer: unknown) => {
      const parsed = answerSchema.safeParse(answer);
      if (!parsed.success) reject(new Error(UNEXPECTED_ANSWER));
      else if (parsed.data.ok) resolve(parsed.data.value as BridgeResponse<N>);
      else reject(new Error(parsed.data.message));
    };
    const onFailure = (error: unknown) => reject(new Error(failureMessage(error)));
    const runner = run.withSuccessHandler(onAnswer).withFailureHandler(onFailure);
    // TypeScript cannot pick one member of a mapped type by a generic key; the schema checked it.
    (runner[name] as (request: BridgeRequest<N>) => void)(checked.data);
  });
}

/** Read at each call, not once: the page may define `google` after this module loads. */
function scriptRun(): ScriptRun | undefined {
  const page = globalThis as { google?: { script?: { run?: ScriptRun } } };
  return page.google?.script?.run;
}

/** A thrown server error arrives as an `Error` whose message is the server's message. */
function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return message.trim() === "" ? UNREACHABLE : message;
}

function describeBadRequest(name: string, request: unknown, issues: readonly z.core.$ZodIssue[]): string {
  const problems = issues.map((issue) => {
    const where = issue.path.length === 0 ? "the request" : issue.path.join(".");
    const got = describeValue(valueAt(request, issue.path));
    return issue.code === "invalid_type"
      ? `${where} should be ${article(issue.expected)}, not ${got}`
      : `${where} is not an accepted value (${got})`;
  });
  return `The sidebar did not send "${name}" because ${problems.join("; ")}. Close and reopen the sidebar; if it keeps happening, update the add-on.`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === "object" && current !== null ? (current as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
}

function describeValue(value: unknown): string {
  if (value instanceof Date) return "a Date object (send times as ISO text)";
  if (value === null) return "null";
  if (value === undefined) return "missing";
  if (Array.isArray(value)) return "a list";
  // Text is described, never echoed: it may be an API key.
  if (typeof value === "string") return "text";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `a ${typeof value}`;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
