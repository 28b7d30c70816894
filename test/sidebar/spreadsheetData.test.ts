/** @jest-environment jsdom */
import { ServerSentence } from "./support/fakeServer";
import { linkedTab, state, tab } from "./support/fixtures";
import { buttonOf, click, closeSidebars, errorIn, openSidebar, sectionOf, textOf } from "./support/page";

afterEach(() => {
  expect(closeSidebars()).toEqual([]);
});

const REMOVED = "The add-on's data was removed from this spreadsheet.";

describe("This spreadsheet", () => {
  it("asks in place before removing the add-on's data, saying what goes and what stays, with Cancel focused", async () => {
    const { root, server } = await openSidebar({ getSidebarState: () => state({ tab: linkedTab() }) });
    const part = sectionOf(root, "This spreadsheet");
    // The last part of the sidebar, folded: it never competes with syncing.
    expect(root.querySelectorAll("section.section")[root.querySelectorAll("section.section").length - 1]).toBe(part);
    expect(part.querySelector("details")!.open).toBe(false);

    await click(buttonOf(part, "Remove the add-on's data…"));

    const question = part.querySelector<HTMLElement>('[role="group"]')!;
    expect(question.getAttribute("aria-labelledby")).toBe("remove-data-question");
    expect(textOf(question)).toContain("Remove the add-on's data from this spreadsheet?");
    expect(textOf(question)).toContain("the hidden Vitable Sync Records tab");
    expect(textOf(question)).toContain("the Vitable Sync Log tab");
    expect(textOf(question)).toContain("your roster tabs, with their Vitable Status");
    expect(textOf(question)).toContain("everyone keeps their coverage");
    expect(textOf(question)).toContain("the next sync of each tab asks you to confirm");
    expect(document.activeElement).toBe(buttonOf(question, "Cancel"));
    expect(server.requestsOf("removeAddonData")).toEqual([]);

    await click(buttonOf(question, "Cancel"));

    expect(part.querySelector('[role="group"]')).toBeNull();
    expect(document.activeElement).toBe(buttonOf(part, "Remove the add-on's data…"));
    expect(server.requestsOf("removeAddonData")).toEqual([]);
  });

  it("removes the data on the red button, then shows the add-on as before anyone used it here", async () => {
    let removed = false;
    const { root, server } = await openSidebar({
      getSidebarState: () => (removed ? state({ connection: null, tab: tab() }) : state({ tab: linkedTab() })),
      removeAddonData: () => {
        removed = true;
        return { message: `${REMOVED} Your tabs and Vitable are as they were.` };
      },
    });
    const part = sectionOf(root, "This spreadsheet");
    await click(buttonOf(part, "Remove the add-on's data…"));

    await click(buttonOf(part, "Remove data"));

    expect(server.requestsOf("removeAddonData")).toEqual([{}]);
    expect(textOf(part.querySelector(".notice")!)).toContain(REMOVED);
    expect(part.querySelector('[role="group"]')).toBeNull();
    // The state was loaded again: the key form is open.
    const connection = sectionOf(root, "Connection");
    expect(connection.querySelector("details")!.open).toBe(true);
    expect(connection.querySelector('[name="apiKey"]')).not.toBeNull();
  });

  it("shows the server's refusal next to the question and keeps it", async () => {
    const refusal = 'A sync of "Roster" is still waiting for Vitable\'s answer.';
    const { root } = await openSidebar({
      getSidebarState: () => state({ tab: linkedTab() }),
      removeAddonData: () => {
        throw new ServerSentence(refusal);
      },
    });
    const part = sectionOf(root, "This spreadsheet");
    await click(buttonOf(part, "Remove the add-on's data…"));

    await click(buttonOf(part, "Remove data"));

    expect(errorIn(part)).toBe(refusal);
    expect(buttonOf(part, "Remove data").disabled).toBe(false);
  });
});
