/** Vitable's limit for a group's name and external reference ID. */
const MAX_LENGTH = 255;

/** The trimmed value of a required group field, or an error naming the field and the fix. */
export function requiredGroupText(value: string, what: string): string {
  const trimmed = value.trim();
  if (trimmed === "") throw new Error(`Enter the ${what}.`);
  if (trimmed.length > MAX_LENGTH) {
    throw new Error(`The ${what} is ${trimmed.length} characters long; Vitable accepts at most ${MAX_LENGTH}.`);
  }
  return trimmed;
}
