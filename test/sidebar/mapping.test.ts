/** @jest-environment jsdom */
import { COLUMN_CHOSEN_TWICE, MAPPING_CLEARED, MAPPING_SAVED } from "../../src/messages/mapping";
import type { ColumnMappingView, MappedColumnView } from "../../src/shared/bridge";
import { ServerSentence } from "./support/fakeServer";
import { linkedTab, OTHER_SHEET_ID, preview, ROSTER_SHEET_ID, state, validation } from "./support/fixtures";
import {
  actionBarOf,
  buttonOf,
  click,
  closeSidebars,
  errorIn,
  openSidebar,
  sectionOf,
  settle,
  shown,
  textOf,
  type,
} from "./support/page";

afterEach(() => {
  expect(closeSidebars()).toEqual([]);
});

/**
 * A BambooHR export pasted into the Roster tab: its ZIP is headed "Home ZIP/Postal", which the
 * add-on does not recognise, and it has both "Phone" and "Mobile". Its Status column holds
 * "Active", which the add-on knows, and "Seasonal", which it does not.
 */
const HEADERS: ColumnMappingView["headers"] = [
  { header: "Employee #", samples: ["1001", "1002"] },
  { header: "Last Name", samples: ["Okafor", "Lindqvist"] },
  { header: "First Name", samples: ["Adaeze", "Erik"] },
  { header: "Birth Date", samples: ["1989-03-14", "1975-11-02"] },
  { header: "Address Line 1", samples: ["1420 Valencia Street", "88 Harbor View Road"] },
  { header: "City", samples: ["San Francisco", "Portland"] },
  { header: "State", samples: ["CA", "ME"] },
  { header: "Home ZIP/Postal", samples: ["94110", "04101"] },
  { header: "Phone", samples: ["(415) 555-0101"] },
  { header: "Mobile", samples: ["(415) 555-0134", "(207) 555-0148"] },
  { header: "Work Email", samples: ["adaeze.okafor@northwindtea.com", "erik.lindqvist@northwindtea.com"] },
  { header: "Status", samples: ["Active", "Seasonal"] },
  { header: "Benefit Plan", samples: ["Basic Care", "Care Plus"] },
  { header: "Notes", samples: [] },
];

function column(
  target: MappedColumnView["target"],
  label: string,
  required: boolean,
  header: string | null,
  overrides: Partial<MappedColumnView> = {},
): MappedColumnView {
  return { target, label, required, header, chosen: false, problem: null, guess: header, ...overrides };
}

/** Every column, in the order the add-on reads them: the step lists those needing a choice first. */
const COLUMNS: MappedColumnView[] = [
  column("reference_id", "Reference ID", true, "Employee #"),
  column("first_name", "First Name", true, "First Name"),
  column("last_name", "Last Name", true, "Last Name"),
  column("date_of_birth", "Date of Birth", true, "Birth Date"),
  column("email", "Email", false, "Work Email"),
  column("phone", "Phone", true, null, { problem: "ambiguous", guess: "Phone" }),
  column("plan_id", "Plan", true, "Benefit Plan"),
  column("address.address_line_1", "Address Line 1", true, "Address Line 1"),
  column("address.address_line_2", "Address Line 2", false, null),
  column("address.city", "City", true, "City"),
  column("address.state", "State", true, "State"),
  column("address.zipcode", "ZIP", true, null, { problem: "missing" }),
  column("include", "Include", false, null),
  column("employmentStatus", "Employment Status", false, "Status"),
  column("terminationDate", "Termination Date", false, null),
];

const PROBLEM =
  'More than one column could be Phone: "Phone" and "Mobile". The tab is missing the column ZIP. Add it or rename the header, then validate again. Choose which column is which with Map columns in the sidebar, then sync again.';

function mappingView(overrides: Partial<ColumnMappingView> = {}): ColumnMappingView {
  return {
    sheetId: ROSTER_SHEET_ID,
    tabName: "Roster",
    headerRow: 1,
    headers: HEADERS,
    columns: COLUMNS,
    statusValues: [
      { value: "Active", rows: 40, known: "include", chosen: null },
      { value: "Seasonal", rows: 3, known: null, chosen: null },
    ],
    saved: false,
    problem: PROBLEM,
    ...overrides,
  };
}

/** The view after the user chose Mobile for Phone, Home ZIP/Postal for ZIP and to include Seasonal. */
const SAVED = mappingView({
  columns: COLUMNS.map((c) =>
    c.target === "phone"
      ? { ...c, header: "Mobile", guess: "Mobile", chosen: true, problem: null }
      : c.target === "address.zipcode"
        ? { ...c, header: "Home ZIP/Postal", guess: "Home ZIP/Postal", chosen: true, problem: null }
        : c,
  ),
  statusValues: [
    { value: "Active", rows: 40, known: "include", chosen: null },
    { value: "Seasonal", rows: 3, known: null, chosen: "include" },
  ],
  saved: true,
  problem: null,
});

const NEEDS_MAPPING = validation({
  headerProblem: PROBLEM,
  headerDetail: {
    missing: [{ target: "address.zipcode", label: "ZIP", closest: null }],
    ambiguous: [{ target: "phone", label: "Phone", headers: ["Phone", "Mobile"] }],
    vanished: [],
  },
  summary: { ready: 0, invalid: 0, excluded: 0, blank: 0, duplicates: 0 },
  problems: [],
  problemCount: 0,
});

function stepOf(root: HTMLElement): HTMLElement {
  const step = root.querySelector<HTMLElement>("section.mapping");
  if (!step) throw new Error("The mapping step is not open");
  return step;
}

/** The step's way back: "← Back", the arrow hidden from screen readers. */
function backOf(step: HTMLElement): HTMLButtonElement {
  const back = step.querySelector<HTMLButtonElement>("button.back");
  if (!back || back.textContent !== "← Back") throw new Error("The step has no Back button");
  return back;
}

/** The list for a column, found by the label tied to it ("ZIP" for "ZIP required"). */
function selectFor(step: HTMLElement, label: string): HTMLSelectElement {
  const found = [...step.querySelectorAll("label")].find((l) => l.firstChild?.textContent === label);
  const select = found && step.ownerDocument.getElementById(found.htmlFor);
  if (!(select instanceof HTMLSelectElement)) throw new Error(`No list labelled "${label}"`);
  return select;
}

/** What a screen reader reads after a list's name: its problem and the values of the header chosen. */
function descriptionOf(select: HTMLSelectElement): string {
  const ids = (select.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id !== "");
  return ids.map((id) => textOf(document.getElementById(id)!)).join(" | ");
}

function optionsOf(select: HTMLSelectElement): string[] {
  return [...select.options].map(textOf);
}

const mainSections = (root: HTMLElement) => [...root.querySelectorAll("section:not(.mapping)")];

/** The sidebar with the Validate section showing that the tab needs its columns chosen. */
async function validatedNeedingMapping(handlers: Parameters<typeof openSidebar>[0] = {}) {
  let validations = 0;
  const open = await openSidebar({
    getSidebarState: () => state(),
    validateTab: () => (validations++ === 0 ? NEEDS_MAPPING : validation()),
    getColumnMapping: () => mappingView(),
    ...handlers,
  });
  await click(buttonOf(actionBarOf(open.root), "Validate"));
  return open;
}

describe("Map columns", () => {
  it("is offered by a validation that needs columns chosen, and opens in place of the sections", async () => {
    const { root, server } = await validatedNeedingMapping();
    const validate = sectionOf(root, "Validate");
    const card = validate.querySelector(".card.red")!;
    expect(textOf(card)).toBe(`${PROBLEM} Map columns`);
    const mapColumns = buttonOf(card as HTMLElement, "Map columns");
    // The only blue button is Sync to Vitable's.
    expect(mapColumns.className).toBe("button secondary");

    await click(mapColumns);

    expect(server.requestsOf("getColumnMapping")).toEqual([{ sheetId: ROSTER_SHEET_ID }]);
    expect(mainSections(root).some((s) => shown(s as HTMLElement))).toBe(false);
    const step = stepOf(root);
    expect(document.activeElement).toBe(step.querySelector("h2"));
    expect(textOf(step.querySelector("h2")!)).toBe("Map columns");
    expect(step.getAttribute("aria-labelledby")).toBe(step.querySelector("h2")!.id);
    expect(textOf(step)).toContain('Which column of "Roster" holds each field, by its header in row 1.');
    expect(textOf(step.querySelector(".card.amber")!)).toBe("2 columns need your choice: they are marked below.");

    await click(backOf(step));

    expect(root.querySelector("section.mapping")).toBeNull();
    // The validation's results are shown again; Preview and Sync stay hidden until they have something to say.
    expect(mainSections(root).filter((s) => (s as HTMLElement).hidden)).toEqual([
      sectionOf(root, "Preview"),
      sectionOf(root, "Sync"),
    ]);
    expect(actionBarOf(root).hidden).toBe(false);
    expect(document.activeElement).toBe(mapColumns);
  });

  it("lists the columns needing a choice first, marked in words; those settled by their headers fold away, required first", async () => {
    const { root } = await validatedNeedingMapping();
    await click(buttonOf(sectionOf(root, "Validate"), "Map columns"));
    const step = stepOf(root);
    const labelsIn = (within: Element) => [...within.querySelectorAll(".mapped-column label")].map(textOf);

    const blocks = [...step.querySelectorAll<HTMLElement>(".mapped-column")];
    expect(labelsIn(step)).toEqual([
      "Phone required",
      "ZIP required",
      "Reference ID required",
      "First Name required",
      "Last Name required",
      "Date of Birth required",
      "Plan required",
      "Address Line 1 required",
      "City required",
      "State required",
      "Email",
      "Address Line 2",
      "Include",
      "Employment Status",
      "Termination Date",
    ]);
    expect(blocks.map((block) => block.classList.contains("needs-you"))).toEqual([
      true,
      true,
      ...Array<boolean>(13).fill(false),
    ]);
    expect(descriptionOf(selectFor(step, "Phone"))).toBe("More than one column could be this | e.g. (415) 555-0101");
    expect(descriptionOf(selectFor(step, "ZIP"))).toBe("Not found: choose its column | ");

    const others = step.querySelector("details")!;
    expect(textOf(others.querySelector("summary")!)).toBe("Other columns (13)");
    expect(others.open).toBe(false);
    expect(labelsIn(others)).toEqual(labelsIn(step).slice(2));
  });

  it("opens every column for review when none needs a choice or was chosen", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      getColumnMapping: () =>
        mappingView({
          columns: COLUMNS.map((c) => ({ ...c, header: c.header ?? c.guess, problem: null })),
          problem: null,
        }),
    });

    await click(buttonOf(sectionOf(root, "This tab"), "Columns"));

    const step = stepOf(root);
    expect(step.querySelector(".card")).toBeNull();
    const others = step.querySelector("details")!;
    expect(textOf(others.querySelector("summary")!)).toBe("All columns (15)");
    expect(others.open).toBe(true);
  });

  it("pre-selects the header in use or the guess, offers none only for optional columns", async () => {
    const { root } = await validatedNeedingMapping();
    await click(buttonOf(sectionOf(root, "Validate"), "Map columns"));
    const step = stepOf(root);

    expect(selectFor(step, "Phone").value).toBe("Phone");
    expect(selectFor(step, "Reference ID").value).toBe("Employee #");
    expect(selectFor(step, "Email").value).toBe("Work Email");
    const zip = selectFor(step, "ZIP");
    expect(zip.value).toBe("");
    expect(optionsOf(zip)).toEqual(["— choose a column —", ...HEADERS.map((h) => h.header)]);
    expect(optionsOf(selectFor(step, "Address Line 2"))[0]).toBe("— none —");
    expect(selectFor(step, "Address Line 2").value).toBe("");
  });

  it("shows the first values of the header chosen, and follows the choice", async () => {
    const { root } = await validatedNeedingMapping();
    await click(buttonOf(sectionOf(root, "Validate"), "Map columns"));
    const step = stepOf(root);
    const samplesOf = (label: string) => textOf(selectFor(step, label).parentElement!.querySelector(".samples")!);

    expect(samplesOf("Phone")).toBe("e.g. (415) 555-0101");
    expect(samplesOf("ZIP")).toBe("");

    type(selectFor(step, "Phone"), "Mobile");
    type(selectFor(step, "ZIP"), "Home ZIP/Postal");
    expect(samplesOf("Phone")).toBe("e.g. (415) 555-0134 · (207) 555-0148");
    expect(samplesOf("ZIP")).toBe("e.g. 94110 · 04101");
    expect(descriptionOf(selectFor(step, "ZIP"))).toBe("Not found: choose its column | e.g. 94110 · 04101");

    type(selectFor(step, "Address Line 2"), "Notes");
    expect(samplesOf("Address Line 2")).toBe("No values below this header.");
    type(selectFor(step, "Address Line 2"), "");
    expect(samplesOf("Address Line 2")).toBe("");
  });

  it("lists the employment status values with their rows; one the add-on does not know needs a choice", async () => {
    const { root } = await validatedNeedingMapping({
      getColumnMapping: () =>
        mappingView({
          statusValues: [
            { value: "Active", rows: 40, known: "include", chosen: null },
            { value: "Leave of Absence", rows: 2, known: "include", chosen: "exclude" },
            { value: "Seasonal", rows: 3, known: null, chosen: null },
          ],
        }),
    });
    await click(buttonOf(sectionOf(root, "Validate"), "Map columns"));
    const step = stepOf(root);

    expect(textOf(step.querySelector(".subsection h3")!)).toBe('Values of "Status"');
    const values = [...step.querySelectorAll<HTMLElement>(".status-value")];
    expect(values.map((value) => textOf(value.querySelector("label")!))).toEqual([
      "Active 40 rows",
      "Leave of Absence 2 rows",
      "Seasonal 3 rows",
    ]);
    expect(values.map((value) => value.querySelector("select")!.value)).toEqual(["include", "exclude", ""]);
    expect(values.map((value) => value.classList.contains("needs-you"))).toEqual([false, false, true]);
    const seasonal = selectFor(step, "Seasonal");
    expect(optionsOf(seasonal)).toEqual(["— choose —", "Include", "Leave out"]);
    expect(descriptionOf(seasonal)).toBe("Needs a choice: rows with this value are invalid until you choose.");
    expect(optionsOf(selectFor(step, "Active"))).toEqual(["Include", "Leave out"]);
  });

  it("saves every choice, shows the server's answer, and validates the tab again", async () => {
    const { root, server } = await validatedNeedingMapping({ saveColumnMapping: () => SAVED });
    await click(buttonOf(sectionOf(root, "Validate"), "Map columns"));
    const step = stepOf(root);
    expect(buttonOf(step, "Reset to automatic").hidden).toBe(true);

    type(selectFor(step, "Phone"), "Mobile");
    type(selectFor(step, "ZIP"), "Home ZIP/Postal");
    type(selectFor(step, "Seasonal"), "include");
    await click(buttonOf(step, "Save"));

    expect(server.requestsOf("saveColumnMapping")).toEqual([
      {
        sheetId: ROSTER_SHEET_ID,
        columns: {
          phone: "Mobile",
          "address.zipcode": "Home ZIP/Postal",
          reference_id: "Employee #",
          first_name: "First Name",
          last_name: "Last Name",
          date_of_birth: "Birth Date",
          plan_id: "Benefit Plan",
          "address.address_line_1": "Address Line 1",
          "address.city": "City",
          "address.state": "State",
          email: "Work Email",
          "address.address_line_2": null,
          include: null,
          employmentStatus: "Status",
          terminationDate: null,
        },
        statusValues: { Active: "include", Seasonal: "include" },
      },
    ]);
    expect(step.querySelector(".card")).toBeNull();
    expect(textOf(step)).toContain("Your choices are saved for this tab: every sync of it uses them.");
    expect(textOf(selectFor(step, "Phone").parentElement!.querySelector("label")!)).toBe("Phone required Your choice");
    expect(step.querySelectorAll(".needs-you")).toHaveLength(0);
    expect(textOf(step.querySelector(".notice.info")!)).toBe(MAPPING_SAVED);
    expect(buttonOf(step, "Reset to automatic").hidden).toBe(false);

    expect(server.requestsOf("validateTab")).toHaveLength(2);
    const validate = sectionOf(root, "Validate");
    expect(textOf(validate)).toContain("Ready 41");
    expect(validate.querySelector(".card.red")).toBeNull();

    // The button that opened the step went with the old results: focus goes to its section's first.
    await click(backOf(step));
    expect(document.activeElement).toBe(buttonOf(actionBarOf(root), "Validate"));
  });

  it("shows the server's refusal as an alert by the Save button, and keeps the choices", async () => {
    const refusal = COLUMN_CHOSEN_TWICE("Mobile", "Phone and ZIP");
    const { root, server } = await validatedNeedingMapping({
      saveColumnMapping: () => {
        throw new ServerSentence(refusal);
      },
    });
    await click(buttonOf(sectionOf(root, "Validate"), "Map columns"));
    const step = stepOf(root);

    type(selectFor(step, "Phone"), "Mobile");
    type(selectFor(step, "ZIP"), "Mobile");
    await click(buttonOf(step, "Save"));

    const alert = step.querySelector('[role="alert"]')!;
    expect(textOf(alert)).toBe(refusal);
    expect(alert.closest(".notice")!.previousElementSibling).toBe(buttonOf(step, "Save").parentElement);
    expect(errorIn(step)).toBe(refusal);
    expect(selectFor(step, "ZIP").value).toBe("Mobile");
    expect(buttonOf(step, "Save").disabled).toBe(false);
    expect(server.requestsOf("validateTab")).toHaveLength(1);
  });

  it("opens from This tab at any time, shows the user's choices, and resets them", async () => {
    const { root, server } = await openSidebar({
      getSidebarState: () => state(),
      getColumnMapping: () => SAVED,
      clearColumnMapping: () => mappingView(),
      validateTab: () => NEEDS_MAPPING,
    });
    const columns = buttonOf(sectionOf(root, "This tab"), "Columns");

    await click(columns);
    const step = stepOf(root);
    expect(textOf(step)).toContain("Your choices are saved for this tab");

    await click(buttonOf(step, "Reset to automatic"));

    expect(server.requestsOf("clearColumnMapping")).toEqual([{ sheetId: ROSTER_SHEET_ID }]);
    expect(textOf(step.querySelector(".notice.info")!)).toBe(MAPPING_CLEARED);
    expect(textOf(step)).not.toContain("Your choices");
    expect(buttonOf(step, "Reset to automatic").hidden).toBe(true);
    expect(selectFor(step, "ZIP").value).toBe("");
    expect(server.requestsOf("validateTab")).toEqual([{ sheetId: ROSTER_SHEET_ID }]);
    // The Reset button went away with the choices: focus moves on to Save rather than the page.
    expect(document.activeElement).toBe(buttonOf(step, "Save"));

    await click(backOf(step));
    expect(document.activeElement).toBe(columns);
    expect(textOf(sectionOf(root, "Validate").querySelector(".card.red")!)).toBe(`${PROBLEM} Map columns`);
  });

  it("says why a tab without headers has nothing to choose, and offers no Save", async () => {
    const problem =
      "Row 1 of this tab has no column headers. Put the column headers, such as Reference ID, First Name, Last Name and Date of Birth, in row 1, then validate again.";
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      getColumnMapping: () =>
        mappingView({
          headers: [],
          columns: COLUMNS.map((c) => ({ ...c, header: null, guess: null, problem: null })),
          statusValues: [],
          problem,
        }),
    });

    await click(buttonOf(sectionOf(root, "This tab"), "Columns"));

    const step = stepOf(root);
    expect(textOf(step.querySelector(".card.red")!)).toBe(problem);
    expect(step.querySelectorAll("select")).toHaveLength(0);
    expect(buttonOf(step, "Save").parentElement!.hidden).toBe(true);
  });

  it("shows a failed load as an alert, with the way back", async () => {
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      getColumnMapping: () => {
        throw new ServerSentence('"Vitable Sync Log" is where the add-on records syncs, not a roster.');
      },
    });

    await click(buttonOf(sectionOf(root, "This tab"), "Columns"));

    const step = stepOf(root);
    expect(textOf(step.querySelector('[role="alert"]')!)).toBe(
      '"Vitable Sync Log" is where the add-on records syncs, not a roster.',
    );
    expect(backOf(step).disabled).toBe(false);
  });

  it("is offered by a preview and by a sync that cannot read the tab", async () => {
    const block = { guard: "rosterUnreadable" as const, message: PROBLEM, people: [] };
    const { root } = await openSidebar({
      getSidebarState: () => state(),
      previewSync: () => preview({ headerProblem: PROBLEM, decision: { kind: "blocked", blocks: [block] } }),
      startSync: () => ({
        state: "blocked",
        tabName: "Roster",
        message: "Nothing was sent to Vitable.",
        blocks: [block],
      }),
      getColumnMapping: () => mappingView(),
    });
    const previewSection = sectionOf(root, "Preview");
    const sync = sectionOf(root, "Sync");

    await click(buttonOf(actionBarOf(root), "Preview"));
    await click(buttonOf(actionBarOf(root), "Sync to Vitable"));

    await click(buttonOf(previewSection, "Map columns"));
    expect(stepOf(root)).toBeTruthy();
    await click(backOf(stepOf(root)));
    await click(buttonOf(sync, "Map columns"));
    expect(stepOf(root)).toBeTruthy();
  });

  it("closes when the user moves to another tab", async () => {
    let active = linkedTab();
    const { root, sidebar } = await openSidebar({
      getSidebarState: () => state({ tab: active }),
      getColumnMapping: () => mappingView(),
    });
    const shownBefore = mainSections(root).map((s) => (s as HTMLElement).hidden);
    await click(buttonOf(sectionOf(root, "This tab"), "Columns"));
    expect(stepOf(root)).toBeTruthy();
    expect(actionBarOf(root).hidden).toBe(true);

    active = linkedTab({ sheetId: OTHER_SHEET_ID, name: "Salaried" });
    await sidebar.refresh();
    await settle();

    expect(root.querySelector("section.mapping")).toBeNull();
    // Back as they were: Validate and Preview stay hidden until they have results.
    expect(mainSections(root).map((s) => (s as HTMLElement).hidden)).toEqual(shownBefore);
    expect(actionBarOf(root).hidden).toBe(false);
  });
});
