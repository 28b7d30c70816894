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
