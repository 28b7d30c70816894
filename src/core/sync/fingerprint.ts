import { MEMBER_FIELDS, type Member, type MemberField } from "../../vitable/memberSchema";

/**
 * Fingerprints: 48-bit hashes written as 8 characters. A member's fingerprint tells a changed
 * member from an unchanged one without keeping their personal data, so it is keyed with a secret
 * of the spreadsheet (recordsKey.ts in the adapter): anyone can read the records tab, and an
 * unkeyed hash of a payload would give a removed member's date of birth away to whoever tries
 * every date. The hash is HalfSipHash (Aumasson and Bernstein), a keyed function made for short
 * inputs, over the text's UTF-16 code units two to a 32-bit word; members are hashed with one
 * compression round and three finalisation rounds (as Linux's hsiphash does), which keeps a 50,000
 * member roster at a few tens of milliseconds.
 *
 * Fingerprints are only ever compared for the same reference ID, so a change goes unnoticed with
 * a chance of 1 in 2^48.
 */

/** The 64-bit key of member fingerprints, as two 32-bit words. */
export interface FingerprintKey {
  k0: number;
  k1: number;
}

/** For hashes that need no secret: checksums of records, confirmation tokens. */
export const PUBLIC_KEY: FingerprintKey = { k0: 0, k1: 0 };

const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const DIGIT_BITS = 6;
const DIGIT_MASK = 63;

/** Matches exactly one fingerprint. */
export const FINGERPRINT_PATTERN = /^[0-9A-Za-z_-]{8}$/;

interface Rounds {
  compression: number;
  finalisation: number;
}

/** The reference parameters, which the published test vectors use. */
export const HALFSIPHASH_2_4: Rounds = { compression: 2, finalisation: 4 };
const MEMBER_ROUNDS: Rounds = { compression: 1, finalisation: 3 };

/** HalfSipHash's state over a stream of 16-bit units, buffered into little-endian 32-bit words. */
export class HalfSipHash {
  private v0: number;
  private v1: number;
  private v2: number;
  private v3: number;
  /** Bytes taken in so far. */
  private length = 0;
  private pending = 0;
  private hasPending = false;

  constructor(
    key: FingerprintKey,
    private readonly rounds: Rounds,
  ) {
    this.v0 = key.k0 | 0;
    this.v1 = (key.k1 ^ 0xee) | 0; // 64-bit output
    this.v2 = (0x6c796765 ^ key.k0) | 0;
    this.v3 = (0x74656462 ^ key.k1) | 0;
  }

  /** Takes one UTF-16 code unit (or any 16-bit number) as two bytes, low first. */
  unit(unit: number): void {
    this.length += 2;
    if (!this.hasPending) {
      this.pending = unit & 0xffff;
      this.hasPending = true;
      return;
    }
    this.hasPending = false;
    this.word(this.pending | ((unit & 0xffff) << 16));
  }

  text(text: string): void {
    for (let i = 0; i < text.length; i++) this.unit(text.charCodeAt(i));
  }

  /** The 64-bit tag as two words, low word first. */
  finish(): [number, number] {
    const tail = this.hasPending ? this.pending : 0;
    const last = ((this.length & 0xff) << 24) | tail;
    this.v3 ^= last;
    this.round(this.rounds.compression);
    this.v0 ^= last;
    this.v2 ^= 0xee;
    this.round(this.rounds.finalisation);
    const low = this.v1 ^ this.v3;
    this.v1 ^= 0xdd;
    this.round(this.rounds.finalisation);
    return [low >>> 0, (this.v1 ^ this.v3) >>> 0];
  }

  private word(word: number): void {
    this.v3 ^= word;
    this.round(this.rounds.compression);
    this.v0 ^= word;
  }

  private round(count: number): void {
    let { v0, v1, v2, v3 } = this;
    for (let i = 0; i < count; i++) {
      v0 = (v0 + v1) | 0;
      v1 = (v1 << 5) | (v1 >>> 27);
      v1 ^= v0;
      v0 = (v0 << 16) | (v0 >>> 16);
      v2 = (v2 + v3) | 0;
      v3 = (v3 << 8) | (v3 >>> 24);
      v3 ^= v2;
      v0 = (v0 + v3) | 0;
      v3 = (v3 << 7) | (v3 >>> 25);
      v3 ^= v0;
      v2 = (v2 + v1) | 0;
      v1 = (v1 << 13) | (v1 >>> 19);
      v1 ^= v2;
      v2 = (v2 << 16) | (v2 >>> 16);
    }
    this.v0 = v0;
    this.v1 = v1;
    this.v2 = v2;
    this.v3 = v3;
  }
}

/** 48 of the tag's 64 bits as 8 digits: 30 bits of the low word, then 18 of the high one. */
function digits([low, high]: [number, number]): string {
  let a = low & 0x3fffffff;
  let b = high & 0x3ffff;
  let out = "";
  for (let i = 0; i < 5; i++, a >>>= DIGIT_BITS) out += DIGITS.charAt(a & DIGIT_MASK);
  for (let i = 0; i < 3; i++, b >>>= DIGIT_BITS) out += DIGITS.charAt(b & DIGIT_MASK);
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
 * The fingerprint of the exact payload of one member under `key`. Fields are hashed in the fixed
 * order of MEMBER_FIELDS, each preceded by its length, so moving text from one field to the next,
 * or leaving out an optional field instead of sending it empty, changes the fingerprint.
 */
export function fingerprintMember(member: Member, key: FingerprintKey): string {
  const hash = new HalfSipHash(key, MEMBER_ROUNDS);
  for (const field of MEMBER_FIELDS) {
    const value = FIELD_VALUE[field](member);
    if (value === undefined) {
      hash.unit(ABSENT);
      hash.unit(ABSENT);
    } else {
      hash.unit(value.length & 0xffff);
      hash.unit(value.length >>> 16);
      hash.text(value);
    }
  }
  return digits(hash.finish());
}

/** The fingerprint of a whole text, as a checksum of a saved record: public, as it hides nothing. */
export function fingerprintText(text: string): string {
  const hash = new HalfSipHash(PUBLIC_KEY, MEMBER_ROUNDS);
  hash.text(text);
  return digits(hash.finish());
}
