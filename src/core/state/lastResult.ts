import { syncResultSchema, type SyncResultView } from "../../shared/bridge";
import { readJsonRecord, writeJsonRecord, type Records } from "./records";

/** The outcome of a tab's latest finished sync, for a sidebar that was waiting on it. */
const RESULT_PREFIX = "result:";

export function lastResultOf(records: Records, sheetId: number): SyncResultView | null {
  return readJsonRecord(records, RESULT_PREFIX + sheetId, (value) => {
    const parsed = syncResultSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  });
}

export function saveLastResult(records: Records, sheetId: number, result: SyncResultView): void {
  writeJsonRecord(records, RESULT_PREFIX + sheetId, result);
}
