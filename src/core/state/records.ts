/**
 * The add-on's durable per-spreadsheet records (kept in a hidden sheet by the Apps Script
 * adapter): text by key. Everything a later execution, another user or a scheduled run needs
 * about a tab lives here, keyed by the tab's sheet ID, which survives renames.
 */
export interface Records {
  get(key: string): string | null;
  /** null deletes the record. */
  set(key: string, value: string | null): void;
  /** Keys starting with `prefix`, in the store's order. */
  keys(prefix: string): string[];
  /**
   * Runs `work` with the records it sets held back and written together when it ends (or
   * throws), in as few writes as the store allows. A store without it writes every set at once.
   */
  batch?<T>(work: () => T): T;
  /** Writes what `batch` holds back so far: a point a later execution must find written. */
  flush?(): void;
}

/**
 * Records that list people: a store keeps them apart from the short ones, whatever their size,
 * so that reading the others (as the sidebar does every few seconds) never reads them, and reading
 * one costs the same for 10 members as for 50,000.
 */
export function listsPeople(key: string): boolean {
  return LISTS_OF_PEOPLE.some((prefix) => key.startsWith(prefix));
}

/**
 * The last accepted rosters (acceptedRosters.ts), the members a pending sync sent (pendingSync.ts)
 * and how a tab's last pending sync settled, with whom it added, removed or failed (tabSyncRecord.ts).
 */
const LISTS_OF_PEOPLE = ["accepted:", "sent:", "settled:"];

/** Runs `work` as one batch of `records` (Records.batch), or as it is where the store has none. */
export function inBatch<T>(records: Records, work: () => T): T {
  return records.batch === undefined ? work() : records.batch(work);
}

/** Writes the records held back so far (Records.flush), where the store holds any. */
export function flushRecords(records: Records): void {
  records.flush?.();
}

/** Reads a JSON record through `parse`; a missing, unreadable or damaged record is null. */
export function readJsonRecord<T>(records: Records, key: string, parse: (value: unknown) => T | null): T | null {
  const text = records.get(key);
  if (text === null) return null;
  try {
    return parse(JSON.parse(text));
  } catch {
    return null;
  }
}

export function writeJsonRecord(records: Records, key: string, value: unknown): void {
  records.set(key, value === null ? null : JSON.stringify(value));
}
