import type * as z from "zod";

/**
 * How the emulated Vitable words validation problems: the payload path, then a predicate
 * (`members[3].phone must be 10 digits`, `name is required`).
 */

/** The message of a type mismatch: missing and null read as "is required". */
export function typeError(expected: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null ? "is required" : `must be ${expected}`;
}

/** `members[3].address.zipcode` */
function payloadPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join("");
}

/** The first problem, and how many more there are. */
export function describeFirstIssue(error: z.ZodError): string {
  const [first, ...rest] = error.issues;
  const where = first!.path.length === 0 ? "" : `${payloadPath(first!.path)} `;
  const more = rest.length === 0 ? "" : ` (and ${rest.length} more ${rest.length === 1 ? "problem" : "problems"})`;
  return `${where}${first!.message}${more}`;
}

export type JsonBody = { ok: true; value: unknown } | { ok: false; message: string };

export function parseJsonBody(text: string): JsonBody {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: "The request body is not valid JSON" };
  }
}
