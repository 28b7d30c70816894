/**
 * Bytes as Apps Script scripts see them: arrays of Java's signed bytes (-128..127), and text
 * encoded in one of the charsets Apps Script names (`Utilities.Charset`, or names such as
 * "UTF-8" that Blob methods take).
 */
export type CharsetName = "UTF-8" | "US-ASCII";

/** Java's aliases, compared in upper case without separators ("utf8", "US_ASCII", "us-ascii"). */
const CHARSET_ALIASES: Readonly<Record<string, CharsetName>> = {
  UTF8: "UTF-8",
  USASCII: "US-ASCII",
  ASCII: "US-ASCII",
};

const SEPARATORS = /[-_\s]/g;
const QUESTION_MARK = 0x3f;
const REPLACEMENT_CHARACTER = "\uFFFD";

/** The charset a name stands for, or null when the sandbox does not know it. */
export function charsetNamed(name: string): CharsetName | null {
  return CHARSET_ALIASES[name.toUpperCase().replace(SEPARATORS, "")] ?? null;
}

/** Java encodes characters a charset lacks as "?". */
export function encodeText(text: string, charset: CharsetName): Uint8Array {
  if (charset === "UTF-8") return new Uint8Array(Buffer.from(text, "utf8"));
  return Uint8Array.from(Array.from(text), (character) => {
    const code = character.codePointAt(0)!;
    return code < 0x80 ? code : QUESTION_MARK;
  });
}

/** Java decodes bytes a charset cannot read as U+FFFD. */
export function decodeText(bytes: Uint8Array, charset: CharsetName): string {
  if (charset === "UTF-8") return Buffer.from(bytes).toString("utf8");
  return Array.from(bytes, (byte) => (byte < 0x80 ? String.fromCharCode(byte) : REPLACEMENT_CHARACTER)).join("");
}

export function toSignedBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (byte) => (byte > 127 ? byte - 256 : byte));
}

/** A script's byte array; Java narrows each number to its low eight bits. */
export function fromScriptBytes(values: readonly unknown[]): Uint8Array {
  return Uint8Array.from(values, (value) => Number(value) & 0xff);
}

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
