/** @jest-environment jsdom */
import { OUT_OF_DATE } from "../../src/messages/sidebar";
import type { SidebarState } from "../../src/shared/bridge";
import { ACTIVE_TAB_POLL } from "../../src/sidebar/app";
import { deferred, ServerSentence } from "./support/fakeServer";
import {
  completed,
  GROUPS,
  HOURLY_GROUP,
  HOURLY_LINK,
  linkedTab,
  LOG_ENTRY,
  OTHER_SHEET_ID,
  PENDING,
  preview,
  state,
  tab,
  validation,
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
  jest.useRealTimers();
});

/** The server's answer to getActiveTab for `state`: the tab on screen, and its sync marker. */
function onScreen({ tab }: SidebarState) {
  return { sheetId: tab.sheetId, name: tab.name, syncMarker: tab.syncMarker };
}

async function wait(milliseconds: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(milliseconds);
  await settle();
}

/** Makes the page visible or hidden, as the browser does when the user switches windows. */
function setVisibility(visibility: DocumentVisibilityState): void {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => visibility });
  document.dispatchEvent(new Event("visibilitychange"));
}

const MARKUP = "<img src=x onerror=alert(1)>";

describe("Sidebar", () => {
  it("loads the state again when its window gets focus and from the refresh button, following the active tab", async () => {
    let active: SidebarState = state();
    const { root, server } = await openSidebar({
      getSidebarState: () => active,
      validateTab: ({ sheetId }) => validation({ sheetId }),
    });
    // The header is compact: tab → group and the connection; who is signed in is not repeated there.
    expect(textOf(root.querySelector(".topbar")!)).toBe(
      "Vitable Roster Sync Roster → Acme Logistics Hourly Production Help ↻",
    );
    const validate = sectionOf(root, "Validate");
    await click(buttonOf(actionBarOf(root), "Validate"));
    expect(validate.querySelectorAll(".cell-link")).toHaveLength(2);

    active = state({ tab: tab({ sheetId: OTHER_SHEET_ID, name: "Salaried", link: HOURLY_LINK }) });
    window.dispatchEvent(new Event("focus"));
    await settle();

    expect(textOf(root.querySelector(".where")!)).toBe("Salaried → Acme Logistics Hourly");
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
      "Removal limit",
      "Validate",
      "Preview",
      "Sync",
      "Schedule",
      "Recent history",
      "This spreadsheet",
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
      expect(textOf(section)).toContain(`Acme ${MARKUP} Group reference: REF${MARKUP}`);
      expect(textOf(section)).toContain(`Linked to the tab "${MARKUP}"`);
      section.querySelector<HTMLInputElement>(`input[value="grp_hostile"]`)!.click();
      await click(buttonOf(section, "Link"));
      await click(buttonOf(actionBarOf(root), "Validate"));
      expect(textOf(sectionOf(root, "Validate"))).toContain(`Row 3 · ${MARKUP} — ${MARKUP}`);
      await click(buttonOf(actionBarOf(root), "Sync to Vitable"));
      await jest.advanceTimersByTimeAsync(3000);
      await settle();
    } finally {
      jest.useRealTimers();
    }

    expect(textOf(sectionOf(root, "Sync"))).toContain(`Not removed: Vitable said ${MARKUP}`);
    expect(textOf(sectionOf(root, "This tab"))).toContain(`Acme ${MARKUP}`);
    expect(root.textContent).toContain(`Only ${MARKUP} can change or remove this schedule.`);
    expect(root.querySelectorAll("img")).toHaveLength(0);
    expect(root.innerHTML).not.toContain("<img");
    expect(root.innerHTML).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("asks every few seconds which tab is on screen, and follows the user to another tab", async () => {
    jest.useFakeTimers();
    let active = state();
    const { root, server } = await openSidebar({
      getSidebarState: () => active,
      getActiveTab: () => onScreen(active),
      listGroups: () => ({ groups: GROUPS }),
    });
    expect(server.requestsOf("getActiveTab")).toHaveLength(0);

    await wait(ACTIVE_TAB_POLL.fastMs);
    expect(server.requestsOf("getActiveTab")).toHaveLength(1);
    // The same tab, not synced since: nothing to load.
    expect(server.requestsOf("getSidebarState")).toHaveLength(1);

    active = state({ tab: tab({ sheetId: OTHER_SHEET_ID, name: "Salaried", link: null }) });
    await wait(ACTIVE_TAB_POLL.fastMs);

    expect(server.requestsOf("getActiveTab")).toHaveLength(2);
    expect(server.requestsOf("getSidebarState")).toHaveLength(2);
    expect(textOf(root.querySelector(".where")!)).toBe("Salaried → no group linked");
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(true);
  });

  it("asks less often while hidden, and at once when shown again", async () => {
    jest.useFakeTimers();
    const { server } = await openSidebar({ getSidebarState: () => state() });
    await wait(ACTIVE_TAB_POLL.fastMs);
    expect(server.requestsOf("getActiveTab")).toHaveLength(1);

    setVisibility("hidden");
    // The poll after the hide was set before it: the one after that waits the slow interval.
    await wait(ACTIVE_TAB_POLL.fastMs);
    expect(server.requestsOf("getActiveTab")).toHaveLength(2);
    await wait(ACTIVE_TAB_POLL.slowMs - 1);
    expect(server.requestsOf("getActiveTab")).toHaveLength(2);
    await wait(1);
    expect(server.requestsOf("getActiveTab")).toHaveLength(3);

    setVisibility("visible");
    await wait(0);
    expect(server.requestsOf("getActiveTab")).toHaveLength(4);
    await wait(ACTIVE_TAB_POLL.fastMs);
    expect(server.requestsOf("getActiveTab")).toHaveLength(5);
  });

  it("when the server refuses an action on a tab no longer on screen, shows that tab and says why", async () => {
    let active = state();
    const refusal = 'The sidebar was showing "Roster", but "Salaried" is on screen now. Nothing was synced.';
    const { root, server } = await openSidebar({
      getSidebarState: () => active,
      startSync: () => {
        active = state({ tab: tab({ sheetId: OTHER_SHEET_ID, name: "Salaried", link: HOURLY_LINK }) });
        throw new ServerSentence(refusal, "tabNotOnScreen");
      },
    });

    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));

    expect(server.requestsOf("getSidebarState")).toHaveLength(2);
    expect(textOf(root.querySelector(".where")!)).toBe("Salaried → Acme Logistics Hourly");
    const alert = [...root.querySelectorAll('[role="alert"]')].filter((a) => textOf(a) !== "");
    expect(alert.map(textOf)).toEqual([`${refusal} Now showing "Salaried", the tab on screen.`]);
    // Said once, at the top: not again by the Sync section.
    expect(errorIn(sectionOf(root, "Sync"))).toBe("");
    expect(buttonOf(actionBarOf(root), "Sync to Vitable").disabled).toBe(false);
  });

  it("marks a validation and a preview out of date when the tab was synced from elsewhere", async () => {
    jest.useFakeTimers();
    let active = state();
    const { root } = await openSidebar({
      getSidebarState: () => active,
      getActiveTab: () => onScreen(active),
      validateTab: ({ sheetId }) => validation({ sheetId }),
      previewSync: ({ sheetId }) => preview({ sheetId }),
    });
    await click(buttonOf(actionBarOf(root), "Validate"));
    await click(buttonOf(actionBarOf(root), "Preview"));
    expect(textOf(sectionOf(root, "Validate"))).toContain("Ready 41");
    expect(textOf(sectionOf(root, "Preview"))).not.toContain(OUT_OF_DATE.preview);

    // The menu's Sync to Vitable, or the schedule, synced the tab.
    active = state({ tab: linkedTab({ syncMarker: "synced-1" }) });
    await wait(ACTIVE_TAB_POLL.fastMs);

    expect(textOf(sectionOf(root, "Validate"))).toBe(`Validate ${OUT_OF_DATE.validation}`);
    expect(textOf(sectionOf(root, "Preview"))).toBe(`Preview ${OUT_OF_DATE.preview}`);
  });
});
