import { externalReferenceIdFor, findOrCreateGroup } from "../../../sandbox/cli/groups";
import { group, ok, scriptedSandbox } from "./support/scriptedAddon";

describe("externalReferenceIdFor", () => {
  it.each([
    ["Acme Tier 1", "acme-tier-1"],
    ["  Café Zoë / Night Shift!  ", "cafe-zoe-night-shift"],
    ["!!!", "group"],
  ])("makes %j into %j", (name, id) => {
    expect(externalReferenceIdFor(name, new Set())).toBe(id);
  });

  it("adds a number when other groups have the ID already", () => {
    expect(externalReferenceIdFor("Acme", new Set(["acme", "acme-2"]))).toBe("acme-3");
  });

  it("stays within Vitable's 255 characters, with room for the number", () => {
    const id = externalReferenceIdFor("a".repeat(400), new Set(["a".repeat(245)]));
    expect(id).toBe(`${"a".repeat(245)}-2`);
  });
});

describe("findOrCreateGroup", () => {
  it("uses the group of that exact name, preferring the one linked to the tab", () => {
    const other = group({ id: "grp_1", name: "Acme" });
    const linked = group({ id: "grp_2", name: "Acme", linkedTab: { sheetId: 0, name: "Roster" } });
    const { sandbox, calls } = scriptedSandbox({
      listGroups: () => ok({ groups: [group({ id: "grp_0", name: "acme" }), other, linked] }),
    });
    expect(findOrCreateGroup(sandbox.addon, "Acme", 0)).toEqual(linked);
    expect(calls.map((call) => call.name)).toEqual(["listGroups"]);
  });

  it("creates the group when none has the name, with an ID no other group has", () => {
    const created = group({ id: "grp_9", name: "Acme Tier 1", externalReferenceId: "acme-tier-1-2" });
    const { sandbox, calls } = scriptedSandbox({
      listGroups: () => ok({ groups: [group({ name: "Acme Tier 2", externalReferenceId: "acme-tier-1" })] }),
      createGroup: () => ok(created),
    });
    expect(findOrCreateGroup(sandbox.addon, "Acme Tier 1", 0)).toEqual(created);
    expect(calls[1]).toEqual({
      name: "createGroup",
      request: { name: "Acme Tier 1", externalReferenceId: "acme-tier-1-2" },
    });
  });
});
