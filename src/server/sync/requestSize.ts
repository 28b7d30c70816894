import type { MemberSyncRequest } from "../../vitable/memberSchema";
import { requestBodyText } from "../../vitable/client";

/** UrlFetchApp refuses to send a POST body larger than 50 MB (apps-script-notes.md A2). */
export const POST_BODY_LIMIT_BYTES = 50 * 1024 * 1024;

/** Bytes of `text` in UTF-8, as the request body is sent. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      // A surrogate pair: one 4-byte character.
      bytes += 4;
      index++;
    } else bytes += 3;
  }
  return bytes;
}

/** A member sync too large to send, and how many members of the same average size would fit. */
export interface OversizedSync {
  bodyBytes: number;
  membersThatFit: number;
}

/**
 * Null when the member sync's body fits under `limitBytes`; else how large it is and how many
 * members fit, estimated from the average size of a member in this roster.
 */
export function oversizedSync(sync: MemberSyncRequest, limitBytes: number): OversizedSync | null {
  const { members } = sync;
  const body = requestBodyText(sync);
  // No code unit takes more than 3 bytes (a surrogate pair takes 4 for two): most rosters need no count.
  if (body.length * 3 <= limitBytes) return null;
  const bodyBytes = utf8Bytes(body);
  if (bodyBytes <= limitBytes) return null;
  const envelopeBytes = utf8Bytes(JSON.stringify({ members: [] }));
  const perMember = (bodyBytes - envelopeBytes) / members.length;
  return { bodyBytes, membersThatFit: Math.max(0, Math.floor((limitBytes - envelopeBytes) / perMember)) };
}
