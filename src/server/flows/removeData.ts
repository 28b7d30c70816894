import type { DocumentData } from "../../appsscript/documentData";
import { hasPendingSync } from "../../core/state/pendingSync";
import { activeLease } from "../../core/state/syncLease";
import { allTabLinks } from "../../core/state/tabLink";
import { listInWords } from "../../core/text/wording";
import { REMOVE_DATA, REMOVE_DATA_BUSY, waitForPendingSync } from "../../messages/removeData";
import { AddonError } from "../addonError";
import type { AddonContext } from "../context";

/** How long removing waits for another run to let go of the document lock. */
const LOCK_WAIT_MS = 2_000;

/**
 * "Remove the add-on's data from this spreadsheet": deletes everything the add-on keeps about it
 * that this user can reach: the records and log tabs, the document's properties (a shared key,
 * the records' secret), the user's own key and schedule. The roster tabs and Vitable are left as
 * they are. With the records gone, the next sync of each tab asks as a first sync does.
 *
 * Refused while a sync runs or waits for Vitable: its outcome would have nowhere to go. The
 * document lock keeps a sync from starting meanwhile.
 */
export function removeAddonData(context: AddonContext, data: DocumentData): { message: string } {
  if (!context.lock.tryLock(LOCK_WAIT_MS)) throw new AddonError(REMOVE_DATA_BUSY);
  try {
    if (activeLease(context.records, context.now()) !== null) throw new AddonError(REMOVE_DATA_BUSY);
    // A deleted tab's pending sync has no rows to write back to, and nobody can open it to finish it.
    const pending = allTabLinks(context.records)
      .filter((link) => hasPendingSync(context.records, link.sheetId))
      .flatMap((link) => context.tab(link.sheetId) ?? []);
    if (pending.length > 0) {
      throw new AddonError(waitForPendingSync(listInWords(pending.map((tab) => `"${tab.name()}"`))));
    }
    // The schedule first: a run must not find the data half gone.
    data.forgetOwnSchedule();
    data.forgetOwnKey();
    data.deleteDocumentProperties();
    data.deleteOwnTabs();
    context.lock.flush();
  } finally {
    context.lock.release();
  }
  return { message: REMOVE_DATA.done };
}
