import type * as z from "zod/mini";
import { addressSchema, MEMBER_FIELDS, memberSchema, type MemberField } from "../../vitable/memberSchema";
import { ROW_FILTER_TARGETS, type ColumnTarget, type RowFilterTarget } from "./columnMapping";

/**
 * The header names the roster understands. Headers are compared after `normaliseHeader`, so
 * "E-mail", "ZIP code", "Zip_Code" and "DOB (MM/DD/YYYY)" match "Email", "ZIP Code" and "DOB".
 * When two columns name the same field ("Phone" and "Mobile"), the user chooses which one is
 * meant in the mapping step: a guess could send the wrong number or the wrong person's ID.
 */
export const MEMBER_COLUMN_NAMES: Record<MemberField, { label: string; synonyms: readonly string[] }> = {
  // Names taken from HR and payroll exports are documented, with what was left out and why, in
  // docs/hr-exports.md. A name belongs here only if it can mean nothing but its field: a column
  // of another kind under it would be sent to Vitable, and two columns of one export matching
  // one field make the user choose between them.
  reference_id: {
    // What HR staff call it; "Reference ID", Vitable's name, stays a synonym.
    label: "Employee ID",
    synonyms: [
      "Reference ID",
      "Ref ID",
      "Employee ID",
      "Emp ID",
      "Employee Number",
      "Employee No",
      "Emp No",
      "Worker ID",
      // ADP Workforce Now's person ID; its File Number is unique only within a company code.
      "Associate ID",
      "Gusto Employee ID",
      // Paycom.
      "Employee Code",
      "Member ID",
      "ID",
    ],
  },
  first_name: {
    label: "First Name",
    synonyms: [
      "First Name",
      "Legal First Name",
      // Workday.
      "Legal Name - First Name",
      "Employee First Name",
      "Given Name",
      "First",
      "FName",
    ],
  },
  last_name: {
    label: "Last Name",
    synonyms: [
      "Last Name",
      "Legal Last Name",
      "Legal Name - Last Name",
      "Employee Last Name",
      "Surname",
      "Family Name",
      "Last",
      "LName",
    ],
  },
  date_of_birth: { label: "Date of Birth", synonyms: ["Date of Birth", "DOB", "Birth Date", "Birthday"] },
  // The work email: a personal or home email column sits beside it in most exports.
  email: {
    label: "Email",
    synonyms: [
      "Email",
      "Email Address",
      "Work Email",
      "Work Email Address",
      "Primary Work Email",
      // ADP Workforce Now.
      "Work Contact: Work Email",
      "Business Email",
      "Company Email",
    ],
  },
  // The person's own number; home and work phones sit beside it in most exports.
  phone: {
    label: "Phone",
    synonyms: [
      "Phone",
      "Phone Number",
      "Mobile",
      "Mobile Phone",
      "Mobile Number",
      "Mobile Phone Number",
      "Cell",
      "Cell Phone",
      "Cell Number",
      "Cell Phone Number",
      "Personal Mobile",
      "Personal Cell",
      // ADP Workforce Now.
      "Personal Contact: Personal Mobile",
      "Telephone",
      // TriNet / Zenefits, whose only other phone is the work phone.
      "Personal Phone",
    ],
  },
  plan_id: {
    label: "Plan",
    synonyms: ["Plan", "Plan ID", "Plan Name", "Vitable Plan", "Benefit Plan", "Benefit Plan Name"],
  },
  "address.address_line_1": {
    label: "Address Line 1",
    synonyms: [
      "Address Line 1",
      "Address 1",
      "Street Address",
      "Street Address 1",
      "Street 1",
      "Home Address Line 1",
      "Home Address 1",
      // ADP Workforce Now.
      "Primary Address: Address Line 1",
      "Street",
      "Home Street",
      // Exports that split the address put the street here; a whole address in one cell is
      // caught by the missing City, State and ZIP columns.
      "Home Address",
      "Address",
    ],
  },
  "address.address_line_2": {
    label: "Address Line 2",
    synonyms: [
      "Address Line 2",
      "Address 2",
      "Street Address 2",
      "Street 2",
      "Home Address Line 2",
      "Home Address 2",
      "Primary Address: Address Line 2",
      "Apt",
      "Apartment",
      "Suite",
      "Unit",
      "Apt/Suite",
    ],
  },
  "address.city": { label: "City", synonyms: ["City", "Home City", "Primary Address: City", "Town"] },
  "address.state": {
    label: "State",
    synonyms: [
      "State",
      "ST",
      "State Code",
      "Home State",
      "State/Province",
      "State/Territory",
      "State/Territory Code",
      "Primary Address: State / Territory Code",
    ],
  },
  "address.zipcode": {
    label: "ZIP",
    synonyms: [
      "ZIP",
      "ZIP Code",
      "Postal Code",
      "ZIP/Postal Code",
      "Zip/Postal",
      "Home Zip",
      "Home Zip Code",
      "Home Postal Code",
      "Primary Address: Zip / Postal Code",
      "Postal",
      "Postcode",
    ],
  },
};

/** Headers of the optional include column. */
export const INCLUDE_COLUMN_NAMES: readonly string[] = ["Include", "Include in Sync", "Active", "Sync"];

/**
 * The columns that are not sent but decide whether a row is, with the label the add-on uses
 * for them. "Status" alone is an employment status in every HR export that has it; the
 * add-on's own "Vitable Status" is told apart by its full name.
 */
export const ROW_FILTER_COLUMN_NAMES: Record<RowFilterTarget, { label: string; synonyms: readonly string[] }> = {
  include: { label: INCLUDE_COLUMN_NAMES[0] as string, synonyms: INCLUDE_COLUMN_NAMES },
  employmentStatus: {
    label: "Employment Status",
    synonyms: ["Employment Status", "Employee Status", "Worker Status", "Employment Status Code", "Status"],
  },
  terminationDate: {
    label: "Termination Date",
    synonyms: ["Termination Date", "Term Date", "Terminated Date", "Date of Termination", "Separation Date"],
  },
};

/** The add-on's name for a column, as the mapping step and messages show it. */
export function columnLabel(target: ColumnTarget): string {
  return target in ROW_FILTER_COLUMN_NAMES
    ? ROW_FILTER_COLUMN_NAMES[target as RowFilterTarget].label
    : MEMBER_COLUMN_NAMES[target as MemberField].label;
}

/** Every header name the add-on recognises, with the column it names. */
export function knownColumnNames(): [ColumnTarget, readonly string[]][] {
  return [
    ...MEMBER_FIELDS.map((field): [ColumnTarget, readonly string[]] => [field, MEMBER_COLUMN_NAMES[field].synonyms]),
    ...ROW_FILTER_TARGETS.map((target): [ColumnTarget, readonly string[]] => [
      target,
      ROW_FILTER_COLUMN_NAMES[target].synonyms,
    ]),
  ];
}

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

/**
 * A header reduced to what identifies it: no hints, case, spacing or punctuation. "#" reads as
 * "number", so BambooHR's "Employee #" is "Employee Number" and never a bare "Employee" column,
 * which may hold names.
 */
export function normaliseHeader(header: string): string {
  return header.replace(HINT, "").replace(/#/g, "number").toLowerCase().replace(NOT_LETTER_OR_DIGIT, "");
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

/** Whether every member needs this column. */
export function isRequired(target: ColumnTarget): boolean {
  return (REQUIRED_FIELDS as readonly string[]).includes(target);
}
