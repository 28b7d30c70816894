import { MEMBER_FIELDS, type Member, type MemberField } from "../../vitable/memberSchema";

/**
 * A 48-bit hash written as 8 characters, used to tell a changed member from an unchanged one
 * without keeping their personal data, and to check a saved record for damage. Two 32-bit
 * multiply-xor lanes (the cyrb53 construction): fast and pure. Fingerprints are only ever compared
 * for the same reference ID, so what matters is that a member's change goes unnoticed with a
 * chance of 1 in 2^48; even any two of 50,000 members share one with a chance of about 1 in 200,000.
 */
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const DIGIT_BITS = 6;
const DIGIT_MASK = 63;

/** Matches exactly one fingerprint. */
export const FINGERPRINT_PATTERN = /^[0-9A-Za-z_-]{8}$/;

// Looked up once: reading the global `Math` per character is slow where globals sit behind a
// proxy, as in a node:vm context (the local Apps Script sandbox and jest).
const imul = Math.imul;

interface HashState {
  a: number;
  b: number;
}

function startHash(): HashState {
  return { a: 0xdeadbeef, b: 0x41c6ce57 };
}

function mixUnit(state: HashState, unit: number): void {
  state.a = imul(state.a ^ unit, 2654435761);
  state.b = imul(state.b ^ unit, 1597334677);
}

function mixText(state: HashState, text: string): void {
  for (let i = 0; i < text.length; i++) mixUnit(state, text.charCodeAt(i));
}

function digest(state: HashState): string {
  let a = imul(state.a ^ (state.a >>> 16), 2246822507);
  a ^= imul(state.b ^ (state.b >>> 13), 3266489909);
  let b = imul(state.b ^ (state.b >>> 16), 2246822507);
  b ^= imul(a ^ (a >>> 13), 3266489909);
  // 30 bits of a in the first five digits; its top 2 bits and 16 bits of b in the last three.
  let low = a & 0x3fffffff;
  let high = (a >>> 30) | ((b & 0xffff) << 2);
  let out = "";
  for (let i = 0; i < 5; i++, low >>>= DIGIT_BITS) out += DIGITS.charAt(low & DIGIT_MASK);
  for (let i = 0; i < 3; i++, high >>>= DIGIT_BITS) out += DIGITS.charAt(high & DIGIT_MASK);
  return out;
}

const FIELD_VALUE: Record<MemberField, (member: Member) => string | undefined> = {
  reference_id: (m) => m.reference_id,
  first_name: (m) => m.first_name,
  last_name: (m) => m.last_name,
  date_of_birth: (m) => m.date_of_birth,
  email: (m) => m.email,
  phone: (m) => m.phone,
  plan_id: (m) => m.plan_id,
  "address.address_line_1": (m) => m.address.address_line_1,
  "address.address_line_2": (m) => m.address.address_line_2,
  "address.city": (m) => m.address.city,
  "address.state": (m) => m.address.state,
  "address.zipcode": (m) => m.address.zipcode,
};

/** Both halves of the length of an omitted optional field: no string is 2^32 − 1 code units long. */
const ABSENT = 0xffff;

/**
 * The fingerprint of the exact payload of one member. Fields are hashed in the fixed order of
 * MEMBER_FIELDS, each preceded by its length, so moving text from one field to the next, or
 * leaving out an optional field instead of sending it empty, changes the fingerprint.
 */
export function fingerprintMember(member: Member): string {
  const state = startHash();
  for (const field of MEMBER_FIELDS) {
    const value = FIELD_VALUE[field](member);
    if (value === undefined) {
      mixUnit(state, ABSENT);
      mixUnit(state, ABSENT);
    } else {
      mixUnit(state, value.length & 0xffff);
      mixUnit(state, value.length >>> 16);
      mixText(state, value);
    }
  }
  return digest(state);
}

/** The fingerprint of a whole text, as a checksum of a saved record. */
export function fingerprintText(text: string): string {
  const state = startHash();
  mixText(state, text);
  return digest(state);
}
