import * as z from "zod/mini";
import {
  notAccepted,
  requestNotSent,
  THE_REQUEST,
  UNEXPECTED_ANSWER,
  UNREACHABLE,
  VALUE_WORDS,
  wrongType,
} from "../messages/sidebar";
import { BRIDGE, type BridgeName, type BridgeRequest, type BridgeResponse } from "../shared/bridge";

/**
 * `google.script.run` as the sidebar uses it: handlers are attached first, then the server
 * function is called by name with one plain-JSON argument.
 */
export type ScriptRun = {
  withSuccessHandler(handler: (answer: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
} & { [N in BridgeName]: (request: BridgeRequest<N>) => void };

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
      else if (parsed.data.ok) resolve(parsed.data.value);
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
    const where = issue.path.length === 0 ? THE_REQUEST : issue.path.join(".");
    const got = describeValue(valueAt(request, issue.path));
    return issue.code === "invalid_type" ? wrongType(where, issue.expected, got) : notAccepted(where, got);
  });
  return requestNotSent(name, problems.join("; "));
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === "object" && current !== null ? (current as Record<PropertyKey, unknown>)[key] : undefined,
    value,
  );
}

function describeValue(value: unknown): string {
  if (value instanceof Date) return VALUE_WORDS.date;
  if (value === null) return VALUE_WORDS.null;
  if (value === undefined) return VALUE_WORDS.missing;
  if (Array.isArray(value)) return VALUE_WORDS.list;
  // Text is described, never echoed: it may be an API key.
  if (typeof value === "string") return VALUE_WORDS.text;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return VALUE_WORDS.ofType(typeof value);
}
