import * as z from "zod/mini";
import { US_STATE_CODES } from "./usStates";

/**
 * The member payload of `POST /v1/groups/{id}/members/sync` (vitable-api.md §3.4) and the single
 * source of Vitable's field rules. Messages are predicates: the roster engine puts the column
 * name the user sees in front of them ("Phone must be …").
 */
const MAX_TEXT = 255;

const tooLong = z.maxLength(MAX_TEXT, { error: `is longer than ${MAX_TEXT} characters` });
const requiredText = z.string().check(z.minLength(1, { error: "is empty" }), tooLong);
const optionalText = z.optional(z.string().check(tooLong));

/** A string matching `pattern`; `predicate` says what it must be. */
function formatted(pattern: RegExp, predicate: string) {
  return z.string().check(z.regex(pattern, { error: predicate }));
}

export const addressSchema = z.object({
  address_line_1: requiredText,
  address_line_2: optionalText,
  city: requiredText,
  state: z.enum(US_STATE_CODES, { error: "must be a two-letter US state or territory code such as CA" }),
  zipcode: formatted(/^\d{5}(-\d{4})?$/, "must be a ZIP code such as 94102 or 94102-1234"),
});

export const memberSchema = z.object({
  reference_id: requiredText,
  first_name: requiredText,
  last_name: requiredText,
  date_of_birth: formatted(/^\d{4}-\d{2}-\d{2}$/, "must be a date such as 1990-05-15"),
  email: z.optional(z.email({ error: "is not a valid email address" })),
  phone: formatted(/^[2-9]\d{9}$/, "must be a 10-digit US number whose area code does not start with 0 or 1"),
  plan_id: z.string().check(z.minLength(1, { error: "is empty" })),
  address: addressSchema,
});

export type Member = z.infer<typeof memberSchema>;

export const memberSyncRequestSchema = z.object({ members: z.array(memberSchema) });

export type MemberSyncRequest = z.infer<typeof memberSyncRequestSchema>;

/** Every payload path of a member, as used in per-field errors (`address.zipcode`, …). */
export const MEMBER_FIELDS = [
  "reference_id",
  "first_name",
  "last_name",
  "date_of_birth",
  "email",
  "phone",
  "plan_id",
  "address.address_line_1",
  "address.address_line_2",
  "address.city",
  "address.state",
  "address.zipcode",
] as const;

export type MemberField = (typeof MEMBER_FIELDS)[number];
