import * as z from "zod";
import { describeFirstIssue, typeError } from "./validation";

/**
 * Vitable's server-side rules for the member sync payload (vitable-api.md §3.4), written from
 * the reference rather than shared with the add-on, so the emulator rejects a client whose own
 * rules are wrong. Messages are predicates placed after the payload path
 * (`members[3].phone must be 10 digits`).
 */
const MAX_TEXT = 255;

const DATE_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;
const TEN_DIGITS = /^\d{10}$/;
const TWO_UPPERCASE_LETTERS = /^[A-Z]{2}$/;
const ZIP_CODE = /^\d{5}(-\d{4})?$/;

const requiredString = () => z.string({ error: typeError("a string") });

const requiredText = requiredString()
  .min(1, "must not be empty")
  .max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`);

function isCalendarDate(value: string): boolean {
  const parts = DATE_FORMAT.exec(value);
  if (parts === null) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; setUTCFullYear keeps years below 100 literal.
  const lastDay = new Date(0);
  lastDay.setUTCFullYear(year, month, 0);
  return day <= lastDay.getUTCDate();
}

const addressSchema = z.object(
  {
    address_line_1: requiredText,
    address_line_2: z
      .string({ error: "must be a string or null" })
      .max(MAX_TEXT, `must be at most ${MAX_TEXT} characters`)
      .nullish(),
    city: requiredText,
    state: requiredString().regex(TWO_UPPERCASE_LETTERS, "must be two uppercase letters such as CA"),
    zipcode: requiredString().regex(ZIP_CODE, "must be a ZIP code in the form NNNNN or NNNNN-NNNN"),
  },
  { error: typeError("an object") },
);

export const syncMemberSchema = z.object(
  {
    reference_id: requiredString()
      .min(1, `must be between 1 and ${MAX_TEXT} characters`)
      .max(MAX_TEXT, `must be between 1 and ${MAX_TEXT} characters`),
    first_name: requiredText,
    last_name: requiredText,
    date_of_birth: requiredString().refine(isCalendarDate, "must be a real date in the form YYYY-MM-DD"),
    phone: requiredString().regex(TEN_DIGITS, "must be 10 digits"),
    email: z
      .email({
        error: (issue) =>
          issue.code === "invalid_type" ? "must be a string or null" : "must be a valid email address",
      })
      .nullish(),
    plan_id: requiredString().min(1, "must not be empty"),
    address: addressSchema,
  },
  { error: typeError("an object") },
);

export type SyncMember = z.infer<typeof syncMemberSchema>;

const syncPayloadSchema = z.object(
  { members: z.array(syncMemberSchema, { error: typeError("an array") }) },
  { error: "The request body must be a JSON object with a members array" },
);

export type SyncPayloadCheck =
  | { ok: true; members: SyncMember[] }
  | { ok: false; code: "validation_error" | "duplicate_reference_id"; message: string };

/** The members of a valid payload, or the first problem (with how many more there are). */
export function checkSyncPayload(body: unknown): SyncPayloadCheck {
  const parsed = syncPayloadSchema.safeParse(body);
  if (!parsed.success) return { ok: false, code: "validation_error", message: describeFirstIssue(parsed.error) };
  const firstIndexOf = new Map<string, number>();
  const { members } = parsed.data;
  for (let index = 0; index < members.length; index += 1) {
    const referenceId = members[index]!.reference_id;
    const earlier = firstIndexOf.get(referenceId);
    if (earlier !== undefined) {
      return {
        ok: false,
        code: "duplicate_reference_id",
        message: `members[${index}].reference_id "${referenceId}" is a duplicate of members[${earlier}].reference_id; each reference_id must appear once`,
      };
    }
    firstIndexOf.set(referenceId, index);
  }
  return { ok: true, members };
}
