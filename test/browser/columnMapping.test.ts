import { BAMBOOHR_EXPORT } from "./support/hrExport";
import { usePreview } from "./support/previewFixture";
import {
  cellShows,
  columnOf,
  importCsv,
  mapColumns,
  openSidebar,
  section,
  sidebarButton,
  validate,
} from "./support/steps";

/**
 * A BambooHR export pasted as a new tab (support/hrExport.ts): its ZIP column's header is not
 * one the add-on recognises, and one of its employment statuses is not one it knows. Starts from
 * the "sample" workbook: connected, with the emulator's plans.
 */
const preview = usePreview({ seed: "sample", screenshots: "columnMapping" });

it("validating the pasted export offers Map columns, which says what needs a choice", async () => {
  const { page, sidebar } = preview;
  await importCsv(page, BAMBOOHR_EXPORT);
  await openSidebar(page, sidebar);
  await sidebar.locator(".where").getByText(BAMBOOHR_EXPORT.tab, { exact: true }).waitFor();

  const results = await validate(sidebar);
  await results.getByText(/^The tab is missing the column ZIP\./).waitFor();
  await results.evaluate((element) => element.scrollIntoView({ block: "start" }));
  await preview.snap("needs-mapping");
  const step = await mapColumns(sidebar, results);

  // The step's heading has focus, as a new page's would.
  await step.getByRole("heading", { name: "Map columns" }).waitFor();
  expect(await step.evaluate((element) => element.ownerDocument.activeElement?.textContent)).toBe("Map columns");
  await step.getByText("1 column needs your choice: it is marked below.").waitFor();
  const zip = step.getByRole("combobox", { name: "ZIP required", exact: true });
  expect(await zip.inputValue()).toBe("");
  await step.getByText("Not found: choose its column").waitFor();
  const seasonal = step.getByRole("combobox", { name: "Seasonal 1 row", exact: true });
  expect(await seasonal.inputValue()).toBe("");
  expect(await step.getByRole("combobox", { name: "Terminated 1 row", exact: true }).inputValue()).toBe("exclude");
});

it("choosing Home ZIP/Postal for ZIP and including Seasonal lets every row validate", async () => {
  const { page, sidebar } = preview;
  const step = sidebar.getByRole("region", { name: "Map columns", exact: true });
  const zip = step.getByRole("combobox", { name: "ZIP required", exact: true });
  await zip.selectOption({ label: "Home ZIP/Postal" });
  // The header's first values show under the choice; 04101 lost its zero when typed into the sheet.
  await step.getByText("e.g. 94110 · 4101", { exact: true }).waitFor();
  await step.getByRole("combobox", { name: "Seasonal 1 row", exact: true }).selectOption({ label: "Include" });
  await preview.snap("mapping-step");

  await sidebarButton(sidebar, "Save").click();
  await step.getByText("Column choices saved. Every sync of this tab, scheduled ones too, uses them.").waitFor();
  await step.getByText("Your choices", { exact: true }).waitFor();
  expect(await step.locator(".needs-you").count()).toBe(0);

  // Saving validated the tab again: the statuses in the sheet and the Validate section agree.
  const status = await columnOf(page, "Vitable Status");
  await cellShows(page, `${status}4`, "Ready");
  await cellShows(page, `${status}5`, "Excluded");
  await step.getByRole("button", { name: "Back", exact: true }).click();
  const results = section(sidebar, "Validate");
  await results.getByText("Ready 3", { exact: true }).waitFor();
  // Zero counts are not shown: no Invalid chip once every row is ready.
  expect(await results.getByText(/^Invalid \d/).count()).toBe(0);
  await results.getByText("Every row is ready to sync.").waitFor();
  await preview.snap("validated-after-mapping");
});

it("Columns in This tab shows the saved choices, and Reset to automatic forgets them", async () => {
  const { sidebar } = preview;
  const columns = section(sidebar, "This tab").getByRole("button", { name: "Columns", exact: true });
  await columns.click();
  const step = sidebar.getByRole("region", { name: "Map columns", exact: true });
  await step.getByText("Your choices", { exact: true }).waitFor();
  expect(await step.getByRole("combobox", { name: "ZIP required Your choice", exact: true }).inputValue()).toBe(
    "Home ZIP/Postal",
  );

  await sidebarButton(sidebar, "Reset to automatic").click();
  await step.getByText("Column choices cleared: the add-on recognises the columns by their headers again.").waitFor();
  await step.getByText("Not found: choose its column").waitFor();
  await step.getByRole("button", { name: "Back", exact: true }).click();
  // Focus is back on the button that opened the step.
  expect(await columns.evaluate((element) => element === element.ownerDocument.activeElement)).toBe(true);
  await section(sidebar, "Validate")
    .getByText(/^The tab is missing the column ZIP\./)
    .waitFor();
});
