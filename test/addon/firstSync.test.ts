import { personRow, ROSTER_HEADER, startAddonSandbox, World, type AddonSandbox } from "./support/addonSandbox";
import { STARTUP_TIMEOUT_MS } from "../support/startupTimeout";

let sandbox: AddonSandbox;
beforeAll(async () => {
  sandbox = await startAddonSandbox();
}, STARTUP_TIMEOUT_MS);
afterAll(() => sandbox.close());
beforeEach(() => sandbox.emulator.control.reset());

it("validates, previews and syncs a tab through the sidebar, writing each row's outcome back", async () => {
  const world = new World(sandbox);
  world.type([ROSTER_HEADER, personRow(1), personRow(2, { Phone: "555" }), personRow(3)]);
  const groupId = world.linkNewGroup();

  const validation = world.call("validateTab", { sheetId: world.sheetId });
  expect(validation.summary).toEqual({ ready: 2, invalid: 1, excluded: 0, blank: 0, duplicates: 0 });
  expect(world.statuses().get(3)?.status).toBe("Invalid");

  const preview = world.call("previewSync", { sheetId: world.sheetId });
  expect(preview.counts.added).toBe(2);
  expect(preview.decision.kind).toBe("confirm");

  const first = world.call("startSync", { sheetId: world.sheetId, confirmation: null });
  expect(first.state).toBe("needsConfirmation");
  const confirmed = world.call("startSync", {
    sheetId: world.sheetId,
    confirmation: world.confirmation(),
  });
  let result = confirmed;
  for (let i = 0; i < 5 && result.state === "pending"; i++) {
    world.clock.advance(5_000);
    result = world.call("checkSync", { sheetId: world.sheetId });
  }
  expect(result.state).toBe("completed");
  const statuses = world.statuses();
  expect(statuses.get(2)?.status).toBe("Added");
  expect(statuses.get(3)?.status).toBe("Invalid");
  expect(statuses.get(4)?.status).toBe("Added");
  const state = await sandbox.emulator.control.state();
  expect(JSON.stringify(state)).toContain(groupId);
});
