import { AddonClient, AddonError } from "../../../sandbox/cli/addon";
import { CONNECTED, ok, scriptedRunner } from "./support/scriptedAddon";

const SPREADSHEET_ID = "1abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

describe("AddonClient", () => {
  it("sends the request to the server function of that name and gives the checked answer", () => {
    const runner = scriptedRunner({ connect: () => ok(CONNECTED) });
    const addon = new AddonClient(runner, SPREADSHEET_ID);
    const request = { apiKey: "vit_apk_sandbox", environment: "uat" as const, scope: "user" as const };
    expect(addon.call("connect", request)).toEqual(CONNECTED);
    expect(runner.calls).toEqual([{ name: "connect", request }]);
  });

  it("throws the add-on's own sentence when it answers ok: false", () => {
    const addon = new AddonClient(
      scriptedRunner({ connect: () => ({ ok: false, message: "Vitable rejected this API key." }) }),
      SPREADSHEET_ID,
    );
    const call = () => addon.call("connect", { apiKey: "vit_apk_x", environment: "uat", scope: "user" });
    expect(call).toThrow(new AddonError("Vitable rejected this API key."));
  });

  it("names the call when its execution fails", () => {
    const addon = new AddonClient(scriptedRunner({}), SPREADSHEET_ID);
    expect(() => addon.call("listGroups", {})).toThrow(
      new AddonError("The add-on's listGroups failed: Exception: Script function not found: listGroups"),
    );
  });

  it.each([
    ["not a result", { groups: [] }],
    ["a value of the wrong shape", ok({ groups: [{ id: "grp_1" }] })],
  ])("refuses %s, naming the call and the bridge", (_, answer) => {
    const addon = new AddonClient(scriptedRunner({ listGroups: () => answer }), SPREADSHEET_ID);
    expect(() => addon.call("listGroups", {})).toThrow(
      /^The add-on's listGroups answered in a shape src\/shared\/bridge\.ts does not allow/,
    );
  });
});
