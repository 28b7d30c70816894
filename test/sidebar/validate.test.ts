/** @jest-environment jsdom */
import { ServerSentence } from "./support/fakeServer";
import { ROSTER_SHEET_ID, state, validation } from "./support/fixtures";
import {
  actionBarOf,
  buttonOf,
  click,
  closeSidebars,
  errorIn,
  openSidebar,
  sectionOf,
  settle,
  textOf,
} from "./support/page";

afterEach(() => {
  expect(closeSidebars()).toEqual([]);
});

describe("Validate", () => {
  it("says the results may be out of date once the user was in the sheet, keeping them", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      validateTab: () => validation(),
    });
    const section = sectionOf(root, "Validate");
    await click(buttonOf(actionBarOf(root), "Validate"));
    const warning = "You were in the sheet since this check: if you changed the tab, validate again.";
    expect(textOf(section)).not.toContain(warning);

    // The user clicks into the sheet, then comes back to the sidebar.
    window.dispatchEvent(new Event("blur"));
    window.dispatchEvent(new Event("focus"));
    await settle();

    expect(textOf(section)).toContain(warning);
    expect(textOf(section)).toContain("Ready 41");

    await click(buttonOf(actionBarOf(root), "Validate"));
    expect(textOf(section)).not.toContain(warning);
  });

  it("does not warn after a focus that did not follow a visit to the sheet", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      validateTab: () => validation(),
    });
    const section = sectionOf(root, "Validate");
    await click(buttonOf(actionBarOf(root), "Validate"));

    window.dispatchEvent(new Event("focus"));
    await settle();

    expect(textOf(section)).not.toContain("You were in the sheet");
  });

  it("shows the summary and the first problems, and a click on one selects its cell", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      validateTab: () => validation({ problemCount: 9 }),
      selectCell: () => ({}),
    });
    const section = sectionOf(root, "Validate");

    await click(buttonOf(actionBarOf(root), "Validate"));

    expect(server.requestsOf("validateTab")).toEqual([{ sheetId: ROSTER_SHEET_ID }]);
    expect([...section.querySelectorAll(".chip")].map(textOf)).toEqual([
      "Ready 41",
      "Invalid 2",
      "Excluded 1",
      "Blank 3",
    ]);
    const problems = [...section.querySelectorAll<HTMLButtonElement>(".cell-link")];
    expect(problems.map(textOf)).toEqual([
      "Row 12 · Phone — has 9 digits; a US phone number has 10, e.g. 4155550100.",
      "Row 17 · Date of Birth — 02/30/1988 is not a real date. Check the month and day.",
    ]);
    expect(textOf(section)).toContain("9 problems");
    expect(textOf(section)).toContain("and 7 more");

    await click(problems[1]!);
    expect(server.requestsOf("selectCell")).toEqual([{ sheetId: ROSTER_SHEET_ID, row: 17, column: 4 }]);
  });

  it("puts a header problem first, where it cannot be missed", async () => {
    const headerProblem =
      'The tab has no "Phone" column. Add a column named Phone (the closest header found is "Phne").';
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      validateTab: () =>
        validation({
          headerProblem,
          summary: { ready: 0, invalid: 0, excluded: 0, blank: 0, duplicates: 0 },
          problems: [],
          problemCount: 0,
        }),
    });
    const section = sectionOf(root, "Validate");

    await click(buttonOf(actionBarOf(root), "Validate"));

    expect(textOf(section.querySelector(".card.red")!)).toBe(headerProblem);
    expect(textOf(section)).not.toContain("Every row is ready to sync.");
  });

  it("says so when every row is ready", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      validateTab: () =>
        validation({
          summary: { ready: 44, invalid: 0, excluded: 0, blank: 0, duplicates: 0 },
          problems: [],
          problemCount: 0,
        }),
    });
    const section = sectionOf(root, "Validate");

    await click(buttonOf(actionBarOf(root), "Validate"));

    expect(textOf(section)).toContain("Every row is ready to sync.");
  });

  it("shows a failure next to the button, and a failed cell selection next to the list", async () => {
    let fails = true;
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      validateTab: () => {
        if (fails) throw new ServerSentence("Vitable could not be reached to list the plans. Try again in a minute.");
        return validation();
      },
      selectCell: () => {
        throw new ServerSentence("Row 12 is no longer in the tab Roster. Validate again to refresh the list.");
      },
    });
    const section = sectionOf(root, "Validate");

    await click(buttonOf(actionBarOf(root), "Validate"));
    expect(errorIn(section)).toBe("Vitable could not be reached to list the plans. Try again in a minute.");
    expect(buttonOf(actionBarOf(root), "Validate").disabled).toBe(false);

    fails = false;
    await click(buttonOf(actionBarOf(root), "Validate"));
    expect(errorIn(section)).toBe("");
    await click(section.querySelector<HTMLButtonElement>(".cell-link")!);
    expect(errorIn(section)).toBe("Row 12 is no longer in the tab Roster. Validate again to refresh the list.");
  });
});
