import * as z from "zod";

/**
 * Bodies of the control API (`/_sandbox/…`). The server validates requests with these schemas
 * and the control client takes its parameter types from them, so both always agree.
 */

const HEADER_SAFE_TOKEN = /^[\x21-\x7e]+$/;
/** IMF-fixdate, the HTTP date form of `Retry-After`: `Wed, 21 Oct 2026 07:28:00 GMT`. */
const HTTP_DATE =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
/** A path pattern of the API: under `/v1`, no query; `*` stands for exactly one segment. */
const PATH_PATTERN = /^\/v1\/[^?#\s]*$/;
const STATUSES_WITHOUT_BODY = new Set([204, 205, 304]);

/** One sentence per problem, each led by where it is: `plans.0.id: must not be empty`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length === 0 ? issue.message : `${issue.path.join(".")}: ${issue.message}`))
    .join("; ");
}

export const planSchema = z.object({
  id: z.string().min(1, "must not be empty"),
  name: z.string().min(1, "must not be empty"),
});

export type Plan = z.infer<typeof planSchema>;

export const apiKeySpecSchema = z.object({
  key: z.string().regex(HEADER_SAFE_TOKEN, "must be a non-empty key without spaces"),
  /** The organization the key acts as; a new one is created when absent or unknown. */
  organizationId: z.string().startsWith("org_", "must start with org_").optional(),
});

export type ApiKeySpec = z.input<typeof apiKeySpecSchema>;

export const plansBodySchema = z.object({
  plans: z.array(planSchema).refine((plans) => new Set(plans.map((plan) => plan.id)).size === plans.length, {
    error: "must not repeat a plan id",
  }),
});

export const processingDelayBodySchema = z.object({
  processingDelayMs: z.int({ error: "must be a whole number of milliseconds" }).min(0, "must be 0 or more"),
});

export const unremovableBodySchema = z.object({
  referenceIds: z.array(z.string().min(1, "must not be empty")).min(1, "must list at least one reference ID"),
  /** Only in this group; in every group when absent. */
  groupId: z.string().min(1).optional(),
});

export type UnremovableSpec = z.input<typeof unremovableBodySchema>;

const requestMatch = {
  /** Any method when absent. */
  method: z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]).optional(),
  path: z.string().regex(PATH_PATTERN, "must be a path under /v1 such as /v1/groups/*/members/sync, without a query"),
  /** How many matching requests the fault applies to. */
  times: z.int({ error: "must be a whole number" }).min(1, "must be 1 or more").default(1),
};

const retryAfterSchema = z.union([
  z.int({ error: "must be whole seconds or an HTTP date" }).min(0, "must be 0 seconds or more"),
  z.string().regex(HTTP_DATE, "must be seconds or an HTTP date such as Wed, 21 Oct 2026 07:28:00 GMT"),
]);

const statusSchema = z
  .int({ error: "must be an HTTP status" })
  .min(200, "must be between 200 and 599")
  .max(599, "must be between 200 and 599")
  .refine((status) => !STATUSES_WITHOUT_BODY.has(status), "must be a status that carries a body (not 204, 205 or 304)");

/** What a faulty answer holds: a status, optionally `Retry-After`, optionally a JSON body. */
const faultAnswerSchema = z.object({
  status: statusSchema,
  retryAfter: retryAfterSchema.optional(),
  /** Sent as JSON; a flat error body naming the status when absent. */
  body: z.json().optional(),
});

export type FaultAnswer = z.infer<typeof faultAnswerSchema>;

export const faultSpecSchema = z.discriminatedUnion("kind", [
  /** Answers with the given status instead of handling the request. */
  z.object({ kind: z.literal("status"), ...requestMatch, ...faultAnswerSchema.shape }),
  /** Waits, then handles the request normally, or answers with `status` when given. */
  z.object({
    kind: z.literal("delay"),
    ...requestMatch,
    delayMs: z
      .int({ error: "must be a whole number of milliseconds" })
      .min(1, "must be 1 or more")
      .max(600_000, "must be at most 600000"),
    ...faultAnswerSchema.partial({ status: true }).shape,
  }),
  /** Answers 200 with a body that is not valid JSON. */
  z.object({ kind: z.literal("malformedBody"), ...requestMatch }),
  /**
   * Closes the connection without an answer; with `afterHandling`, only once the request has
   * been handled, as when an answer is lost on the way back.
   */
  z.object({ kind: z.literal("dropConnection"), ...requestMatch, afterHandling: z.boolean().default(false) }),
  /** The next accepted member syncs (of `groupId`, or of any group) never complete. */
  z.object({
    kind: z.literal("neverComplete"),
    groupId: z.string().min(1).optional(),
    times: requestMatch.times,
  }),
]);

export type FaultSpec = z.input<typeof faultSpecSchema>;
export type Fault = z.output<typeof faultSpecSchema>;

export const storedFaultSchema = z.intersection(
  faultSpecSchema,
  z.object({ id: z.string(), remaining: z.int().min(1) }),
);

/** An injected fault with the number of matching requests it still applies to. */
export type StoredFault = z.infer<typeof storedFaultSchema>;
