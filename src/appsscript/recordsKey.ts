import type { RecordSigner } from "../core/state/signedRecords";
import type { FingerprintKey } from "../core/sync/fingerprint";

/**
 * The secret of a spreadsheet that signs the add-on's records and keys member fingerprints. It
 * lives in the document's properties, which only the add-on's own code can read, never in a cell.
 * A time-driven run may have no document properties, so the owner of the schedule keeps a copy
 * in their user properties, made when they set the schedule up.
 */
export interface RecordsSecret {
  signer: RecordSigner;
  fingerprintKey: FingerprintKey;
}

const DOCUMENT_SECRET = "vitable.recordsSecret";
const scheduleCopyKey = (spreadsheetId: string) => `vitable.scheduleRecordsSecret.${spreadsheetId}`;

function secretOf(secret: string): RecordsSecret {
  const sign = (text: string) => Utilities.computeHmacSha256Signature(text, secret);
  const derived = sign("member fingerprints");
  return {
    signer: { sign: (text) => Utilities.base64EncodeWebSafe(sign(text)) },
    fingerprintKey: { k0: wordAt(derived, 0), k1: wordAt(derived, 4) },
  };
}

/** Four signed bytes, little-endian, as one 32-bit word. */
function wordAt(bytes: readonly number[], start: number): number {
  return (
    ((bytes[start]! & 0xff) |
      ((bytes[start + 1]! & 0xff) << 8) |
      ((bytes[start + 2]! & 0xff) << 16) |
      ((bytes[start + 3]! & 0xff) << 24)) >>>
    0
  );
}

/** The spreadsheet's secret, made on first use: two random UUIDs, 244 random bits. */
function documentSecret(): string {
  const properties = PropertiesService.getDocumentProperties();
  let secret = properties.getProperty(DOCUMENT_SECRET);
  if (secret === null) {
    secret = Utilities.getUuid() + Utilities.getUuid();
    properties.setProperty(DOCUMENT_SECRET, secret);
  }
  return secret;
}

export function documentRecordsSecret(): RecordsSecret {
  return secretOf(documentSecret());
}

/**
 * The secret a scheduled run works with: the document's when the run can read its properties,
 * else the owner's copy; null when neither is there (the add-on's data was removed), and then no
 * record reads.
 */
export function scheduledRecordsSecret(spreadsheetId: string): RecordsSecret | null {
  const secret =
    PropertiesService.getDocumentProperties()?.getProperty(DOCUMENT_SECRET) ??
    PropertiesService.getUserProperties().getProperty(scheduleCopyKey(spreadsheetId));
  return secret === null ? null : secretOf(secret);
}

/** Keeps a copy of the document's secret for the schedule's owner (the current user). */
export function keepRecordsKeyCopy(spreadsheetId: string): void {
  PropertiesService.getUserProperties().setProperty(scheduleCopyKey(spreadsheetId), documentSecret());
}

export function forgetRecordsKeyCopy(spreadsheetId: string): void {
  PropertiesService.getUserProperties().deleteProperty(scheduleCopyKey(spreadsheetId));
}
