import * as z from "zod/mini";
import { US_STATE_CODES } from "./usStates";

/**
 * The member payload of `POST /v1/groups/{id}/members/sync` (vitable-api.md §3.4) and the single
 * source of Vitable's field rules. Messages are predicates: the roster engine puts the column
 * name the user sees in front of them ("Phone must be …").
 */
const MAX_TEXT = 255;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^[2-9]\d{9}$/;
const ZIP_CODE = /^\d{5}(-\d{4})?$/;

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
  zipcode: formatted(ZIP_CODE, "must be a ZIP code such as 94102 or 94102-1234"),
});

export const memberSchema = z.object({
  reference_id: requiredText,
  first_name: requiredText,
  last_name: requiredText,
  date_of_birth: formatted(DATE, "must be a date such as 1990-05-15"),
  email: z.optional(z.email({ error: "is not a valid email address" })),
  phone: formatted(PHONE, "must be a 10-digit US number whose area code does not start with 0 or 1"),
  plan_id: z.string().check(z.minLength(1, { error: "is empty" })),
  address: addressSchema,
});

export type Member = z.infer<typeof memberSchema>;

const STATE_CODES: ReadonlySet<string> = new Set(US_STATE_CODES);

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isText(value: unknown, minimum: number): value is string {
  return typeof value === "string" && value.length >= minimum && value.length <= MAX_TEXT;
}

/** An optional field as zod copies it: absent stays absent, present (even undefined) is kept. */
function withOptional<T extends Fields>(target: T, source: Fields, key: string): T {
  if (key in source) (target as Fields)[key] = source[key];
  return target;
}

/**
 * The member memberSchema makes of `candidate` when it accepts it, or null when it does not:
 * the same rules, checked in one pass. Reading a large roster checks tens of thousands of
 * members in an execution whose code starts cold, where walking the schema costs several times
 * more than the rest of reading a row. Only acceptance is decided here; a null goes to
 * memberSchema, which says what is wrong. test/vitable/memberSchema.test.ts checks that both
 * decide every candidate alike.
 */
export function acceptedMember(candidate: unknown): Member | null {
  if (!isFields(candidate)) return null;
  const { address } = candidate;
  if (
    !isText(candidate.reference_id, 1) ||
    !isText(candidate.first_name, 1) ||
    !isText(candidate.last_name, 1) ||
    typeof candidate.date_of_birth !== "string" ||
    !DATE.test(candidate.date_of_birth) ||
    (candidate.email !== undefined &&
      (typeof candidate.email !== "string" || !z.regexes.email.test(candidate.email))) ||
    typeof candidate.phone !== "string" ||
    !PHONE.test(candidate.phone) ||
    typeof candidate.plan_id !== "string" ||
    candidate.plan_id.length === 0 ||
    !isFields(address) ||
    !isText(address.address_line_1, 1) ||
    (address.address_line_2 !== undefined && !isText(address.address_line_2, 0)) ||
    !isText(address.city, 1) ||
    typeof address.state !== "string" ||
    !STATE_CODES.has(address.state) ||
    typeof address.zipcode !== "string" ||
    !ZIP_CODE.test(address.zipcode)
  ) {
    return null;
  }
  const acceptedAddress = withOptional({ address_line_1: address.address_line_1 }, address, "address_line_2");
  Object.assign(acceptedAddress, { city: address.city, state: address.state, zipcode: address.zipcode });
  const member = {
    reference_id: candidate.reference_id,
    first_name: candidate.first_name,
    last_name: candidate.last_name,
    date_of_birth: candidate.date_of_birth,
  } as Fields;
  withOptional(member, candidate, "email");
  Object.assign(member, { phone: candidate.phone, plan_id: candidate.plan_id, address: acceptedAddress });
  return member as Member;
}

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
