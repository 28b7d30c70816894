import { enterGroupInput, GROUP_INPUTS, groupInputTooLong } from "../../messages/sidebar";

/** Vitable's limit for a group's name and external reference ID. */
const MAX_LENGTH = 255;

/** The trimmed value of a required group field, or an error naming the field and the fix. */
export function requiredGroupText(value: string, input: keyof typeof GROUP_INPUTS): string {
  const trimmed = value.trim();
  if (trimmed === "") throw new Error(enterGroupInput(GROUP_INPUTS[input]));
  if (trimmed.length > MAX_LENGTH) {
    throw new Error(groupInputTooLong(GROUP_INPUTS[input], trimmed.length, MAX_LENGTH));
  }
  return trimmed;
}
