import { errorBodySchema } from "./apiSchemas";

/**
 * What Vitable says when a request fails, made safe to keep: read from either documented body
 * shape, secrets hidden, and length bounded, since an error's fields reach logs and sentences.
 */

const HIDDEN_KEY = "[hidden key]";
/** Vitable API keys and access tokens, whoever they belong to. */
const TOKEN_PATTERN = /vit_(?:apk|at)_[^\s"'<>,;]*/g;
const BEARER_PATTERN = /(Bearer\s+)[^\s"'<>,;]+/gi;
const ELLIPSIS = "…";

/** Removes the API key, anything shaped like a Vitable key or token, and bearer credentials. */
export function redactSecrets(text: string, apiKey: string): string {
  const withoutKey = apiKey === "" ? text : text.split(apiKey).join(HIDDEN_KEY);
  return withoutKey.replace(TOKEN_PATTERN, HIDDEN_KEY).replace(BEARER_PATTERN, `$1${HIDDEN_KEY}`);
}

/** `text` cut to at most `maxLength` characters, ending in "…" when cut; never splits a surrogate pair. */
export function boundLength(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  let end = maxLength - ELLIPSIS.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return text.slice(0, end) + ELLIPSIS;
}

export interface ErrorBodyDetails {
  code: string | null;
  message: string | null;
  traceId: string | null;
}

const NO_DETAILS: ErrorBodyDetails = { code: null, message: null, traceId: null };

/** Reads either documented error body shape; anything else (HTML, empty) yields no details. */
export function readErrorBody(body: string): ErrorBodyDetails {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ...NO_DETAILS };
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return { ...NO_DETAILS };
  const errorBody = parsed.data;
  if ("trace_id" in errorBody) {
    return {
      code: errorBody.app_error_code,
      message: errorBody.message ?? errorBody.error,
      traceId: errorBody.trace_id,
    };
  }
  return { code: errorBody.error.code, message: errorBody.error.message, traceId: null };
}
