import { createHash, createHmac, randomUUID } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Execution } from "../execution";
import { isDate } from "../realm";
import { appsEnum, enumMember } from "../appsEnum";
import { signatureMismatch } from "../signatureMismatch";
import { blobContent, createBlob, type SandboxBlob } from "./blob";
import { encodeText, fromScriptBytes, toSignedBytes, type CharsetName } from "./bytes";
import { formatDate, PatternError } from "./simpleDateFormat";
import { zoneRule } from "./javaTimeZones";

/** `Utilities.sleep` waits at most five minutes (apps-script-notes.md A13). */
export const SLEEP_LIMIT_MS = 300_000;

const DIGEST_ALGORITHM = appsEnum(["MD5", "SHA_1", "SHA_256", "SHA_384", "SHA_512"] as const);
const NODE_DIGESTS: Record<keyof typeof DIGEST_ALGORITHM, string> = {
  MD5: "md5",
  SHA_1: "sha1",
  SHA_256: "sha256",
  SHA_384: "sha384",
  SHA_512: "sha512",
};
const CHARSET = appsEnum(["US_ASCII", "UTF_8"] as const);
const CHARSET_NAMES: Record<keyof typeof CHARSET, CharsetName> = { US_ASCII: "US-ASCII", UTF_8: "UTF-8" };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;
const BASE64_WEB_SAFE = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;
const PLUS = /\+/g;
const SLASH = /\//g;
const GZIP_CONTENT_TYPE = "application/x-gzip";
const GZ_EXTENSION = /\.gz$/;

type Utilities = GoogleAppsScript.Utilities.Utilities;

export type SandboxUtilities = Pick<
  Utilities,
  | "Charset"
  | "DigestAlgorithm"
  | "sleep"
  | "formatDate"
  | "computeDigest"
  | "computeHmacSha256Signature"
  | "base64Encode"
  | "base64EncodeWebSafe"
  | "base64Decode"
  | "base64DecodeWebSafe"
  | "getUuid"
> & {
  newBlob(data: GoogleAppsScript.Byte[] | string, contentType?: string, name?: string): SandboxBlob;
  gzip(blob: SandboxBlob, name?: string): SandboxBlob;
  ungzip(blob: SandboxBlob): SandboxBlob;
};

/** Utilities for one execution: sleep moves the sandbox clock, everything else is computed here. */
export function createUtilities(execution: Execution): SandboxUtilities {
  const mismatch = (method: string, args: readonly unknown[]) =>
    execution.exception(signatureMismatch("Utilities", method, args));

  /** Text in the charset given (UTF-8 by default), or a script's byte array. */
  function bytesOf(method: string, args: readonly unknown[], data: unknown, charset: unknown): Uint8Array {
    if (typeof data === "string") {
      if (charset === undefined) return encodeText(data, "UTF-8");
      const named = enumMember(CHARSET, charset);
      if (named !== null) return encodeText(data, CHARSET_NAMES[named]);
    } else if (Array.isArray(data) && charset === undefined) {
      return fromScriptBytes(data);
    }
    throw mismatch(method, args);
  }

  function decodeBase64(method: string, encoded: unknown, alphabet: RegExp, args: readonly unknown[]) {
    if (typeof encoded !== "string") throw mismatch(method, args);
    if (!alphabet.test(encoded)) throw execution.exception("Could not decode string.");
    // Node's base64 decoder reads both alphabets.
    return execution.realm.copyIn(toSignedBytes(Buffer.from(encoded, "base64")));
  }

  function sourceOf(method: string, args: readonly unknown[]) {
    const content = blobContent(args[0]);
    if (content === null) throw mismatch(method, args);
    return content;
  }

  return {
    Charset: CHARSET as unknown as typeof GoogleAppsScript.Utilities.Charset,
    DigestAlgorithm: DIGEST_ALGORITHM as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm,

    sleep(milliseconds: unknown) {
      execution.call("Utilities", "sleep", "other");
      const duration = Math.trunc(Number(milliseconds));
      if (!(duration >= 0)) throw execution.exception("Invalid argument: milliseconds");
      if (duration > SLEEP_LIMIT_MS) throw execution.exception("Argument too large: milliseconds");
      execution.clock.advance(duration);
      execution.checkTime();
    },

    formatDate(date: unknown, timeZone: unknown, format: unknown) {
      execution.call("Utilities", "formatDate", "other");
      if (!isDate(date) || typeof timeZone !== "string" || typeof format !== "string") {
        throw mismatch("formatDate", [date, timeZone, format]);
      }
      try {
        return formatDate(date.getTime(), zoneRule(timeZone), format);
      } catch (error) {
        if (error instanceof PatternError) throw execution.exception(error.message);
        throw error;
      }
    },

    computeDigest(algorithm: unknown, value: unknown, charset?: unknown) {
      execution.call("Utilities", "computeDigest", "other");
      const args = [algorithm, value, charset].slice(0, charset === undefined ? 2 : 3);
      const named = enumMember(DIGEST_ALGORITHM, algorithm);
      if (named === null) throw mismatch("computeDigest", args);
      const digest = createHash(NODE_DIGESTS[named])
        .update(bytesOf("computeDigest", args, value, charset))
        .digest();
      return execution.realm.copyIn(toSignedBytes(digest));
    },

    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown) {
      execution.call("Utilities", "computeHmacSha256Signature", "other");
      const args = [value, key, charset].slice(0, charset === undefined ? 2 : 3);
      if (typeof value !== typeof key) throw mismatch("computeHmacSha256Signature", args);
      const keyBytes = bytesOf("computeHmacSha256Signature", args, key, charset);
      const signature = createHmac("sha256", keyBytes)
        .update(bytesOf("computeHmacSha256Signature", args, value, charset))
        .digest();
      return execution.realm.copyIn(toSignedBytes(signature));
    },

    base64Encode(data: unknown, charset?: unknown) {
      execution.call("Utilities", "base64Encode", "other");
      const args = charset === undefined ? [data] : [data, charset];
      return Buffer.from(bytesOf("base64Encode", args, data, charset)).toString("base64");
    },

    base64EncodeWebSafe(data: unknown, charset?: unknown) {
      execution.call("Utilities", "base64EncodeWebSafe", "other");
      const args = charset === undefined ? [data] : [data, charset];
      // Apps Script keeps the "=" padding that Node's base64url drops.
      return Buffer.from(bytesOf("base64EncodeWebSafe", args, data, charset))
        .toString("base64")
        .replace(PLUS, "-")
        .replace(SLASH, "_");
    },

    base64Decode(encoded: unknown, charset?: unknown) {
      execution.call("Utilities", "base64Decode", "other");
      return decodeBase64("base64Decode", encoded, BASE64, charset === undefined ? [encoded] : [encoded, charset]);
    },

    base64DecodeWebSafe(encoded: unknown, charset?: unknown) {
      execution.call("Utilities", "base64DecodeWebSafe", "other");
      const args = charset === undefined ? [encoded] : [encoded, charset];
      return decodeBase64("base64DecodeWebSafe", encoded, BASE64_WEB_SAFE, args);
    },

    getUuid() {
      execution.call("Utilities", "getUuid", "other");
      return randomUUID();
    },

    newBlob(data: unknown, contentType?: unknown, name?: unknown) {
      execution.call("Utilities", "newBlob", "other");
      const args = [data, contentType, name].filter((arg) => arg !== undefined);
      const textual = typeof data === "string";
      if ((!textual && !Array.isArray(data)) || args.slice(1).some((arg) => typeof arg !== "string")) {
        throw mismatch("newBlob", args);
      }
      return createBlob(execution, {
        bytes: textual ? encodeText(data, "UTF-8") : fromScriptBytes(data as unknown[]),
        contentType: typeof contentType === "string" ? contentType : textual ? "text/plain" : null,
        name: typeof name === "string" ? name : null,
      });
    },

    gzip(blob: unknown, name?: unknown) {
      execution.call("Utilities", "gzip", "other");
      const args = name === undefined ? [blob] : [blob, name];
      const source = sourceOf("gzip", args);
      if (name !== undefined && typeof name !== "string") throw mismatch("gzip", args);
      return createBlob(execution, {
        bytes: new Uint8Array(gzipSync(source.bytes)),
        contentType: GZIP_CONTENT_TYPE,
        name: name ?? source.name ?? "archive.gz",
      });
    },

    ungzip(blob: unknown) {
      execution.call("Utilities", "ungzip", "other");
      const source = sourceOf("ungzip", [blob]);
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(gunzipSync(source.bytes));
      } catch {
        throw execution.exception("Could not decompress gzip.");
      }
      return createBlob(execution, { bytes, contentType: null, name: source.name?.replace(GZ_EXTENSION, "") ?? null });
    },
  };
}
