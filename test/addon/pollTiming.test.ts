import { rosterOf, useAddonSandbox, World } from "./support/addonSandbox";

/**
 * Polling fits the work: a tab's next sync first asks Vitable after about as long as Vitable took
 * over its last one (scaled to the roster), instead of from one second on, so a sync Vitable takes
 * twelve seconds over costs one status check rather than several, and is still noticed at once.
 */

const sandbox = useAddonSandbox();

/** A status check of a member sync, as the add-on's fetch names it. */
const STATUS_CHECK = /^GET \S+\/members\/sync\/[^/?]+$/;
const PROCESSING_MS = 12_000;

it("asks about a tab's next sync when Vitable can be done, going by the time it took last", async () => {
  const checks: number[] = [];
  const world: World = new World(sandbox, {
    beforeCall: (call) => {
      if (call.service === "UrlFetchApp" && STATUS_CHECK.test(call.target ?? "")) checks.push(world.clock.now());
    },
  });
  world.type(rosterOf(3));
  await sandbox.emulator.control.setProcessingDelay(PROCESSING_MS);
  world.firstSync();
  // Nothing to go by: asked after 1, 2, 3, 5 and 8 seconds until done.
  expect(checks.length).toBeGreaterThanOrEqual(4);

  checks.length = 0;
  world.type(rosterOf(4));
  const sentAt = world.clock.now();
  const report = world.runMenu("syncActiveTab");

  expect(report.ok).toBe(true);
  expect(world.logEntries().at(-1)).toMatchObject({ Outcome: "Completed", Added: "1" });
  // The last sync of 3 took about 12 s: this one of 4 is first asked about after that long.
  expect(checks).toHaveLength(1);
  expect(checks[0]! - sentAt).toBeGreaterThanOrEqual(PROCESSING_MS);
  expect(checks[0]! - sentAt).toBeLessThan(PROCESSING_MS + 2_000);
});
