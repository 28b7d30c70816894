import { createHash } from "node:crypto";

/** Prefixes of the IDs the emulator hands out (vitable-api.md §1). */
const ID_PREFIXES = {
  organization: "org",
  group: "grp",
  groupMember: "grpmbr",
  syncRequest: "grpmsr",
} as const;

export type IdKind = keyof typeof ID_PREFIXES;

/**
 * The `sequence`-th ID of a kind, shaped like Vitable's group IDs: `<prefix>_<base64 UUID>`.
 * Derived from a hash so a run is reproducible, and in standard base64 so IDs carry `/`, `+`
 * and `=`, which catches a client that puts IDs into paths without encoding them.
 */
export function generatedId(kind: IdKind, sequence: number): string {
  const bytes = createHash("sha256").update(`${kind}:${sequence}`).digest().subarray(0, 16);
  // Version 4, RFC 4122 variant: the bits a real UUID carries.
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return `${ID_PREFIXES[kind]}_${bytes.toString("base64")}`;
}
