import { enterGroupField, GROUP_FIELDS, groupFieldTooLong } from "../../messages/sidebar";

/** Vitable's limit for a group's name and external reference ID. */
const MAX_LENGTH = 255;

/** The trimmed value of a required group field, or an error naming the field and the fix. */
export function requiredGroupText(value: string, field: keyof typeof GROUP_FIELDS): string {
  const trimmed = value.trim();
  if (trimmed === "") throw new Error(enterGroupField(GROUP_FIELDS[field]));
  if (trimmed.length > MAX_LENGTH) {
    throw new Error(groupFieldTooLong(GROUP_FIELDS[field], trimmed.length, MAX_LENGTH));
  }
  return trimmed;
}
