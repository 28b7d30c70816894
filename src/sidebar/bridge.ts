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
import {
  BRIDGE,
  type BridgeFailureCode,
  type BridgeName,
  type BridgeRequest,
  type BridgeResponse,
  type SidebarState,
} from "../shared/bridge";

/** The spreadsheet's time zone, e.g. "America/New_York"; null when the server leaves it empty (the browser's is used). */
export function timeZoneOf(state: SidebarState): string | null {
  return state.timeZone === "" ? null : state.timeZone;
}

/** The server's refusal of an action on a tab that is not the one on screen. */
export const TAB_NOT_ON_SCREEN: BridgeFailureCode = "tabNotOnScreen";

/** A sentence from the server, with its code when it has one (e.g. TAB_NOT_ON_SCREEN). */
export class ServerRefusal extends Error {
  constructor(
    message: string,
    readonly code: BridgeFailureCode | null,
  ) {
    super(message);
  }
}

const refusalListeners: Array<(refusal: ServerRefusal) => void> = [];

/** Hears every coded refusal before the caller does, e.g. to follow the tab on screen. */
export function onRefusal(listener: (refusal: ServerRefusal) => void): () => void {
  refusalListeners.push(listener);
  return () => refusalListeners.splice(refusalListeners.indexOf(listener), 1);
}

/**
 * `google.script.run` as the sidebar uses it: handlers are attached first, then the server
 * function is called by name with one plain-JSON argument.
 */
export type ScriptRun = {
  withSuccessHandler(handler: (answer: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
} & { [N in BridgeName]: (request: BridgeRequest<N>) => void } & { showHelp?: () => void };

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
    z.object({ ok: z.literal(false), message: z.string(), code: z.optional(z.string()) }),
  ]);
  return new Promise((resolve, reject) => {
    const onAnswer = (answer: unknown) => {
      const parsed = answerSchema.safeParse(answer);
      if (!parsed.success) reject(new Error(UNEXPECTED_ANSWER));
      // The checked answer as sent: a field the sidebar's copy of the schema does not list yet passes through.
      else if (parsed.data.ok) resolve((answer as { value: BridgeResponse<N> }).value);
      else {
        const code = parsed.data.code === TAB_NOT_ON_SCREEN ? TAB_NOT_ON_SCREEN : null;
        const refusal = new ServerRefusal(parsed.data.message, code);
        if (refusal.code !== null) for (const listener of [...refusalListeners]) listener(refusal);
        reject(refusal);
      }
    };
    const onFailure = (error: unknown) => reject(new Error(failureMessage(error)));
    const runner = run.withSuccessHandler(onAnswer).withFailureHandler(onFailure);
    // TypeScript cannot pick one member of a mapped type by a generic key; the schema checked it.
    (runner[name] as (request: BridgeRequest<N>) => void)(checked.data);
  });
}

/**
 * Opens the add-on's help, the dialog of the menu's Help item (server/help.ts). It answers
 * nothing, so failures are all there is to hear.
 */
export function showHelp(): Promise<void> {
  const run = scriptRun();
  if (!run) return Promise.reject(new Error(UNREACHABLE));
  return new Promise((resolve, reject) => {
    const runner = run
      .withSuccessHandler(() => resolve())
      .withFailureHandler((error) => reject(new Error(failureMessage(error))));
    if (runner.showHelp) runner.showHelp();
    else reject(new Error(UNREACHABLE));
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
