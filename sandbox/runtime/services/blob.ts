import type { Execution } from "../execution";
import { objectMethods } from "../objectMethods";
import { charsetNamed, decodeText, encodeText, toSignedBytes, type CharsetName } from "./bytes";

/** The Blob methods the sandbox implements; setters return the blob, as in Apps Script. */
export interface SandboxBlob extends Pick<
  GoogleAppsScript.Base.Blob,
  "getBytes" | "getContentType" | "getName" | "getDataAsString"
> {
  setDataFromString(text: string, charset?: string): SandboxBlob;
  setContentType(contentType: string | null): SandboxBlob;
  setName(name: string): SandboxBlob;
  copyBlob(): SandboxBlob;
}

/** What a blob holds, read host-side (Utilities.gzip, recorded mail) without counting calls. */
export interface BlobContent {
  bytes: Uint8Array;
  contentType: string | null;
  name: string | null;
}

const contents = new WeakMap<object, BlobContent>();

/** The content of a blob made by the sandbox, or null for anything else. */
export function blobContent(value: unknown): BlobContent | null {
  return typeof value === "object" && value !== null ? (contents.get(value) ?? null) : null;
}

export function createBlob(execution: Execution, initial: BlobContent): SandboxBlob {
  const content: BlobContent = { ...initial, bytes: initial.bytes.slice() };
  const charset = (name: string | undefined): CharsetName => {
    if (name === undefined) return "UTF-8";
    const known = charsetNamed(String(name));
    if (known === null) throw execution.exception(`Unsupported charset: ${String(name)}`);
    return known;
  };
  const { method, chained } = objectMethods<SandboxBlob>(execution, "Blob", () => blob);
  const blob: SandboxBlob = {
    getBytes: method("getBytes", "read", () => execution.realm.copyIn(toSignedBytes(content.bytes))),
    getDataAsString: method("getDataAsString", "read", (charsetName?: string) =>
      decodeText(content.bytes, charset(charsetName)),
    ),
    setDataFromString: chained("setDataFromString", "write", (text: string, charsetName?: string) => {
      content.bytes = encodeText(String(text), charset(charsetName));
    }),
    getContentType: method("getContentType", "read", () => content.contentType),
    setContentType: chained("setContentType", "write", (contentType: string | null) => {
      content.contentType = contentType === null ? null : String(contentType);
    }),
    getName: method("getName", "read", () => content.name),
    setName: chained("setName", "write", (name: string) => {
      content.name = String(name);
    }),
    copyBlob: method("copyBlob", "other", () => createBlob(execution, content)),
  };
  contents.set(blob, content);
  return blob;
}
