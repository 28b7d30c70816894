import { type Member, type MemberField, acceptedMember, memberSchema } from "../../vitable/memberSchema";

/** One rule of memberSchema a candidate breaks; `message` is the schema's predicate. */
export interface SchemaIssue {
  field: MemberField;
  message: string;
}

export type MemberValidation = { ok: true; member: Member } | { ok: false; issues: SchemaIssue[] };

/**
 * Checks a candidate member against memberSchema: a member it accepts is decided in one pass
 * (acceptedMember); any other goes through the schema's Standard Schema interface, which reports
 * the issues without building a ZodError: that halves the cost of an invalid row, and a pasted
 * 50,000-row tab can be invalid throughout.
 */
export function validateMember(candidate: unknown): MemberValidation {
  const accepted = acceptedMember(candidate);
  if (accepted !== null) return { ok: true, member: accepted };
  const result = memberSchema["~standard"].validate(candidate);
  // Only asynchronous refinements answer with a promise, and memberSchema has none.
  if (result instanceof Promise) throw new Error("memberSchema must validate synchronously");
  if (result.issues === undefined) return { ok: true, member: result.value };
  return {
    ok: false,
    issues: result.issues.map((issue) => ({
      field: (issue.path ?? [])
        .map((segment) => String(typeof segment === "object" ? segment.key : segment))
        .join(".") as MemberField,
      message: issue.message,
    })),
  };
}
