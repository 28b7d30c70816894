import * as z from "zod/mini";
import { clampText } from "./boundedText";

/**
 * The bodies the add-on exchanges with the Vitable Connect API (vitable-api.md §2, §5.2, §6),
 * except the member sync payload, which lives in memberSchema.ts. Unknown extra fields are
 * dropped, never rejected, so Vitable can add fields without breaking the add-on.
 */

/** Vitable writes UTC timestamps both as `…Z` and as `…+00:00`. */
const timestampSchema = z.iso.datetime({ offset: true });

/** Fields the SDK types allow to be null or absent, read as null either way. */
function orNull<T extends z.ZodMiniType>(schema: T) {
  return z.pipe(
    z.nullish(schema),
    z.transform((value: z.output<T> | null | undefined) => value ?? null),
  );
}

const MAX_GROUP_TEXT = 255;

/**
 * Limits on what Vitable sends, so one huge string cannot fill a cell, a record or an email
 * (a 60,000-character reason once jammed a tab). Text is cut with an ellipsis; an ID that long
 * cannot be one of the add-on's, so it is refused instead of cut into another ID.
 */
const MAX_NAME = 255;
const MAX_MESSAGE = 1_000;
const MAX_ID = 255;

/** A string cut to `max` characters. */
function clamped(max: number) {
  return z.pipe(
    z.string(),
    z.transform((text: string) => clampText(text, max)),
  );
}

/** Group name and external reference ID rules; messages are predicates placed after the field's label. */
const groupText = z
  .string()
  .check(
    z.minLength(1, { error: "is empty" }),
    z.maxLength(MAX_GROUP_TEXT, { error: `is longer than ${MAX_GROUP_TEXT} characters` }),
  );

/** IDs are opaque strings (vitable-api.md §1); only emptiness is wrong. */
const opaqueId = z.string().check(z.minLength(1), z.maxLength(MAX_ID));
const count = z.int().check(z.nonnegative());

export const planSchema = z.object({
  id: opaqueId,
  name: clamped(MAX_NAME),
});

export type Plan = z.infer<typeof planSchema>;

export const groupSchema = z.object({
  id: opaqueId,
  // The onboarding guide's abbreviated create response leaves it out.
  organization_id: orNull(clamped(MAX_ID)),
  name: clamped(MAX_NAME),
  // Optional in the Groups concept page, so groups created outside the add-on may lack it.
  external_reference_id: orNull(clamped(MAX_NAME)),
  created_at: orNull(timestampSchema),
  updated_at: orNull(timestampSchema),
});

export type Group = z.infer<typeof groupSchema>;

export const paginationSchema = z.object({
  page: count,
  limit: count,
  total: count,
  total_pages: count,
});

export type Pagination = z.infer<typeof paginationSchema>;

/** `{"data": [...], "pagination": {...}}` */
export function listEnvelopeSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ data: z.array(item), pagination: paginationSchema });
}

/** `{"data": {...}}` */
export function dataEnvelopeSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({ data: item });
}

export const planListSchema = listEnvelopeSchema(planSchema);
export const groupListSchema = listEnvelopeSchema(groupSchema);

/** Body of `POST /v1/groups`: both fields required. */
export const createGroupBodySchema = z.object({
  name: groupText,
  external_reference_id: groupText,
});

export type CreateGroupBody = z.infer<typeof createGroupBodySchema>;

/** Body of `PATCH /v1/groups/{id}`: an omitted field stays as it is. */
export const updateGroupBodySchema = z.object({
  name: z.optional(groupText),
  external_reference_id: z.optional(groupText),
});

export type UpdateGroupBody = z.infer<typeof updateGroupBodySchema>;

/** The 202 answer to a member sync: an acceptance receipt, not the outcome. */
export const memberSyncReceiptSchema = z.object({
  request_id: opaqueId,
  group_id: opaqueId,
  accepted_at: timestampSchema,
});

export type MemberSyncReceipt = z.infer<typeof memberSyncReceiptSchema>;

export const memberSyncFailureSchema = z.object({
  reference_id: clamped(MAX_ID),
  operation: z.enum(["add", "remove"]),
  reason: clamped(MAX_MESSAGE),
});

export type MemberSyncFailure = z.infer<typeof memberSyncFailureSchema>;

export const memberSyncResultsSchema = z.object({
  added_group_member_ids: z.array(z.string()),
  removed_group_member_ids: z.array(z.string()),
  failures: z.array(memberSyncFailureSchema),
});

export type MemberSyncResults = z.infer<typeof memberSyncResultsSchema>;

/** A sync request: its receipt, and `completed_at` and `results`, null while Vitable is still processing it. */
export const memberSyncRequestDetailSchema = z.extend(memberSyncReceiptSchema, {
  completed_at: orNull(timestampSchema),
  results: orNull(memberSyncResultsSchema),
});

export type MemberSyncRequestDetail = z.infer<typeof memberSyncRequestDetailSchema>;

/** Error body of the authentication guide: `{"error": {"code", "message"}}`. */
const nestedErrorBodySchema = z.object({
  error: z.object({
    code: orNull(clamped(MAX_ID)),
    message: orNull(clamped(MAX_MESSAGE)),
  }),
});

/** Error body of the API spec: `{timestamp, message, error, app_error_code, trace_id}`. */
const flatErrorBodySchema = z.object({
  // Read as plain text: an error must stay readable even if its timestamp is oddly formatted.
  timestamp: orNull(clamped(MAX_ID)),
  message: orNull(clamped(MAX_MESSAGE)),
  error: orNull(clamped(MAX_MESSAGE)),
  app_error_code: orNull(clamped(MAX_ID)),
  trace_id: orNull(clamped(MAX_ID)),
});

/** Either documented error body; `error` tells them apart (an object in the nested one). */
export const errorBodySchema = z.union([nestedErrorBodySchema, flatErrorBodySchema]);
