import type * as z from "zod/mini";
import { addressSchema, MEMBER_FIELDS, memberSchema, type MemberField } from "../../vitable/memberSchema";

/**
 * The header names the roster understands. Headers are compared after `normaliseHeader`, so
 * "E-mail", "ZIP code", "Zip_Code" and "DOB (MM/DD/YYYY)" match "Email", "ZIP Code" and "DOB".
 * Within a list, earlier names are stronger: when two columns name the same field (an "ID" and
 * an "Employee ID" column), the one whose header comes earlier in the list is used, and between
 * equally strong headers the leftmost column.
 */
export const MEMBER_COLUMN_NAMES: Record<MemberField, { label: string; synonyms: readonly string[] }> = {
  reference_id: {
    label: "Reference ID",
    synonyms: [
      "Reference ID",
      "Ref ID",
      "Employee ID",
      "Emp ID",
      "Employee Number",
      "Employee No",
      "Emp No",
      "Worker ID",
      "Member ID",
      "ID",
    ],
  },
  first_name: { label: "First Name", synonyms: ["First Name", "Legal First Name", "Given Name", "First", "FName"] },
  last_name: {
    label: "Last Name",
    synonyms: ["Last Name", "Legal Last Name", "Surname", "Family Name", "Last", "LName"],
  },
  date_of_birth: { label: "Date of Birth", synonyms: ["Date of Birth", "DOB", "Birth Date", "Birthday"] },
  email: { label: "Email", synonyms: ["Email", "Email Address", "Work Email", "Work Email Address"] },
  phone: {
    label: "Phone",
    synonyms: [
      "Phone",
      "Phone Number",
      "Mobile",
      "Mobile Phone",
      "Mobile Number",
      "Cell",
      "Cell Phone",
      "Cell Number",
      "Telephone",
    ],
  },
  plan_id: { label: "Plan", synonyms: ["Plan", "Plan ID", "Plan Name"] },
  "address.address_line_1": {
    label: "Address Line 1",
    synonyms: ["Address Line 1", "Address 1", "Street Address", "Street", "Address"],
  },
  "address.address_line_2": {
    label: "Address Line 2",
    synonyms: ["Address Line 2", "Address 2", "Street Address 2", "Apt", "Apartment", "Suite", "Unit", "Apt/Suite"],
  },
  "address.city": { label: "City", synonyms: ["City", "Town"] },
  "address.state": { label: "State", synonyms: ["State", "ST", "State Code"] },
  "address.zipcode": { label: "ZIP", synonyms: ["ZIP", "ZIP Code", "Postal Code", "ZIP/Postal Code"] },
};

/** Headers of the optional include column; strongest first, as above. */
export const INCLUDE_COLUMN_NAMES: readonly string[] = ["Include", "Include in Sync", "Active", "Sync"];

/** The add-on's own columns, added at the right end of the tab when missing. */
export const STATUS_COLUMN_NAMES = {
  status: "Vitable Status",
  message: "Vitable Message",
  syncedAt: "Vitable Synced At",
} as const;

// Parenthesised or bracketed hints ("DOB (MM/DD/YYYY)", "Phone [mobile]") say how to fill a
// column, not which column it is.
const HINT = /\([^)]*\)|\[[^\]]*\]/g;
const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;

/** A header reduced to what identifies it: no hints, case, spacing or punctuation. */
export function normaliseHeader(header: string): string {
  return header.replace(HINT, "").toLowerCase().replace(NOT_LETTER_OR_DIGIT, "");
}

function fieldSchema(field: MemberField): z.ZodMiniType {
  const [key = "", nestedKey] = field.split(".");
  const shape: Record<string, z.ZodMiniType> = nestedKey === undefined ? memberSchema.shape : addressSchema.shape;
  const schema = shape[nestedKey ?? key];
  if (schema === undefined) throw new Error(`memberSchema has no field ${field}`);
  return schema;
}

/** Fields whose column must be present, as memberSchema requires them. */
export const REQUIRED_FIELDS: readonly MemberField[] = MEMBER_FIELDS.filter(
  (field) => !fieldSchema(field).safeParse(undefined).success,
);
