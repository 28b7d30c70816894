import { randomUUID } from "node:crypto";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isoSeconds } from "./clock";
import type { EmulatorEnv } from "./env";

/** The authentication guide's nested body, the only one Vitable documents for a 401. */
export const UNAUTHORIZED_BODY = { error: { code: "unauthorized", message: "Invalid or missing API key" } };

/** The spec's flat `ErrorResponse` (vitable-api.md §5.2), where `error` repeats the message. */
export function flatErrorBody(message: string, appErrorCode: string, nowMs: number) {
  return {
    timestamp: isoSeconds(nowMs),
    message,
    error: message,
    app_error_code: appErrorCode,
    trace_id: `trc_${randomUUID().replace(/-/g, "")}`,
  };
}

export function flatError(
  c: Context<EmulatorEnv>,
  status: ContentfulStatusCode,
  message: string,
  appErrorCode: string,
): Response {
  return c.json(flatErrorBody(message, appErrorCode, c.get("nowMs") ?? Date.now()), status);
}

/** A 405 naming the methods the path supports. */
export function methodNotAllowed(allowed: readonly string[]) {
  return (c: Context<EmulatorEnv>): Response => {
    c.header("Allow", allowed.join(", "));
    return flatError(
      c,
      405,
      `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(" or ")}`,
      "method_not_allowed",
    );
  };
}
