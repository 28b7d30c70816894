import { UNKNOWN_FINGERPRINT, type AcceptedMember, type AcceptedRoster } from "./acceptedRoster";
import { FINGERPRINT_PATTERN, fingerprintText } from "./fingerprint";

/**
 * The saved form of a last accepted roster: one line per member, so 50,000 members stay small.
 *
 *   VitableRoster/1
 *   <group ID> TAB <request ID> TAB <completed at> TAB <member count>
 *   <reference ID> TAB <name> TAB <fingerprint>        (once per member)
 *   <checksum of everything above>
 *
 * Backslash, tab, newline and CR inside a value are written as \\ \t \n \r, and a lone UTF-16
 * surrogate as \uXXXX, so every JavaScript string round-trips and the text stays valid UTF-8
 * for storage. The count and checksum catch a record cut short or pieced together wrongly.
 */
const MAGIC = "VitableRoster/";
const FORMAT_VERSION = "1";

const NEEDS_ESCAPE = /[\\\t\n\r]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPE_SEQUENCE = /\\(?:([\\tnr])|u([0-9A-F]{4}))?/g;
const WHOLE_NUMBER = /^(0|[1-9]\d*)$/;
const VERSION_NUMBER = /^\d+$/;

const ESCAPED: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };
const UNESCAPED: Record<string, string> = { "\\": "\\", t: "\t", n: "\n", r: "\r" };

function escapeValue(value: string): string {
  return value.replace(NEEDS_ESCAPE, (char) => ESCAPED[char] ?? `\\u${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The value, or null when the text holds a backslash that this format never writes. */
function unescapeValue(text: string): string | null {
  if (text.indexOf("\\") === -1) return text;
  let valid = true;
  const value = text.replace(ESCAPE_SEQUENCE, (_sequence, simple: string | undefined, hex: string | undefined) => {
    if (simple !== undefined) return UNESCAPED[simple] as string;
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    valid = false;
    return "";
  });
  return valid ? value : null;
}

export function serializeAcceptedRoster(roster: AcceptedRoster): string {
  const lines: string[] = [
    MAGIC + FORMAT_VERSION,
    [
      escapeValue(roster.groupId),
      escapeValue(roster.requestId),
      escapeValue(roster.completedAt),
      roster.members.length,
    ].join("\t"),
  ];
  for (const member of roster.members) {
    lines.push(`${escapeValue(member.referenceId)}\t${escapeValue(member.name)}\t${member.fingerprint}`);
  }
  const body = lines.join("\n") + "\n";
  return body + fingerprintText(body);
}

export type ParsedAcceptedRoster = { ok: true; roster: AcceptedRoster } | { ok: false; problem: string };

const NOT_A_RECORD = "The saved record of the last sync is not in a format this add-on recognises.";

function damaged(detail: string): ParsedAcceptedRoster {
  return { ok: false, problem: `The saved record of the last sync is damaged (${detail}).` };
}

/** Reads a serialised roster; a damaged or unknown text is refused, never read partly. */
export function parseAcceptedRoster(text: string): ParsedAcceptedRoster {
  const firstLineEnd = text.indexOf("\n");
  const firstLine = firstLineEnd === -1 ? text : text.slice(0, firstLineEnd);
  if (!firstLine.startsWith(MAGIC)) return { ok: false, problem: NOT_A_RECORD };
  const version = firstLine.slice(MAGIC.length);
  if (version !== FORMAT_VERSION) {
    if (!VERSION_NUMBER.test(version)) return { ok: false, problem: NOT_A_RECORD };
    return {
      ok: false,
      problem: `The saved record of the last sync was written in format ${version} by a newer version of the add-on, which this version cannot read.`,
    };
  }

  const checksumStart = text.lastIndexOf("\n") + 1;
  const body = text.slice(0, checksumStart);
  if (checksumStart === 0 || fingerprintText(body) !== text.slice(checksumStart)) {
    return damaged("its checksum does not match");
  }

  // The body ends with a newline, so the last piece is empty.
  const lines = body.split("\n");
  const header = (lines[1] ?? "").split("\t");
  const [groupId, requestId, completedAt] = header.slice(0, 3).map(unescapeValue);
  const count = header[3] ?? "";
  if (header.length !== 4 || !groupId || !requestId || !completedAt || !WHOLE_NUMBER.test(count)) {
    return damaged("its first line is not a group, a request and a time");
  }
  const memberLines = lines.length - 3;
  if (Number(count) !== memberLines) {
    return damaged(`it should list ${count} members but lists ${Math.max(memberLines, 0)}`);
  }

  const members: AcceptedMember[] = [];
  const seen = new Set<string>();
  for (let i = 2; i < lines.length - 1; i++) {
    const fields = (lines[i] as string).split("\t");
    const referenceId = unescapeValue(fields[0] ?? "");
    const name = unescapeValue(fields[1] ?? "");
    const fingerprint = fields[2] ?? "";
    if (
      fields.length !== 3 ||
      !referenceId ||
      name === null ||
      (fingerprint !== UNKNOWN_FINGERPRINT && !FINGERPRINT_PATTERN.test(fingerprint))
    ) {
      return damaged(`member line ${i - 1} cannot be read`);
    }
    if (seen.has(referenceId)) return damaged(`reference ID ${referenceId} appears twice`);
    seen.add(referenceId);
    members.push({ referenceId, name, fingerprint });
  }
  return { ok: true, roster: { groupId, requestId, completedAt, members } };
}
