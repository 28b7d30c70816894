/** @jest-environment jsdom */
import type { SidebarState } from "../../src/shared/bridge";
import { deferred, ServerSentence } from "./support/fakeServer";
import {
  completed,
  GROUPS,
  HOURLY_GROUP,
  HOURLY_LINK,
  LOG_ENTRY,
  OTHER_SHEET_ID,
  PENDING,
  state,
  tab,
  validation,
} from "./support/fixtures";
import {
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

const MARKUP = "<img src=x onerror=alert(1)>";

describe("Sidebar", () => {
  it("loads the state again when its window gets focus and from the refresh button, following the active tab", async () => {
    let active: SidebarState = state();
    const { root, server } = await openSidebar({
      getSidebarState: () => active,
      validateTab: ({ sheetId }) => validation({ sheetId }),
    });
    expect(textOf(root.querySelector(".topbar")!)).toContain("dana.hr@acme-logistics.example");
    const validate = sectionOf(root, "Validate");
    await click(buttonOf(validate, "Validate this tab"));
    expect(validate.querySelectorAll(".cell-link")).toHaveLength(2);

    active = state({ tab: tab({ sheetId: OTHER_SHEET_ID, name: "Salaried", link: HOURLY_LINK }) });
    window.dispatchEvent(new Event("focus"));
    await settle();

    expect(textOf(sectionOf(root, "This tab"))).toContain("Salaried");
    expect(validate.querySelectorAll(".cell-link")).toHaveLength(0);

    await click(root.querySelector<HTMLButtonElement>('.topbar button[aria-label="Refresh"]')!);
    expect(server.requestsOf("getSidebarState")).toHaveLength(3);
  });

  it("keeps what the user is typing when a refresh changes nothing", async () => {
    const { root } = await openSidebar({ getSidebarState: () => state({ connection: null }) });
    type(inputOf(root, "apiKey"), "vit_apk_half");

    window.dispatchEvent(new Event("focus"));
    await settle();

    expect(inputOf(root, "apiKey").value).toBe("vit_apk_half");
  });

  it("does not let a refresh that started before an action undo the action's answer", async () => {
    const slowState = deferred<SidebarState>();
    let calls = 0;
    const { root, server } = await openSidebar({
      getSidebarState: () =>
        ++calls === 2 ? slowState.promise : state({ tab: tab({ link: calls > 2 ? HOURLY_LINK : null }) }),
      listGroups: () => ({ groups: GROUPS }),
      linkTab: ({ sheetId }) => tab({ sheetId, link: HOURLY_LINK }),
    });
    const section = sectionOf(root, "This tab");

    window.dispatchEvent(new Event("focus"));
    section.querySelector<HTMLInputElement>(`input[value="${HOURLY_GROUP.id}"]`)!.click();
    await click(buttonOf(section, "Link"));
    expect(textOf(section)).toContain("Linked Vitable group Acme Logistics Hourly");

    slowState.resolve(state({ tab: tab() }));
    await settle();

    expect(textOf(section)).toContain("Linked Vitable group Acme Logistics Hourly");
    expect(server.requestsOf("getSidebarState")).toHaveLength(3);
  });

  it("shows why the state could not be loaded, and loads it on refresh", async () => {
    let reachable = false;
    const { root } = await openSidebar({
      getSidebarState: () => {
        if (!reachable) throw new ServerSentence("Open a spreadsheet tab, then reopen the sidebar.");
        return state();
      },
    });
    expect(errorIn(root)).toBe("Open a spreadsheet tab, then reopen the sidebar.");
    expect(root.querySelectorAll("section")).toHaveLength(0);

    reachable = true;
    await click(root.querySelector<HTMLButtonElement>('.topbar button[aria-label="Refresh"]')!);
    expect(errorIn(root)).toBe("");
    expect([...root.querySelectorAll("section h2")].map(textOf)).toEqual([
      "Connection",
      "This tab",
      "Validate",
      "Preview",
      "Sync",
      "Schedule",
      "Recent history",
    ]);
  });

  it("shows markup from the server as text and never creates its elements", async () => {
    const hostile = { ...HOURLY_GROUP, id: "grp_hostile", name: `Acme ${MARKUP}`, externalReferenceId: `REF${MARKUP}` };
    const { root } = await openSidebar({
      getSidebarState: () =>
        state({
          user: `${MARKUP}@example.com`,
          tab: tab({ name: `Roster ${MARKUP}` }),
          history: [{ ...LOG_ENTRY, tab: MARKUP, group: MARKUP, detail: MARKUP, startedBy: MARKUP }],
          schedule: {
            ...state().schedule,
            frequency: { kind: "daily", hour: 9 },
            description: MARKUP,
            runsAs: MARKUP,
          },
        }),
      listGroups: () => ({
        groups: [hostile, { ...GROUPS[1]!, linkedTab: { sheetId: OTHER_SHEET_ID, name: MARKUP } }],
      }),
      linkTab: ({ sheetId }) =>
        tab({
          sheetId,
          name: `Roster ${MARKUP}`,
          link: { groupId: hostile.id, groupName: hostile.name, externalReferenceId: hostile.externalReferenceId },
        }),
      validateTab: () =>
        validation({ problems: [{ row: 3, column: 2, columnLabel: MARKUP, message: MARKUP }], problemCount: 1 }),
      startSync: () => PENDING,
      checkSync: () =>
        completed({
          message: MARKUP,
          failures: [
            { referenceId: MARKUP, name: MARKUP, row: 9, operation: "remove", reason: `Vitable said ${MARKUP}` },
          ],
        }),
    });
    jest.useFakeTimers();
    try {
      const section = sectionOf(root, "This tab");
      expect(textOf(section)).toContain(`Acme ${MARKUP} Reference ID: REF${MARKUP}`);
      expect(textOf(section)).toContain(`Linked to the tab "${MARKUP}"`);
      section.querySelector<HTMLInputElement>(`input[value="grp_hostile"]`)!.click();
      await click(buttonOf(section, "Link"));
      await click(buttonOf(sectionOf(root, "Validate"), "Validate this tab"));
      await click(buttonOf(sectionOf(root, "Sync"), "Sync to Vitable"));
      await jest.advanceTimersByTimeAsync(3000);
      await settle();
    } finally {
      jest.useRealTimers();
    }

    expect(textOf(sectionOf(root, "Sync"))).toContain(`Not removed: Vitable said ${MARKUP}`);
    expect(textOf(sectionOf(root, "Validate"))).toContain(`Row 3 · ${MARKUP} — ${MARKUP}`);
    expect(textOf(sectionOf(root, "This tab"))).toContain(`Acme ${MARKUP}`);
    expect(root.textContent).toContain(`Only ${MARKUP} can change or remove this schedule.`);
    expect(root.querySelectorAll("img")).toHaveLength(0);
    expect(root.innerHTML).not.toContain("<img");
    expect(root.innerHTML).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});
