import { flushRecords, inBatch, type Records } from "./records";

/**
 * Records that an editor cannot forge. The records tab is only protected with a warning, and every
 * editor can write it, so each record carries an HMAC of its key and text made with a secret of
 * the spreadsheet that editors cannot read (recordsKey.ts). A record whose signature does not
 * match, because it was edited, copied from another key or written without the secret, reads as
 * no record: the next sync then asks for confirmation as a first sync would, instead of trusting
 * a forged last accepted roster.
 */
export interface RecordSigner {
  /** The signature of `text`: the same text always gives the same signature. */
  sign(text: string): string;
}

/** Between the signature and the record's text; no signature contains it. */
const SEPARATOR = "\n";

/**
 * Signs what is written and checks what is read. `signer` is asked for on first use only; without
 * one nothing reads and writing throws `noSecret()`.
 */
export function signedRecords(inner: Records, signer: () => RecordSigner | null, noSecret: () => Error): Records {
  const signatureOf = (key: string, text: string) => signer()?.sign(`${key}${SEPARATOR}${text}`) ?? null;
  return {
    get(key) {
      const stored = inner.get(key);
      if (stored === null) return null;
      const split = stored.indexOf(SEPARATOR);
      if (split < 0) return null;
      const text = stored.slice(split + 1);
      const expected = signatureOf(key, text);
      return expected !== null && sameText(expected, stored.slice(0, split)) ? text : null;
    },
    set(key, value) {
      if (value === null) {
        inner.set(key, null);
        return;
      }
      const signature = signatureOf(key, value);
      if (signature === null) throw noSecret();
      inner.set(key, `${signature}${SEPARATOR}${value}`);
    },
    keys: (prefix) => inner.keys(prefix),
    batch: (work) => inBatch(inner, work),
    flush: () => flushRecords(inner),
  };
}

/** Compares every character, so the time taken says nothing about where a forgery went wrong. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}
