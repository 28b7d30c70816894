/** @jest-environment jsdom */
import type { GroupView } from "../../src/shared/bridge";
import { ServerSentence } from "./support/fakeServer";
import {
  DRIVERS_GROUP,
  GROUPS,
  HOURLY_GROUP,
  HOURLY_LINK,
  OTHER_SHEET_ID,
  ROSTER_SHEET_ID,
  state,
  tab,
} from "./support/fixtures";
import {
  actionBarOf,
  buttonOf,
  click,
  closeSidebars,
  errorIn,
  inputOf,
  openSidebar,
  sectionOf,
  settle,
  textOf,
  type,
} from "./support/page";

afterEach(() => {
  expect(closeSidebars()).toEqual([]);
});

const unlinked = () => state({ tab: tab() });

function options(section: HTMLElement): Array<{ text: string; disabled: boolean }> {
  return [...section.querySelectorAll<HTMLLabelElement>(".group-option")].map((label) => ({
    text: textOf(label),
    disabled: label.querySelector("input")!.disabled,
  }));
}

function radioOf(section: HTMLElement, group: GroupView): HTMLInputElement {
  return section.querySelector<HTMLInputElement>(`input[type="radio"][value="${group.id}"]`)!;
}

describe("This tab", () => {
  it("lists every group, searchable by name and reference ID, and a group linked to another tab cannot be chosen", async () => {
    const { root } = await openSidebar({ getSidebarState: unlinked, listGroups: () => ({ groups: GROUPS }) });
    const section = sectionOf(root, "This tab");

    // A tab still to link is open, and the header names it.
    expect(textOf(root.querySelector(".where")!)).toBe("Roster → no group linked");
    expect(section.querySelector("details")!.open).toBe(true);
    expect(options(section)).toEqual([
      { text: "Acme Logistics Hourly Group reference: ACME-HOURLY", disabled: false },
      {
        text: 'Acme Logistics Salaried Group reference: ACME-SAL Linked to the tab "Salaried"; unlink it there first.',
        disabled: true,
      },
      { text: "Contract Drivers Group reference: CD-2025", disabled: false },
    ]);

    type(inputOf(section, "groupSearch"), "drivers");
    expect(options(section).map((o) => o.text)).toEqual(["Contract Drivers Group reference: CD-2025"]);

    type(inputOf(section, "groupSearch"), "acme-sal");
    expect(options(section).map((o) => o.text)).toEqual([expect.stringMatching(/^Acme Logistics Salaried/)]);

    type(inputOf(section, "groupSearch"), "payroll");
    expect(options(section)).toEqual([]);
    expect(textOf(section)).toContain(`No group's name or group reference contains "payroll".`);
  });

  it("links the chosen group to the tab", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: unlinked,
      listGroups: () => ({ groups: GROUPS }),
      linkTab: ({ sheetId, groupId }) => tab({ sheetId, link: { ...HOURLY_LINK, groupId } }),
    });
    const section = sectionOf(root, "This tab");
    const link = buttonOf(section, "Link");
    expect(link.disabled).toBe(true);

    radioOf(section, HOURLY_GROUP).click();
    expect(buttonOf(section, "Link").disabled).toBe(false);
    await click(buttonOf(section, "Link"));

    expect(server.requestsOf("linkTab")).toEqual([{ sheetId: ROSTER_SHEET_ID, groupId: HOURLY_GROUP.id }]);
    expect(textOf(section)).toContain("Linked Vitable group Acme Logistics Hourly Group reference: ACME-HOURLY");
    expect(section.querySelector(".group-list")).toBeNull();
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(false);
  });

  it("creates a group from a name and reference ID, both required, then links it", async () => {
    const created: GroupView = {
      id: "grp_01J0NEW",
      name: "Acme Warehouse Seasonal",
      externalReferenceId: "ACME-SEAS",
      linkedTab: null,
    };
    const { root, server } = await openSidebar({
      getSidebarState: unlinked,
      listGroups: () => ({ groups: [DRIVERS_GROUP] }),
      createGroup: () => created,
      linkTab: ({ sheetId }) =>
        tab({
          sheetId,
          link: { groupId: created.id, groupName: created.name, externalReferenceId: created.externalReferenceId },
        }),
    });
    const section = sectionOf(root, "This tab");
    const create = buttonOf(section, "Create group");

    type(inputOf(section, "groupName"), "Acme Warehouse Seasonal");
    await click(create);
    expect(errorIn(section)).toBe("Enter the group reference.");

    type(inputOf(section, "groupReferenceId"), "X".repeat(256));
    await click(create);
    expect(errorIn(section)).toBe("The group reference is 256 characters long; Vitable accepts at most 255.");
    expect(server.requestsOf("createGroup")).toEqual([]);

    type(inputOf(section, "groupReferenceId"), " ACME-SEAS ");
    await click(create);
    expect(server.requestsOf("createGroup")).toEqual([
      { name: "Acme Warehouse Seasonal", externalReferenceId: "ACME-SEAS" },
    ]);
    expect(errorIn(section)).toBe("");
    expect(radioOf(section, created).checked).toBe(true);
    expect(options(section).map((o) => o.text)).toContain("Acme Warehouse Seasonal Group reference: ACME-SEAS");

    await click(buttonOf(section, "Link"));
    expect(server.requestsOf("linkTab")).toEqual([{ sheetId: ROSTER_SHEET_ID, groupId: created.id }]);
  });

  it("forgets the message about a group created on one tab once the sidebar follows another", async () => {
    let active = unlinked();
    const { root } = await openSidebar({
      getSidebarState: () => active,
      listGroups: () => ({ groups: GROUPS }),
      createGroup: ({ name, externalReferenceId }) => ({ ...DRIVERS_GROUP, id: "grp_new", name, externalReferenceId }),
    });
    const section = sectionOf(root, "This tab");
    type(inputOf(section, "groupName"), "Acme Warehouse Seasonal");
    type(inputOf(section, "groupReferenceId"), "ACME-SEAS");
    await click(buttonOf(section, "Create group"));
    const created = 'Created "Acme Warehouse Seasonal". It is selected above: choose Link to link it to this tab.';
    expect(textOf(section)).toContain(created);

    active = state({ tab: tab({ sheetId: OTHER_SHEET_ID, name: "Salaried", link: null }) });
    window.dispatchEvent(new Event("focus"));
    await settle();

    expect(textOf(root.querySelector(".where")!)).toBe("Salaried → no group linked");
    expect(textOf(section)).not.toContain(created);
  });

  it("renames the linked group", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      renameGroup: ({ groupId, name }) => ({ ...HOURLY_GROUP, id: groupId, name }),
    });
    const section = sectionOf(root, "This tab");

    await click(buttonOf(section, "Rename"));
    const name = inputOf(section, "newGroupName");
    expect(name.value).toBe("Acme Logistics Hourly");
    type(name, "Acme Logistics Hourly (West)");
    await click(buttonOf(section, "Save name"));

    expect(server.requestsOf("renameGroup")).toEqual([
      { groupId: HOURLY_GROUP.id, name: "Acme Logistics Hourly (West)" },
    ]);
    expect(textOf(section)).toContain("Acme Logistics Hourly (West) Group reference: ACME-HOURLY");
  });

  it("unlinks the tab and offers the group picker again", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      unlinkTab: ({ sheetId }) => tab({ sheetId }),
      listGroups: () => ({ groups: GROUPS }),
    });
    const section = sectionOf(root, "This tab");

    await click(buttonOf(section, "Unlink"));

    expect(server.requestsOf("unlinkTab")).toEqual([{ sheetId: ROSTER_SHEET_ID }]);
    expect(options(section)).toHaveLength(3);
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(true);
  });

  it("shows why the groups could not be listed, and lists them on Try again", async () => {
    let attempts = 0;
    const { root } = await openSidebar({
      getSidebarState: unlinked,
      listGroups: () => {
        attempts++;
        if (attempts === 1) throw new ServerSentence("Vitable is busy right now. Try again in a minute.");
        return { groups: GROUPS };
      },
    });
    const section = sectionOf(root, "This tab");
    expect(errorIn(section)).toBe("Vitable is busy right now. Try again in a minute.");

    await click(buttonOf(section, "Try again"));
    expect(options(section)).toHaveLength(3);
  });

  it("inserts roster headers and shows the server's sentence, or its error", async () => {
    let tabHasData = false;
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      insertRosterHeaders: () => {
        if (tabHasData) throw new ServerSentence("Roster already has headers in row 1, so nothing was changed.");
        return { message: "Added the roster headers to row 1 of Roster, with dropdowns for Plan and State." };
      },
    });
    const section = sectionOf(root, "This tab");

    await click(buttonOf(section, "Insert roster headers"));
    expect(server.requestsOf("insertRosterHeaders")).toEqual([{ sheetId: ROSTER_SHEET_ID }]);
    expect(textOf(section.querySelector(".notice.info")!)).toBe(
      "Added the roster headers to row 1 of Roster, with dropdowns for Plan and State.",
    );

    tabHasData = true;
    await click(buttonOf(section, "Insert roster headers"));
    expect(errorIn(section)).toBe("Roster already has headers in row 1, so nothing was changed.");
  });

  it("saves the removal limit, folded to one line, refusing numbers outside its range", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      setBrake: ({ sheetId, brake }) => tab({ sheetId, link: HOURLY_LINK, brake }),
    });
    const section = sectionOf(root, "Removal limit");
    const limit = section.querySelector("details")!;
    expect(limit.open).toBe(false);
    expect(textOf(limit.querySelector("summary")!)).toBe("Removal limit 3+ people or 10%");
    limit.open = true;

    // Past 50% a co-editor could switch the brake off without anyone noticing.
    type(inputOf(section, "brakePercent"), "60");
    await click(buttonOf(section, "Save"));
    expect(errorIn(section)).toBe("Enter a percent of the group from 0 to 50 for the removal limit.");

    type(inputOf(section, "brakeMinimum"), "2.5");
    type(inputOf(section, "brakePercent"), "20");
    await click(buttonOf(section, "Save"));
    expect(errorIn(section)).toBe("Enter a whole number of people from 1 to 1,000 for the removal limit.");
    expect(server.requestsOf("setBrake")).toEqual([]);

    type(inputOf(section, "brakeMinimum"), "5");
    await click(buttonOf(section, "Save"));
    expect(server.requestsOf("setBrake")).toEqual([{ sheetId: ROSTER_SHEET_ID, brake: { minimum: 5, percent: 20 } }]);
    expect(inputOf(section, "brakeMinimum").value).toBe("5");
    expect(limit.open).toBe(true);
    expect(textOf(section)).toContain("Saved: the new limit applies from the next sync.");
    expect(textOf(limit.querySelector("summary")!)).toBe("Removal limit 5+ people or 20%");
  });
});
