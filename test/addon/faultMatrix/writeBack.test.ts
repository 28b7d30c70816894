import { startAddonSandbox, type AddonSandbox } from "../support/addonSandbox";
import { FAULT_ROWS, stopAtWriteAfterVitable } from "./faultRows";
import { FaultContext, runFlow } from "./faultWorld";
import { STARTUP_TIMEOUT_MS } from "../../support/startupTimeout";

/**
 * "Execution limit hit while writing back", at every write of the write-back in turn: Apps Script
 * may stop the execution at any call, and the next run must still finish the sync, with the
 * right rows, the right last accepted roster and one Completed entry in the log.
 */

let sandbox: AddonSandbox;
beforeAll(async () => {
  sandbox = await startAddonSandbox();
}, STARTUP_TIMEOUT_MS);
afterAll(() => sandbox.close());

const STOPPED_WRITE_BACK = FAULT_ROWS.find((row) => row.name === "execution limit hit while writing back")!;
/** Far more writes than a write-back makes: the loop below ends on the first run left whole. */
const MOST_WRITES = 30;

/** A sync, a stopped check and a finishing check per write: seconds on a busy machine. */
const LOOP_TIMEOUT_MS = 60_000;

it(
  "lets the next run finish a write-back that the time limit stopped at any of its writes",
  async () => {
    let stoppedRuns = 0;
    for (let write = 1; write <= MOST_WRITES; write++) {
      await sandbox.emulator.control.reset();
      // A sync Vitable finishes a minute after the sidebar sent it, and the sidebar's next check.
      const ctx = await FaultContext.start(sandbox, STOPPED_WRITE_BACK);
      const requestId = ctx.pendingRequestId();
      await STOPPED_WRITE_BACK.inject(ctx);
      ctx.onCall(stopAtWriteAfterVitable(write));
      const stopped = runFlow(ctx, "sidebar check");
      ctx.stopHook();
      if (!stopped.report.timedOut) break;
      stoppedRuns++;

      const finished = ctx.world.call("checkSync", { sheetId: ctx.tab.id });

      expect(finished).toMatchObject({
        state: "completed",
        requestId,
        counts: { added: 1, changed: 1, removed: 1, failed: 0 },
      });
      expect(Object.fromEntries(ctx.statusById())).toEqual({
        "1001": "Synced",
        "1002": "Synced",
        "1003": "Synced",
        "1005": "Added",
      });
      const logged = ctx.world.logEntries().filter((entry) => entry["Request ID"] === requestId);
      expect(logged.map((entry) => entry.Outcome)).toEqual(["Pending", "Completed"]);
      expect(ctx.pendingRequestId()).toBeNull();
      // The last accepted roster is what Vitable holds: the tab has nothing left to send.
      expect(ctx.world.call("previewSync", { sheetId: ctx.tab.id }).counts).toMatchObject({
        added: 0,
        changed: 0,
        removed: 0,
      });
    }
    // Statuses, the settled record, the log row, then the remaining records written together.
    expect(stoppedRuns).toBeGreaterThanOrEqual(4);
  },
  LOOP_TIMEOUT_MS,
);
