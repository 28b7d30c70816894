/** @jest-environment jsdom */
import { BRAKE_CONFIRMATION, CONFIRMATION_TOKEN, preview, ROSTER_SHEET_ID, state } from "./support/fixtures";
import { actionBarOf, buttonOf, click, closeSidebars, openSidebar, sectionOf, textOf } from "./support/page";

afterEach(() => {
  expect(closeSidebars()).toEqual([]);
});

function listTitled(section: HTMLElement, title: string): HTMLDetailsElement {
  const found = [...section.querySelectorAll("details")].find((d) => textOf(d.querySelector("summary")!) === title);
  if (!found) throw new Error(`No list "${title}"`);
  return found;
}

describe("Preview", () => {
  it("lists who is added, changed, removed (with why), excluded and not sent, and that the sync may go ahead", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      previewSync: () => preview(),
      selectCell: () => ({}),
    });
    const section = sectionOf(root, "Preview");

    await click(buttonOf(actionBarOf(root), "Preview"));

    expect(server.requestsOf("previewSync")).toEqual([{ sheetId: ROSTER_SHEET_ID }]);
    expect([...section.querySelectorAll(".chip")].map(textOf)).toEqual([
      "Added 2",
      "Changed 1",
      "Unchanged 38",
      "Removed 1",
      "Excluded 1",
      "Invalid 1",
    ]);
    expect(textOf(listTitled(section, "Added (2)"))).toContain("Row 43 · Priya Raman · E1044");
    expect(textOf(listTitled(section, "Added (2)"))).toContain("Row 44 · Tomás Ortega · E1045");
    expect(textOf(listTitled(section, "Changed (1)"))).toContain("Row 8 · Grace Liu · E1007");
    expect(textOf(listTitled(section, "Removed (1)"))).toContain("Marcus Bell · E1002 Not in the tab");
    expect(textOf(listTitled(section, "Excluded (1)"))).toContain("Row 20 · Ana Souza · E1019");
    expect(textOf(listTitled(section, "Invalid, not sent (1)"))).toContain(
      "Row 12 · Omar Haddad · E1011 Phone has 9 digits; a US phone number has 10. Leaving this row out would remove this person.",
    );
    expect(textOf(section.querySelector(".card.green")!)).toBe(
      "A sync can go ahead now: nothing needs your confirmation.",
    );

    await click(listTitled(section, "Invalid, not sent (1)").querySelector<HTMLButtonElement>(".cell-link")!);
    expect(server.requestsOf("selectCell")).toEqual([{ sheetId: ROSTER_SHEET_ID, row: 12, column: 1 }]);
  });

  it("says which guards would ask first, leaving the people to the sync's own question", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      previewSync: () =>
        preview({ decision: { kind: "confirm", confirmations: [BRAKE_CONFIRMATION], token: CONFIRMATION_TOKEN } }),
    });
    const section = sectionOf(root, "Preview");

    await click(buttonOf(actionBarOf(root), "Preview"));

    // One removal warning in the sidebar: the one the sync asks, with the people in it.
    expect(textOf(section.querySelector(".card.amber")!)).toBe(
      "Syncing will ask you to confirm first: Many people would be removed.",
    );
    expect(textOf(section)).not.toContain("Lena Fischer");
  });

  it("says when a sync is blocked, and why", async () => {
    const message = "The tab has no member rows, and a scheduled or one-click sync never sends an empty roster.";
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      previewSync: () =>
        preview({ decision: { kind: "blocked", blocks: [{ guard: "emptyRoster", message, people: [] }] } }),
    });
    const section = sectionOf(root, "Preview");

    await click(buttonOf(actionBarOf(root), "Preview"));

    expect(textOf(section.querySelector(".decision")!)).toBe(`A sync is blocked The roster is empty ${message}`);
  });

  it("explains a first sync, where nobody can count as changed or removed, and a list capped below its count", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      previewSync: () =>
        preview({
          hasLastAccepted: false,
          counts: { added: 120, changed: 0, unchanged: 0, removed: 0, excluded: 0, invalid: 0 },
          changed: [],
          removed: [],
          excluded: [],
          invalid: [],
        }),
    });
    const section = sectionOf(root, "Preview");

    await click(buttonOf(actionBarOf(root), "Preview"));

    expect(textOf(section)).toContain(
      'There is no record of an earlier sync to "Acme Logistics Hourly", so this preview cannot tell who is in the group already.',
    );
    expect(textOf(listTitled(section, "Added (120)"))).toContain("and 118 more");
    expect(section.querySelectorAll("details")).toHaveLength(1);
  });

  it("cannot preview a tab that is not linked to a group, and the action bar says why", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state({ tab: { ...state().tab, link: null } }),
      listGroups: () => ({ groups: [] }),
    });
    const section = sectionOf(root, "Preview");

    expect(buttonOf(actionBarOf(root), "Preview").disabled).toBe(true);
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(true);
    expect(textOf(actionBarOf(root).querySelector(".reason-line")!)).toBe(
      "Link this tab to a Vitable group to preview and sync it.",
    );
    // Nothing to show until it has a result.
    expect(section.hidden).toBe(true);
  });
});
