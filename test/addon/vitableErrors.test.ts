import { World, useAddonSandbox } from "./support/addonSandbox";

/**
 * Product.md §6: every failure reaches the user as a sentence they can act on. Faults during a
 * sync are in the fault matrix (faultMatrix/, docs/reliability.md); these are the other flows.
 */

const sandbox = useAddonSandbox();

/** The first attempt and the client's two retries. */
const EVERY_ATTEMPT = 3;

it("refuses a key Vitable rejects when connecting, and saves nothing", () => {
  const world = new World(sandbox);

  const answer = world.callRaw("connect", { apiKey: "vit_apk_revoked0000", environment: "uat", scope: "user" });

  expect(answer).toEqual({
    ok: false,
    message:
      "Vitable rejected this API key. Check that you copied all of it and that it is a key for the environment you picked: Test environment (UAT).",
  });
  expect(world.call("getSidebarState", {}).connection).toBeNull();
});

it("answers a sidebar call that is not a sync with a sentence when the connection drops", async () => {
  const world = new World(sandbox);
  world.connect();
  await sandbox.emulator.control.injectFault({ kind: "dropConnection", path: "/v1/groups", times: EVERY_ATTEMPT });

  const answer = world.callRaw("listGroups", {});

  expect(answer).toEqual({
    ok: false,
    message: expect.stringMatching(
      /^The add-on could not reach Vitable at api\.uat\.vitablehealth\.com, so it could not list the groups\./,
    ),
  });
});
